package org.zkvm.dsl.tests.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Test;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.tests.server.LanguageServerSession;
import org.zkvm.dsl.validation.IssueCodes;

/**
 * Diagnostics as the server publishes them on a pitfall ("line:column code severity: message",
 * 1-based), with the catalogue's codes for checks, parse and link errors alike, and the code
 * actions offered for a check.
 */
class DiagnosticsTest {

	private static String render(Diagnostic d) {
		return (d.getRange().getStart().getLine() + 1) + ":" + (d.getRange().getStart().getCharacter() + 1) + " " + d.getCode().getLeft() + " "
				+ d.getSeverity() + ": " + d.getMessage().getLeft();
	}

	@Test
	void diagnosticsCarryTheCataloguesCodesAndAFixAsCodeAction() throws Exception {
		Path dir = Files.createTempDirectory("zknet-lsp-pitfall");
		Path model = dir.resolve("model.zknet");
		Files.copy(Workspace.root().resolve("examples/pitfalls/arp.same-subnet.zknet"), model);
		try (LanguageServerSession pitfall = new LanguageServerSession(dir)) {
			List<Diagnostic> diagnostics = pitfall.open(model);
			// arp.same-subnet on o5s_10g_1 of the proxy-arp line; the guest's NIC eth0 besides
			assertEquals(List.of("20:23 " + IssueCodes.ARP_SAME_SUBNET + " Error: proxy_arp on o5s_10g_1 while o5s_10g_2 also has an address in "
					+ "10.0.0.0/8: the kernel routes the subnet by one of them, the guests' packets to there leave by o5s_10g_2, where the forward "
					+ "filter drops them (br-ex → o5s_10g_2), and the net dies (seed 002, Scenario II pitfalls); turn proxy_arp off on o5s_10g_1 "
					+ "or remove the duplicate address",
					"34:8 " + IssueCodes.NAME_KERNEL_TEMPLATE + " Warning: the guest interface name 'eth0' is the kernel's name template for Ethernet "
							+ "devices (eth%d): every qeth layer 2 and virtio-net device is registered as eth<N> before udev renames it: renaming to it "
							+ "races with the device the kernel or udev gives that name, and fails half-way when a second device comes; choose a name "
							+ "of your own (e.g. lan0)"),
					diagnostics.stream().map(DiagnosticsTest::render).toList());
			Diagnostic arp = diagnostics.get(0);
			List<String> actions = pitfall.codeActions(model, arp).stream().map(a -> a.getKind() + ": " + a.getTitle()).toList();
			assertEquals(List.of("quickfix: Remove the other interface's address in the same (or, for OSA ports, an overlapping) subnet",
					"quickfix: Turn proxy_arp off on this interface"), actions);

			// parse and link errors carry the catalogue's codes too, not Xtext's internal ones
			List<Diagnostic> broken = pitfall.change(model, 2, "network n 10.0.0.0/8\ncec C {\n\tchpid 10 osd\n\tlpar L id 1 kvm {\n"
					+ "\t\tosa o device 0.0.f500 chpid 99\n\t}\n}\nnetwork\n");
			// ANTLR's '<EOF>' reads as words (ZknetSyntaxErrorMessageProvider)
			assertEquals(List.of("5:31 " + IssueCodes.LINK + " Error: no chpid named '99' is visible here: check the spelling, or pass the file that "
					+ "declares it along with this one (models spanning several files are validated together)",
					"8:8 " + IssueCodes.SYNTAX + " Error: no viable alternative at the end of the file"),
					broken.stream().map(DiagnosticsTest::render).sorted().toList());
		}
	}
}
