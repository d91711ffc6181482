package org.zkvm.dsl.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;
import org.zkvm.dsl.ide.server.LspDocument;

/** What the soak test found in the language server, each fixed and kept fixed. */
class RobustnessTest {

	@Test
	void requestsWhereNothingParsedAnswerNothing() throws Exception {
		Path dir = Files.createTempDirectory("zknet-robust");
		Path empty = dir.resolve("empty.zknet");
		Path junk = dir.resolve("junk.zknet");
		Path comment = dir.resolve("comment.zknet");
		Files.writeString(empty, "");
		Files.writeString(junk, "}} ??? {{\n");
		Files.writeString(comment, "cec/*\n");
		try (LanguageServerSession server = new LanguageServerSession(dir)) {
			for (Path file : List.of(empty, junk, comment)) {
				server.open(file);
				Position start = new Position(0, 0);
				assertEquals(List.of(), server.definition(file, start), file.toString());
				assertEquals(List.of(), server.references(file, start, true), file.toString());
				assertEquals(List.of(), server.formatting(file), "a text that does not parse is not formatted: " + file);
				try {
					org.eclipse.lsp4j.WorkspaceEdit edit = server.rename(file, start, "x");
					assertTrue(edit == null || edit.getChanges() == null || edit.getChanges().isEmpty(), () -> "renamed something: " + edit);
				} catch (ExecutionException refused) {
					ResponseErrorException error = assertInstanceOf(ResponseErrorException.class, refused.getCause());
					assertTrue(error.getResponseError().getCode() != ResponseErrorCode.InternalError.getValue(), error.getMessage());
				}
			}
		}
	}

	@Test
	void positionsPastALineAreItsEndAndPastTheDocumentAreInvalid() throws Exception {
		Path dir = Files.createTempDirectory("zknet-robust");
		Path file = dir.resolve("m.zknet");
		Files.writeString(file, "network production 10.0.0.0/8\ncec C { chpid 10 osd }\n");
		try (LanguageServerSession server = new LanguageServerSession(dir)) {
			server.open(file);
			server.hover(file, new Position(0, 500)); // the line's end: answered, not an error
			ExecutionException beyond = assertThrows(ExecutionException.class, () -> server.hover(file, new Position(40, 0)));
			ResponseErrorException error = assertInstanceOf(ResponseErrorException.class, beyond.getCause());
			assertEquals(ResponseErrorCode.InvalidParams.getValue(), error.getResponseError().getCode());
		}
	}

	/** An editor asks at a line its last edit just made: the request is answered on that edit, never refused as outside the old text. */
	@Test
	void aRequestRightAfterAnEditSeesTheEdit() throws Exception {
		Path dir = Files.createTempDirectory("zknet-robust");
		Path file = dir.resolve("m.zknet");
		String text = "network production 10.0.0.0/8\ncec C { chpid 10 osd }\n";
		Files.writeString(file, text);
		try (LanguageServerSession server = new LanguageServerSession(dir)) {
			server.open(file);
			for (int version = 2; version < 40; version++) {
				text += "\n";
				server.send(file, version, text);
				List<String> keywords = server.completion(file, new Position(text.split("\n", -1).length - 1, 0)).stream().map(i -> i.getLabel()).toList();
				assertTrue(keywords.contains("cec") && keywords.contains("network"), keywords::toString);
			}
		}
	}

	@Test
	void hoverExplainsKeywordsAndDeclarations() throws Exception {
		Path dir = Files.createTempDirectory("zknet-robust");
		Path file = dir.resolve("m.zknet");
		String text = "network production 10.0.0.0/8 gateway 10.0.0.1\ncec C {\n\tchpid 10 osd\n\tlpar L id 1 kvm {\n\t\tproxy-arp on o\n\t}\n}\n";
		Files.writeString(file, text);
		try (LanguageServerSession server = new LanguageServerSession(dir)) {
			server.open(file);
			String keyword = server.hover(file, TextEdits.at(text, "proxy-arp", 2)).getContents().getRight().getValue();
			assertTrue(keyword.contains("**proxy-arp**") && keyword.contains("ARP filter"), keyword);
			String declaration = server.hover(file, TextEdits.at(text, "production 10", 3)).getContents().getRight().getValue();
			assertTrue(declaration.contains("10.0.0.0/8"), declaration);
		}
	}

	@Test
	void aPlainNameReferenceCompletesPlainNamesOnly() throws Exception {
		Path dir = Files.createTempDirectory("zknet-robust");
		Files.copy(org.zkvm.dsl.tests.Workspace.root().resolve("examples/seed-network/z13a.zknet"), dir.resolve("z13a.zknet"));
		Files.copy(org.zkvm.dsl.tests.Workspace.root().resolve("examples/seed-network/networks.zknet"), dir.resolve("networks.zknet"));
		Path file = dir.resolve("z13a.zknet");
		String text = Files.readString(file).replace("proxy-arp on br-ex, o5s_10g_1\n\t\tarp-filter", "proxy-arp on br-ex, \n\t\tarp-filter");
		Files.writeString(file, text);
		try (LanguageServerSession server = new LanguageServerSession(dir)) {
			server.open(file);
			List<CompletionItem> items = server.completion(file, TextEdits.at(text, "proxy-arp on br-ex, \n", 20));
			List<String> labels = items.stream().map(CompletionItem::getLabel).toList();
			assertTrue(labels.contains("o5s_10g_1"), labels::toString);
			assertTrue(labels.stream().noneMatch(l -> l.contains(".")), () -> "qualified names cannot be written here: " + labels);
		}
	}

	/** LSP counts a CR of its own as a line end; the server's copy of the text must apply the editor's edits where the editor means them. */
	@Test
	void editsAfterALoneCarriageReturnLandWhereTheEditorMeansThem() {
		LspDocument document = new LspDocument(1, "network a 10.0.0.0/8\rnetwork b 10.1.0.0/16\r\nnetwork c 10.2.0.0/16\n");
		assertEquals(4, document.getLineCount());
		LspDocument edited = document.applyTextDocumentChanges(List.of(new TextDocumentContentChangeEvent(new Range(new Position(1, 8), new Position(1, 9)), "x"),
				new TextDocumentContentChangeEvent(new Range(new Position(2, 8), new Position(2, 9)), "y")));
		assertEquals("network a 10.0.0.0/8\rnetwork x 10.1.0.0/16\r\nnetwork y 10.2.0.0/16\n", edited.getContents());
		assertEquals(new Position(1, 0), edited.getPosition(21));
		assertEquals(21 + 21, edited.getOffSet(new Position(1, 99)), "a character past the line's end is the line's end");
		assertThrows(IndexOutOfBoundsException.class, () -> edited.getOffSet(new Position(9, 0)));
	}
}
