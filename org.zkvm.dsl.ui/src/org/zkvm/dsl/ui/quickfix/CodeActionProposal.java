package org.zkvm.dsl.ui.quickfix;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

/** A quick fix in the editor's proposal list: applies the code action's edits. */
public final class CodeActionProposal implements ICompletionProposal {

	private final CodeAction action;

	public CodeActionProposal(CodeAction action) {
		this.action = action;
	}

	@Override
	public void apply(IDocument document) {
		QuickFixes.apply(action);
	}

	@Override
	public Point getSelection(IDocument document) {
		return null;
	}

	@Override
	public String getAdditionalProposalInfo() {
		return action.getTitle();
	}

	@Override
	public String getDisplayString() {
		return action.getTitle();
	}

	@Override
	public Image getImage() {
		return PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJ_ADD);
	}

	@Override
	public IContextInformation getContextInformation() {
		return null;
	}
}
