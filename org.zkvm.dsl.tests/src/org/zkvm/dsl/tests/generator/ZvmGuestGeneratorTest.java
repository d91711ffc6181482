package org.zkvm.dsl.tests.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * z/VM guests' IUCV and virtual CTC links: the CP directory statements of each z/VM system and each
 * guest's Linux network.sh, on seed 003's two guests and on variants (links declared from either
 * side, devices given on one side only).
 */
class ZvmGuestGeneratorTest {

	private static final Pattern COUPLE = Pattern.compile("(?m)^COMMAND COUPLE ([0-9A-F]{4}) TO (\\S+) ([0-9A-F]{4})$");

	@Test
	void seedIucvGetsDirectoryStatementsAndBothGuestsNetworks() {
		Map<String, String> files = GeneratorTest.generate("seed-iucv");
		String directory = files.get("zvm/VMLINUX/VMSYS1/DIRECTORY-NETWORK.txt");
		Map<String, String> entries = entries(directory);
		assertEquals(List.of("LINUX1", "LINUX2"), List.copyOf(entries.keySet()), directory);
		String linux1 = entries.get("LINUX1");
		// netiucv: authority to connect to the partner, once for its three links
		assertEquals(1, linux1.lines().filter(l -> l.equals("IUCV LINUX2")).count(), linux1);
		// ctc1500 on 0600/0601: the local read device to the partner's write device and vice versa (facts §6.2)
		assertTrue(linux1.contains("COMMAND COUPLE 0600 TO LINUX2 0601\nCOMMAND COUPLE 0601 TO LINUX2 0600\n"), linux1);
		assertTrue(linux1.contains("SPECIAL 0604 CTCA LINUX2\nSPECIAL 0605 CTCA LINUX2\n"), linux1);
		assertTrue(directory.lines().allMatch(l -> l.length() <= 71), directory);
		assertCouplesAgree(entries);

		String network = files.get("zvm/VMLINUX/VMSYS1/guests/LINUX1/network.sh");
		assertTrue(network.contains("zknet_ctc 0.0.0604 0.0.0604:0.0.0605 ctc32764 protocol=1 buffer=32772\n"), network);
		assertTrue(network.contains("zknet_iucv LINUX2.IUCV9000 iucv9000 9000\n"), network);
		assertTrue(network.contains("zknet_addr ctc9000 192.168.190.1/32\n"), network);
		assertTrue(network.contains("zknet_route 192.168.190.2/32 dev ctc9000\n"), network);
		String other = files.get("zvm/VMLINUX/VMSYS1/guests/LINUX2/network.sh");
		assertTrue(other.contains("zknet_iucv LINUX1.IUCV9000 iucv9000 9000\n"), other);
		assertTrue(other.contains("zknet_route 192.168.190.1/32 dev ctc9000\n"), other);
		assertEquals("SUBSYSTEM==\"net\", ACTION==\"add\", DRIVERS==\"ctcm\", KERNELS==\"0.0.0602\", NAME=\"ctc9000\"",
				files.get("zvm/VMLINUX/VMSYS1/guests/LINUX2/udev/70-zknet.rules").lines().toList().get(3));
	}

	@Test
	void devicesGivenOnOneSideAndLinksDeclaredFromEitherSideStillCoupleEachPair() throws IOException {
		Path dir = Files.createTempDirectory("zknet-zvm");
		Files.writeString(dir.resolve("vm.zknet"), """
				zvm PLEX {
					system SYS1
					guest lnxa on SYS1
					guest LNXB on SYS1
					guest LNXC on SYS1
					ctc a lnxa vdev 0700 <-> LNXB mtu 1500 address 10.0.0.1 <-> 10.0.0.2
					ctc b LNXB <-> lnxa mtu 9000 address 10.0.1.2 <-> 10.0.1.1
					ctc c LNXC <-> lnxa vdev 0600 mtu 32000 address 10.0.2.3 <-> 10.0.2.1
				}
				""");
		Map<String, String> files = GeneratorTest.generate(dir);
		Map<String, String> entries = entries(files.get("zvm/PLEX/SYS1/DIRECTORY-NETWORK.txt"));
		assertEquals(List.of("LNXA", "LNXB", "LNXC"), List.copyOf(entries.keySet()));
		String a = entries.get("LNXA");
		// lnxa: a on 0700 as given, c on 0600 as given, b on the next free pair from 0600: 0602
		assertTrue(a.contains("COMMAND COUPLE 0700 TO LNXB 0601\nCOMMAND COUPLE 0701 TO LNXB 0600\n"), a);
		assertTrue(a.contains("COMMAND COUPLE 0602 TO LNXB 0603\nCOMMAND COUPLE 0603 TO LNXB 0602\n"), a);
		assertTrue(a.contains("COMMAND COUPLE 0600 TO LNXC 0601\nCOMMAND COUPLE 0601 TO LNXC 0600\n"), a);
		assertCouplesAgree(entries);
		String network = files.get("zvm/PLEX/SYS1/guests/lnxa/network.sh");
		assertTrue(network.contains("zknet_host lnxa\n"), network);
		assertTrue(network.contains("zknet_ctc 0.0.0602 0.0.0602:0.0.0603 b protocol=1 buffer=9008\n"), network);
		assertTrue(network.contains("zknet_route 10.0.1.2/32 dev b\n"), network);
	}

	/** Every COUPLE one guest issues is the same pair the partner couples from its side. */
	private static void assertCouplesAgree(Map<String, String> entries) {
		List<String> pairs = new ArrayList<>();
		entries.forEach((guest, entry) -> {
			Matcher m = COUPLE.matcher(entry);
			while (m.find()) {
				pairs.add(guest + " " + m.group(1) + " " + m.group(2) + " " + m.group(3));
			}
		});
		assertTrue(!pairs.isEmpty());
		for (String pair : pairs) {
			String[] p = pair.split(" ");
			String mirrored = p[2] + " " + p[3] + " " + p[0] + " " + p[1];
			assertTrue(pairs.contains(mirrored), () -> pair + " has no " + mirrored + " in " + pairs);
		}
	}

	/** The directory file's statements per guest (after its '* ---- USERID' line). */
	private static Map<String, String> entries(String directory) {
		Map<String, String> result = new TreeMap<>();
		String guest = null;
		for (String line : directory.lines().toList()) {
			if (line.startsWith("* ---- ")) {
				guest = line.substring(7);
				result.put(guest, "");
			} else if (guest != null && !line.equals("*")) {
				result.put(guest, result.get(guest) + line + "\n");
			}
		}
		return result;
	}
}
