package org.zkvm.dsl.tests.rename;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.junit.jupiter.api.Test;
import org.zkvm.dsl.tests.server.SeedWorkspaceServer;
import org.zkvm.dsl.tests.server.TextEdits;

/** Rename through the server: the declaration and every reference, across files, and nothing else. */
class RenameTest extends SeedWorkspaceServer {

	@Test
	void renameChangesTheDeclarationAndEveryReferenceAcrossFiles() throws Exception {
		server.open(file("network/networks.zknet"));
		WorkspaceEdit edit = server.rename(file("network/networks.zknet"), at("network/networks.zknet", "hsnet56 172", 2), "hiper56");
		assertNotNull(edit.getChanges(), () -> "no changes: " + edit);
		Map<String, String> renamed = new TreeMap<>();
		Map<String, String> expected = new TreeMap<>();
		for (Map.Entry<String, List<TextEdit>> change : edit.getChanges().entrySet()) {
			Path path = Path.of(URI.create(change.getKey()));
			String original = Files.readString(path);
			renamed.put(path.getFileName().toString(), TextEdits.apply(original, change.getValue()));
			// the name occurs in these files only as the network's name: every occurrence changes
			expected.put(path.getFileName().toString(), original.replace("hsnet56", "hiper56"));
		}
		assertEquals(List.of("networks.zknet", "z13a.zknet"), List.copyOf(renamed.keySet()), "workloads.zknet does not name the network");
		assertEquals(expected, renamed);
	}
}
