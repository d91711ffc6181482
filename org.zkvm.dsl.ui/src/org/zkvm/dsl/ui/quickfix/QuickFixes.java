package org.zkvm.dsl.ui.quickfix;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.editor.quickfix.IQuickFixProvider;
import org.zkvm.dsl.ui.ZknetUiPlugin;
import org.zkvm.dsl.ui.editor.DocumentEdits;
import org.zkvm.dsl.ui.server.EmbeddedLanguageServer;

/** The quick fixes of org.zkvm.dsl.ide's provider, asked of the server as code actions. */
public final class QuickFixes {

	private QuickFixes() {
	}

	/** Whether the provider has a fix for problems with this catalogue code. */
	public static boolean hasFixes(String code) {
		if (code == null) {
			return false;
		}
		// the provider looks only at the code, but ignores a diagnostic without message or severity
		Diagnostic diagnostic = new Diagnostic(new org.eclipse.lsp4j.Range(), "", org.eclipse.lsp4j.DiagnosticSeverity.Error, "zknet", code);
		return ZknetUiPlugin.get().language().getInstance(IQuickFixProvider.class).handlesDiagnostic(diagnostic);
	}

	/** Applies a fix's edits (to the open editor's document, or to the saved file); a failure is logged. */
	public static void apply(CodeAction action) {
		try {
			DocumentEdits.apply(action.getEdit());
		} catch (Exception e) {
			ZknetUiPlugin.error("zknet: the quick fix '" + action.getTitle() + "' could not be applied", e);
		}
	}

	/** The code actions with edits for the given diagnostics of a file, in the server's order; waits at most the UI's time. */
	public static List<CodeAction> forDiagnostics(EmbeddedLanguageServer server, String uri, List<Diagnostic> diagnostics) throws Exception {
		List<CodeAction> actions = new ArrayList<>();
		for (Diagnostic diagnostic : diagnostics) {
			CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(uri), diagnostic.getRange(),
					new CodeActionContext(List.of(diagnostic)));
			List<Either<Command, CodeAction>> result = server.requests().codeAction(params)
					.get(EmbeddedLanguageServer.UI_WAIT_MILLIS, TimeUnit.MILLISECONDS);
			if (result != null) {
				result.stream().filter(Either::isRight).map(Either::getRight).filter(action -> action.getEdit() != null).forEach(actions::add);
			}
		}
		return actions;
	}
}
