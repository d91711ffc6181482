package org.zkvm.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.xtext.ide.server.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The language server as an editor meets it: {@code java -jar zknet.jar lsp} started as a process,
 * JSON-RPC over its stdin and stdout. Open a pitfall model, receive the coded diagnostic, ask for
 * the code action, apply its edit, and see the diagnostic go.
 */
class LanguageServerIT {

	private static final int TIMEOUT = 60;

	@ParameterizedTest(name = "{0}")
	@CsvSource({"arp.same-subnet, Turn proxy_arp off", "isfc.chpid-order, ''"})
	void aPitfallIsReportedFixedAndCleared(String code, String actionTitle) throws Exception {
		Path dir = Files.createTempDirectory("zknet-lsp-it");
		Path model = dir.resolve(code + ".zknet");
		Files.copy(ZknetProcess.ROOT.resolve("examples/pitfalls").resolve(code + ".zknet"), model);
		String uri = ServerProcess.uri(model);
		try (ServerProcess lsp = new ServerProcess(dir, dir.resolve("server.err"))) {
			LanguageServer server = lsp.server;
			DiagnosticsClient editor = lsp.editor;
			assertNotNull(lsp.initialized.getCapabilities().getCodeActionProvider());

			String text = Files.readString(model);
			editor.clear();
			server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "zknet", 1, text)));
			List<Diagnostic> diagnostics = editor.next(uri, TIMEOUT);
			Diagnostic pitfall = diagnostics.stream().filter(d -> d.getCode() != null && code.equals(d.getCode().getLeft())).findFirst()
					.orElseThrow(() -> new AssertionError("no " + code + " among " + diagnostics));

			List<Either<Command, CodeAction>> actions = server.getTextDocumentService()
					.codeAction(new CodeActionParams(new TextDocumentIdentifier(uri), pitfall.getRange(), new CodeActionContext(List.of(pitfall))))
					.get(TIMEOUT, TimeUnit.SECONDS);
			CodeAction action = actions.stream().filter(Either::isRight).map(Either::getRight).filter(a -> a.getTitle().startsWith(actionTitle))
					.findFirst().orElseThrow(() -> new AssertionError("no action '" + actionTitle + "' among " + actions));
			List<TextEdit> edits = action.getEdit().getChanges().get(uri);
			assertNotNull(edits, () -> "the action edits another document: " + action.getEdit());
			String fixed = apply(text, edits);
			assertFalse(fixed.equals(text), "the action changes nothing");

			editor.clear();
			server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2),
					List.of(new TextDocumentContentChangeEvent(fixed))));
			List<Diagnostic> after = editor.next(uri, TIMEOUT);
			assertTrue(after.stream().noneMatch(d -> d.getCode() != null && code.equals(d.getCode().getLeft())),
					() -> code + " is still reported after '" + action.getTitle() + "': " + after);

			lsp.shutdown();
			String log = lsp.log();
			assertFalse(log.contains("Exception"), () -> "the server logged an exception:\n" + log);
		}
	}

	/** The edits applied as Xtext's server applies an editor's changes: last first, so earlier ranges stay valid. */
	private static String apply(String text, List<TextEdit> edits) {
		List<TextDocumentContentChangeEvent> changes = edits.stream()
				.sorted(Comparator.comparing((TextEdit e) -> e.getRange().getStart().getLine()).thenComparing(e -> e.getRange().getStart().getCharacter()).reversed())
				.map(e -> new TextDocumentContentChangeEvent(e.getRange(), e.getNewText())).toList();
		return new Document(1, text).applyTextDocumentChanges(changes).getContents();
	}
}
