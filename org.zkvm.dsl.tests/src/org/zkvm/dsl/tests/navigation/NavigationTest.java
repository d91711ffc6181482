package org.zkvm.dsl.tests.navigation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.Location;
import org.junit.jupiter.api.Test;
import org.zkvm.dsl.tests.server.SeedWorkspaceServer;

/**
 * Go to definition and find references through the server, across the files of the seed network.
 * Each location is rendered "file:line:column text" (1-based), the text being what its range covers.
 */
class NavigationTest extends SeedWorkspaceServer {

	private static List<String> render(List<? extends Location> locations) throws Exception {
		List<String> result = new ArrayList<>();
		for (Location location : locations) {
			Path path = Path.of(URI.create(location.getUri()));
			String line = Files.readString(path).lines().toList().get(location.getRange().getStart().getLine());
			var start = location.getRange().getStart();
			var end = location.getRange().getEnd();
			String text = start.getLine() == end.getLine() ? line.substring(start.getCharacter(), end.getCharacter()) : "(several lines)";
			result.add(path.getFileName() + ":" + (start.getLine() + 1) + ":" + (start.getCharacter() + 1) + " " + text);
		}
		return result;
	}

	@Test
	void definitionOfAGuestInAnotherFile() throws Exception {
		server.open(file("network/workloads.zknet"));
		assertEquals(List.of("z13a.zknet:46:9 vm11a"),
				render(server.definition(file("network/workloads.zknet"), at("network/workloads.zknet", "LPAR11.vm11a", 8))));
	}

	@Test
	void referencesToANetworkAcrossFiles() throws Exception {
		server.open(file("network/networks.zknet"));
		// two OSA addresses and a service in z13a.zknet, a workload in workloads.zknet
		// (in the order the files were indexed: sorted here)
		assertEquals(List.of("workloads.zknet:11:78 production", "z13a.zknet:11:77 production", "z13a.zknet:50:27 production",
				"z13a.zknet:60:77 production"),
				render(server.references(file("network/networks.zknet"), at("network/networks.zknet", "production 10", 1), false)).stream().sorted().toList());
		// with the declaration first
		assertEquals("networks.zknet:4:9 production",
				render(server.references(file("network/networks.zknet"), at("network/networks.zknet", "production 10", 1), true)).get(0));
	}
}
