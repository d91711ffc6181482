package org.zkvm.dsl.ui.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.editor.quickfix.QuickFix;
import org.zkvm.dsl.ide.quickfix.ZknetQuickfixProvider;
import org.zkvm.dsl.ui.server.EmbeddedLanguageServer;

/** The quick fixes of org.zkvm.dsl.ide's provider, asked of the server as code actions. */
public final class QuickFixes {

	/** The issue codes the provider has a {@code @QuickFix} method for. */
	private static final Set<String> FIXABLE = Arrays.stream(ZknetQuickfixProvider.class.getMethods())
			.map(method -> method.getAnnotation(QuickFix.class)).filter(java.util.Objects::nonNull)
			.map(QuickFix::value).collect(Collectors.toUnmodifiableSet());

	private QuickFixes() {
	}

	public static boolean hasFixes(String code) {
		return code != null && FIXABLE.contains(code);
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
