package org.zkvm.dsl.tests.server;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.zkvm.dsl.headless.OutputFolder;
import org.zkvm.dsl.tests.Workspace;

/**
 * The shared base of the language-server feature tests: Xtext's real server ({@link LanguageServerSession})
 * on a workspace holding the seed network and the seed ISFC models in two folders, plus folders the
 * server must not index. Each test class gets its own workspace and server.
 */
public abstract class SeedWorkspaceServer {

	protected static Path ws;
	protected static LanguageServerSession server;

	@BeforeAll
	static void start() throws Exception {
		ws = Files.createTempDirectory("zknet-lsp");
		copy(Workspace.root().resolve("examples/seed-network"), ws.resolve("network"));
		copy(Workspace.root().resolve("examples/seed-isfc"), ws.resolve("isfc"));
		// the same network again where a user's models never are: indexing them would report duplicates
		String duplicate = "network production 10.0.0.0/8\n";
		for (String ignored : List.of("target/classes", "node_modules/some-package", ".git/objects", "out/Z13A")) {
			Files.createDirectories(ws.resolve(ignored));
			Files.writeString(ws.resolve(ignored).resolve("copy.zknet"), duplicate);
		}
		Files.writeString(ws.resolve("out").resolve(OutputFolder.MARKER), "");
		server = new LanguageServerSession(ws);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	private static void copy(Path from, Path to) throws Exception {
		Files.createDirectories(to);
		try (Stream<Path> files = Files.list(from)) {
			for (Path file : files.toList()) {
				Files.copy(file, to.resolve(file.getFileName()));
			}
		}
	}

	/** A file of the workspace, e.g. "network/z13a.zknet". */
	protected static Path file(String name) {
		return ws.resolve(name);
	}

	/** The position {@code shift} characters into the first {@code needle} of a workspace file. */
	protected static Position at(String name, String needle, int shift) throws Exception {
		return TextEdits.at(Files.readString(file(name)), needle, shift);
	}

	/** Writes a scratch model into the network folder and opens it; the caller {@link #delete}s it. */
	protected static Path scratch(String name, String text) throws Exception {
		Path scratch = file("network/" + name);
		Files.writeString(scratch, text);
		server.open(scratch);
		return scratch;
	}

	/** Closes and deletes a scratch model, and tells the server, so that it leaves the index. */
	protected static void delete(Path scratch) throws Exception {
		server.close(scratch);
		Files.delete(scratch);
		server.filesDeleted(scratch);
	}

	/** The markdown of a hover, which must be there. */
	protected static String markdown(Hover hover) {
		assertNotNull(hover, "no hover");
		return hover.getContents().getRight().getValue();
	}
}
