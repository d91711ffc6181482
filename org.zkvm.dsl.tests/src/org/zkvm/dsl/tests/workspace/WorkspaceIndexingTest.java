package org.zkvm.dsl.tests.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Test;
import org.zkvm.dsl.tests.server.LanguageServerSession;
import org.zkvm.dsl.tests.server.SeedWorkspaceServer;
import org.zkvm.dsl.validation.IssueCodes;

/**
 * Which files the server builds: the workspace's models, not the copies under build output,
 * dependencies, version control and generated folders; not even when a file watcher reports
 * one. And editing never writes generated files into the workspace.
 */
class WorkspaceIndexingTest extends SeedWorkspaceServer {

	@Test
	void indexingSkipsBuildOutputDependenciesVersionControlAndGeneratedFolders() throws Exception {
		List<Diagnostic> networks = server.open(file("network/networks.zknet"));
		assertTrue(networks.stream().noneMatch(d -> d.getCode() != null && IssueCodes.DUPLICATE_NAME.equals(d.getCode().getLeft())),
				() -> "a skipped folder was indexed: " + networks);
		Set<String> indexed = server.published().keySet();
		// every model of the workspace, and nothing under target/, node_modules/, .git/ or the generated out/
		// (the late model is the one fileEventsFromSkippedFoldersAreIgnored adds)
		List<String> built = indexed.stream().map(u -> u.substring(LanguageServerSession.uri(ws).length() + 1))
				.filter(f -> !f.equals("network/late.zknet")).sorted().toList();
		assertEquals(List.of("isfc/plex.zknet", "isfc/variants.zknet", "isfc/z10.zknet", "network/networks.zknet", "network/workloads.zknet",
				"network/z13a.zknet"), built);
	}

	@Test
	void fileEventsFromSkippedFoldersAreIgnored() throws Exception {
		Path ignored = file("node_modules/late/late.zknet");
		Files.createDirectories(ignored.getParent());
		Files.writeString(ignored, "network production 10.0.0.0/8\n");
		Path model = file("network/late.zknet");
		Files.writeString(model, "network late 192.168.99.0/24\n");
		try {
			server.filesCreated(ignored, model);
			assertEquals(List.of(), server.awaitPublished(model), "the new model is built");
			assertFalse(server.published().containsKey(LanguageServerSession.uri(ignored)), "a file under node_modules/ was built");
		} finally {
			Files.delete(model);
			Files.delete(ignored);
		}
	}

	@Test
	void editingWritesNothingIntoTheWorkspace() throws Exception {
		server.open(file("network/z13a.zknet"));
		try (Stream<Path> files = Files.walk(ws)) {
			List<Path> written = files.filter(p -> p.getFileName().toString().endsWith(".sh") || p.getFileName().toString().equals("src-gen")).toList();
			assertEquals(List.of(), written, "the server generated files while editing");
		}
	}
}
