package org.zkvm.dsl.tests.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zkvm.dsl.analysis.GuestNicIdentity;

class GuestNicIdentityTest {

	@Test
	void theMacIsLocallyAdministeredUnicastAndStable() {
		String mac = GuestNicIdentity.mac("Z16B/RH1.rh1a.lan0");
		assertTrue(mac.matches("02(:[0-9a-f]{2}){5}"), mac);
		int first = Integer.parseInt(mac.substring(0, 2), 16);
		assertEquals(0x02, first & 0x03, "locally administered (bit 1) and unicast (bit 0 clear)");
		assertEquals(mac, GuestNicIdentity.mac("Z16B/RH1.rh1a.lan0"), "the same model gives the same MAC");
		assertNotEquals(mac, GuestNicIdentity.mac("Z16B/RH1.rh1b.lan0"), "another guest's NIC of the same name");
	}

	@Test
	void tenThousandNicsGetTenThousandMacs() {
		Set<String> macs = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			macs.add(GuestNicIdentity.mac("CEC" + (i % 7) + "/LPAR" + (i % 97) + ".g" + i + ".lan" + (i % 3)));
		}
		assertEquals(10_000, macs.size());
	}

	@Test
	void theDeviceNumberAndTheKernelsNameFollowThePosition() {
		assertEquals("0x0100", GuestNicIdentity.devno(0));
		assertEquals("0x010b", GuestNicIdentity.devno(11));
		assertEquals("enc100", GuestNicIdentity.kernelName(0));
		assertEquals("enc10b", GuestNicIdentity.kernelName(11));
	}

	@Test
	void collisionsNameEveryNicThatSharesAMac() {
		Map<String, List<String>> collisions = GuestNicIdentity.collisions(Map.of("A/L.g1.n", "02:00:00:00:00:01", "A/L.g2.n", "02:00:00:00:00:01",
				"A/L.g3.n", "02:00:00:00:00:02"));
		assertEquals(Map.of("02:00:00:00:00:01", List.of("A/L.g1.n", "A/L.g2.n")), collisions);
		assertEquals(Map.of(), GuestNicIdentity.collisions(Map.of("A/L.g1.n", "02:00:00:00:00:01")));
	}
}
