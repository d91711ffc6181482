package org.zkvm.dsl.ui.quickfix;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.lsp4j.Diagnostic;
import org.zkvm.dsl.ui.ZknetUiPlugin;
import org.zkvm.dsl.ui.editor.ZknetAnnotation;
import org.zkvm.dsl.ui.editor.ZknetDocument;

/**
 * Quick fixes (Ctrl+1, or a click on the problem's icon) for the server's diagnostics at the cursor:
 * the code actions of org.zkvm.dsl.ide's quick-fix provider, the same ones VS Code offers.
 */
public class ZknetQuickAssistProcessor implements IQuickAssistProcessor {

	private String error;

	@Override
	public String getErrorMessage() {
		return error;
	}

	@Override
	public boolean canFix(Annotation annotation) {
		return annotation instanceof ZknetAnnotation zknet && !annotation.isMarkedDeleted() && QuickFixes.hasFixes(zknet.code());
	}

	@Override
	public boolean canAssist(IQuickAssistInvocationContext context) {
		return false;
	}

	@Override
	public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
		error = null;
		ZknetDocument document = ZknetDocument.of(context.getSourceViewer().getDocument());
		IAnnotationModel model = context.getSourceViewer().getAnnotationModel();
		if (document == null || model == null) {
			return new ICompletionProposal[0];
		}
		int offset = context.getOffset();
		List<Diagnostic> here = new ArrayList<>();
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			Annotation annotation = it.next();
			Position position = model.getPosition(annotation);
			if (annotation instanceof ZknetAnnotation zknet && position != null
					&& position.getOffset() <= offset && offset <= position.getOffset() + position.getLength()) {
				here.add(zknet.diagnostic());
			}
		}
		try {
			// one proposal per fix, however many problems at the cursor offer it
			java.util.Map<String, CodeActionProposal> proposals = new java.util.LinkedHashMap<>();
			for (var action : QuickFixes.forDiagnostics(document.server(), document.uri(), here)) {
				proposals.putIfAbsent(action.getTitle() + "\n" + action.getEdit(), new CodeActionProposal(action));
			}
			return proposals.values().toArray(ICompletionProposal[]::new);
		} catch (Exception e) {
			error = "zknet: no quick fixes (" + e.getMessage() + ")";
			ZknetUiPlugin.error("zknet quick fixes failed", e);
			return new ICompletionProposal[0];
		}
	}
}
