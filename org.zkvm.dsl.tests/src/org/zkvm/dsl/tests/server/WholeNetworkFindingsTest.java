package org.zkvm.dsl.tests.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Test;
import org.zkvm.dsl.validation.IssueCodes;

/**
 * A finding about the whole network concerns several files: when an edit in one file creates it,
 * the other files show it too; when an edit removes it, it goes from every file, with no stale
 * error left behind (the command line reports both files the same way).
 */
class WholeNetworkFindingsTest {

	private static final String HOST = "cec %s {\n\tchpid 10 osd\n\tlpar L%s id 1 linux {\n\t\tosa o1 device 0.0.f500 chpid 10 layer 2 address %s\n\t}\n}\n";

	@Test
	void aDuplicateAddressComesAndGoesInBothFiles() throws Exception {
		Path dir = Files.createTempDirectory("zknet-whole-network");
		Path a = dir.resolve("a.zknet");
		Path b = dir.resolve("b.zknet");
		Files.writeString(a, HOST.formatted("A", "A", "10.1.1.1/24"));
		Files.writeString(b, HOST.formatted("B", "B", "10.1.1.2/24"));
		try (LanguageServerSession server = new LanguageServerSession(dir)) {
			assertTrue(server.open(a).stream().noneMatch(duplicate()));
			assertTrue(server.open(b).stream().noneMatch(duplicate()));

			assertTrue(server.change(b, 2, HOST.formatted("B", "B", "10.1.1.1/24")).stream().anyMatch(duplicate()), "b.zknet reuses a's address");
			awaitIn(server, a, d -> d.stream().anyMatch(duplicate()), "a.zknet shows the duplicate too");

			assertTrue(server.change(b, 3, HOST.formatted("B", "B", "10.1.1.2/24")).stream().noneMatch(duplicate()));
			awaitIn(server, a, d -> d.stream().noneMatch(duplicate()), "a.zknet keeps no stale duplicate");

			// the same through the other file, and with another prefix length on the same address
			assertTrue(server.change(a, 2, HOST.formatted("A", "A", "10.1.1.2/16")).stream().anyMatch(duplicate()));
			awaitIn(server, b, d -> d.stream().anyMatch(duplicate()), "b.zknet shows the duplicate of a /16");
			server.change(a, 3, HOST.formatted("A", "A", "10.1.1.1/24"));
			awaitIn(server, b, d -> d.stream().noneMatch(duplicate()), "b.zknet keeps no stale duplicate");
		}
	}

	private static Predicate<Diagnostic> duplicate() {
		return d -> d.getCode() != null && IssueCodes.ADDR_DUPLICATE.equals(d.getCode().getLeft());
	}

	private static void awaitIn(LanguageServerSession server, Path file, Predicate<List<Diagnostic>> condition, String what) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 20_000;
		while (System.currentTimeMillis() < deadline) {
			List<Diagnostic> published = server.published(file);
			if (published != null && condition.test(published)) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError(what + ": " + server.published(file));
	}
}
