package org.zkvm.dsl.tests.hover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.zkvm.dsl.tests.server.SeedWorkspaceServer;
import org.zkvm.dsl.tests.server.TextEdits;

/** Hover through the server: the whole markdown with the figures zknet derives, on the seed models. */
class HoverTest extends SeedWorkspaceServer {

	private static String hover(String name, String needle, int shift) throws Exception {
		server.open(file(name));
		return markdown(server.hover(file(name), at(name, needle, shift)));
	}

	@Test
	void anIsfcLinkShowsItsCtcsAndTheCapacityOfEachDirection() throws Exception {
		// BOSTON → ATLANTA carries 962.5 MB/s: the capacity line and the chpid-order warning both round it to 962 (IsfcLayout.whole)
		String link = hover("isfc/plex.zknet", "LINK16", 2);
		assertEquals("""
				**ISFC logical link LINK16**
				- 16 CTCs on chpids 50 (2 Gb/s, 4 CTCs), 51 (2 Gb/s, 4 CTCs), 52 (4 Gb/s, 4 CTCs), 53 (4 Gb/s, 4 CTCs)
				- estimated capacity ATLANTA → BOSTON: **875 MB/s** (4/4 chpid 50 (2 Gb/s) + 4/4 chpid 51 (2 Gb/s) + 4/4 chpid 52 (4 Gb/s) + 2/4 chpid 53 (4 Gb/s))
				- estimated capacity BOSTON → ATLANTA: **962 MB/s** (4/4 chpid 53 (4 Gb/s) + 4/4 chpid 52 (4 Gb/s) + 4/4 chpid 51 (2 Gb/s) + 2/4 chpid 50 (2 Gb/s))
				- ATLANTA orders the link (it streams on its lowest device numbers)
				- ⚠ the two directions differ at full load: ATLANTA to BOSTON 875 MB/s, BOSTON to ATLANTA 962 MB/s; with the chpids reassigned (52 4 Gb/s, 51 2 Gb/s, 50 2 Gb/s, 53 4 Gb/s) they carry 875 and 875 MB/s

				_Seed 004: 87.5 MB/s one way per Gb/s of chpid speed, prorated by the CTCs the sender streams on._""", link);
	}

	@Test
	void aFiconChpidReferencedFromAnotherFileShowsItsSpeedAndItsIsfcCapacity() throws Exception {
		assertEquals("""
				**FICON chpid 52** (FICON Express4)
				- link speed: 4 Gb/s (negotiated, as written)
				- ISFC: up to 350 MB/s one way with 4 CTCs streaming on it (seed 004)""", hover("isfc/plex.zknet", "chpid 52", 6));
	}

	@Test
	void anOsaInterfaceShowsItsLayerMtuDeviceAndAddresses() throws Exception {
		assertEquals("""
				**OSA interface o5s_10g_1** on LPAR11
				- layer 2
				- MTU 1500 (the Linux default), allowed 576-9000
				- device 0.0.f500
				- address 10.131.11.254/8""", hover("network/z13a.zknet", "osa o5s_10g_1", 5));
	}

	@Test
	void aHiperSocketsLanShowsItsFrameSizeAndMtu() throws Exception {
		assertEquals("""
				**HiperSockets LAN HSLAN** on IQD chpid F4
				- frame size 64K: MTU 57344 (facts §1.1)
				- internal to the CEC""", hover("network/z13a.zknet", "on HSLAN", 4));
	}

	@Test
	void theManagementPathSaysWhatIsProtected() throws Exception {
		String text = "cec C {\n\tchpid 30 osd\n\tlpar M id 2 kvm {\n\t\tmanagement mgmt0 address 192.168.1.10/24 via 192.168.1.1\n\t}\n}\n";
		Path scratch = scratch("scratch-mgmt.zknet", text);
		try {
			assertEquals("""
					**Management path mgmt0** (an interface the model does not configure: no generated step touches it)
					- the admin reaches the host at 192.168.1.10/24 via 192.168.1.1
					- setup.sh --check refuses a plan that would take it down, rename it, re-address it or enslave it, or move the admin's session off its route""",
					markdown(server.hover(scratch, TextEdits.at(text, "mgmt0 address", 2))));
		} finally {
			delete(scratch);
		}
	}
}
