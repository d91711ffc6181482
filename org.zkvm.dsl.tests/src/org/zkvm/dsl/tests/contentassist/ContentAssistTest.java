package org.zkvm.dsl.tests.contentassist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.lsp4j.CompletionItem;
import org.junit.jupiter.api.Test;
import org.zkvm.dsl.tests.server.SeedWorkspaceServer;
import org.zkvm.dsl.tests.server.TextEdits;

/**
 * Completion through the server: keywords, references into other files of the workspace, and
 * values with their meaning. Each list is the whole list the editor shows, one "label: detail" a
 * line in the server's order.
 */
class ContentAssistTest extends SeedWorkspaceServer {

	/** The whole list of proposals after {@code needle} + {@code shift} in a scratch file with {@code text}. */
	private static String proposals(String text, String needle, int shift) throws Exception {
		Path scratch = scratch("scratch.zknet", text);
		try {
			return render(server.completion(scratch, TextEdits.at(text, needle, shift)));
		} finally {
			delete(scratch);
		}
	}

	private static String render(List<CompletionItem> items) {
		return items.stream().map(i -> i.getDetail() == null ? i.getLabel() : i.getLabel() + ": " + i.getDetail()).collect(Collectors.joining("\n", "", "\n"));
	}

	@Test
	void theKeywordsOfACecsBody() throws Exception {
		assertEquals("""
				chpid
				lpar
				}
				""", proposals("cec C {\n\t\n}\n", "{\n\t\n", 3));
	}

	@Test
	void everyFiconGeneration() throws Exception {
		assertEquals("""
				express
				express16s
				express16s+
				express16sa
				express2
				express32s
				express4
				express8
				express8s
				""", proposals("cec C {\n\tchpid 30 fc \n}\n", "fc \n", 3));
	}

	@Test
	void theNetworksOfAnotherFile() throws Exception {
		assertEquals("""
				hsnet56: Network
				intranet: Network
				production: Network
				""", proposals("cec C {\n\tchpid 30 osd\n\tlpar L id 1 kvm {\n\t\tosa o device 0.0.f500 chpid 30 address 10.1.1.1/8 in \n\t}\n}\n", "in \n", 3));
	}

	@Test
	void onlyTheZvmLparsOfOtherFilesQualifiedAndImported() throws Exception {
		String text = "import Z13A.*\nzvm X {\n\tsystem S in \n}\n";
		Path scratch = scratch("scratch.zknet", text);
		try {
			List<String> labels = server.completion(scratch, TextEdits.at(text, "in \n", 3)).stream().map(CompletionItem::getLabel).toList();
			// only z/VM LPARs (zvm.lpar): Z13A's KVM and z/OS LPARs, imported and qualified, are in scope but not proposed
			assertEquals(List.of("Z10.VMA", "Z10.VMB"), labels, () -> "proposals: " + labels);
		} finally {
			delete(scratch);
		}
	}

	@Test
	void hiperSocketsFrameSizesWithTheirMtus() throws Exception {
		assertEquals("""
				16K: maximum frame 16K (IOCP OS=00): MTU 8192, the default
				24K: maximum frame 24K (IOCP OS=40): MTU 16384
				40K: maximum frame 40K (IOCP OS=80): MTU 32768
				64K: maximum frame 64K (IOCP OS=C0): MTU 57344
				""", proposals("cec C {\n\tchpid F5 iqd LAN2 frame \n}\n", "frame \n", 6));
	}

	@Test
	void completionProposesMtusThatFitTheInterface() throws Exception {
		// layer 3: no 9000, a layer 2 MTU
		assertEquals("""
				1492: the Linux default on layer 3
				1500: Ethernet
				8992: jumbo frames, the largest on layer 3
				""", proposals("cec C {\n\tchpid 30 osd\n\tlpar L id 1 kvm {\n\t\tosa o device 0.0.f500 chpid 30 layer 3 mtu \n\t}\n}\n", "mtu \n", 4));
	}

	@Test
	void managementProposesTheLparsInterfacesWithTheBridgesPortForTheBridge() throws Exception {
		// br0's addresses sit on its port vnic0: vnic0 is proposed, br0 is not
		assertEquals("""
				enc1: the admin reaches L through enc1
				vnic0: the admin reaches L through vnic0 (br0's port)
				""", proposals("cec C {\n\tchpid 30 osd\n\tlpar L id 1 kvm {\n\t\tosa enc1 device 0.0.f500 chpid 30 layer 2\n"
				+ "\t\tovs br0 attached enc1 vnic vnic0 address 10.1.0.10/16\n\t\tmanagement \n\t}\n"
				+ "\tlpar M id 2 kvm {\n\t\tmanagement mgmt0 address 192.168.1.10/24 via 192.168.1.1\n\t}\n}\n", "management \n", 11));
	}
}
