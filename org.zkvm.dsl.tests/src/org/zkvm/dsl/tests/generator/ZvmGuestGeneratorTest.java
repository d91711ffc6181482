package org.zkvm.dsl.tests.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.zkvm.dsl.tests.Workspace;

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

	/**
	 * Each distribution's files for a z/VM guest, read by the distribution's own reader: libnm for RHEL's
	 * generic profiles, netplan generate for Ubuntu (whose networkd files then name the link, its /32 and
	 * the on-link route to the partner), wicked's ifcfg and ifroute for SUSE.
	 */
	@Test
	void theGuestsDistributionFilesPassTheirReaders() throws Exception {
		Path dir = Files.createTempDirectory("zknet-zvm-distro");
		Files.writeString(dir.resolve("vm.zknet"), Files.readString(Workspace.root().resolve("examples/seed-iucv/vmlinux.zknet"))
				.replace("guest LINUX1 on VMSYS1 vcpus 1 memory 128M", "guest LINUX1 on VMSYS1 vcpus 1 memory 128M distro rhel")
				.replace("guest LINUX2 on VMSYS1 vcpus 1 memory 128M", "guest LINUX2 on VMSYS1 distro ubuntu vcpus 1 memory 128M"));
		Map<String, String> files = GeneratorTest.generate(dir);
		Map<String, String> keyfiles = under(files, "zvm/VMLINUX/VMSYS1/guests/LINUX1/networkmanager/");
		assertEquals(6, keyfiles.size(), keyfiles.keySet()::toString);
		RealTools.keyfiles(keyfiles);
		String ctc = files.get("zvm/VMLINUX/VMSYS1/guests/LINUX1/networkmanager/ctc9000.nmconnection");
		assertTrue(ctc.contains("type=generic\ninterface-name=ctc9000\n") && ctc.contains("address1=192.168.190.1/32\n")
				&& ctc.contains("route1=192.168.190.2/32\n"), ctc);

		String yaml = files.get("zvm/VMLINUX/VMSYS1/guests/LINUX2/netplan/90-zknet.yaml");
		Path root = Files.createTempDirectory("zknet-netplan");
		Path file = root.resolve("etc/netplan/90-zknet.yaml");
		Files.createDirectories(file.getParent());
		Files.writeString(file, yaml);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		RealTools.run(List.of("netplan", "generate", "--root-dir", root.toString()));
		String network = Files.readString(root.resolve("run/systemd/network/10-netplan-ctc9000.network"));
		assertTrue(network.contains("Name=ctc9000") && network.contains("Address=192.168.190.2/32") && network.contains("Destination=192.168.190.1/32")
				&& network.contains("Scope=link"), network);

		// SUSE: seed 003 as shipped (no distro)
		Map<String, String> suse = GeneratorTest.generate("seed-iucv");
		String ifcfg = suse.get("zvm/VMLINUX/VMSYS1/guests/LINUX1/wicked/ifcfg-iucv32764");
		assertTrue(ifcfg.contains("IPADDR='192.168.32.1/32'") && ifcfg.contains("MTU='32764'"), ifcfg);
		assertTrue(suse.get("zvm/VMLINUX/VMSYS1/guests/LINUX1/wicked/ifroute-iucv32764").contains("192.168.32.2/32\t-\t-\tiucv32764"),
				suse.get("zvm/VMLINUX/VMSYS1/guests/LINUX1/wicked/ifroute-iucv32764"));
	}

	/** z/VM's own LANs: SYSTEM CONFIG for the VSWITCH and the guest LAN, the NICDEFs, and each guest's qeth devices and files. */
	@Test
	void zvmLansGetSystemConfigNicdefsAndEachGuestsQethDevices() throws Exception {
		Map<String, String> files = GeneratorTest.generate("zvm-lans");
		String lans = files.get("zvm/ZVMPROD/ZVMP1/SYSTEM-CONFIG-LANS.txt");
		assertEquals(List.of("DEFINE VSWITCH VSW1 RDEV 1000 2000 ETHERNET VLAN AWARE NATIVE 1", "MODIFY VSWITCH VSW1 GRANT WEB1 VLAN 100",
				"MODIFY VSWITCH VSW1 GRANT APP1 VLAN 200", "DEFINE LAN HSL1 OWNERID SYSTEM TYPE HIPERS MFS 64K"),
				lans.lines().filter(l -> !l.startsWith("/*")).toList(), lans);
		Map<String, String> entries = entries(files.get("zvm/ZVMPROD/ZVMP1/DIRECTORY-NETWORK.txt"));
		assertTrue(entries.get("WEB1").contains("NICDEF 0600 TYPE QDIO DEVICES 3 LAN SYSTEM VSW1\n"), entries::toString);
		assertTrue(entries.get("APP1").contains("NICDEF 0700 TYPE HIPERSOCKETS DEVICES 3 LAN SYSTEM HSL1\n"), entries::toString);
		String web = files.get("zvm/ZVMPROD/ZVMP1/guests/WEB1/network.sh");
		assertTrue(web.contains("zknet_qeth 0.0.0600 0.0.0600:0.0.0601:0.0.0602 prod0 layer2=1\n"), web);
		// the HiperSockets guest LAN is layer 3, its MTU the 64K frame's 57344
		assertTrue(web.contains("zknet_qeth 0.0.0700 0.0.0700:0.0.0701:0.0.0702 hs0 layer2=0\n") && web.contains("zknet_link hs0 57344 -\n"), web);
		assertTrue(web.contains("zknet_route default via 10.20.100.1\n"), web);
		Map<String, String> keyfiles = under(files, "zvm/ZVMPROD/ZVMP1/guests/WEB1/networkmanager/");
		assertEquals(2, keyfiles.size(), keyfiles.keySet()::toString);
		RealTools.keyfiles(keyfiles);
		assertTrue(keyfiles.get("zvm/ZVMPROD/ZVMP1/guests/WEB1/networkmanager/prod0.nmconnection").contains("s390-subchannels=0.0.0600;0.0.0601;0.0.0602;"),
				keyfiles::toString);
		RealTools.netplan("APP1", files.get("zvm/ZVMPROD/ZVMP1/guests/APP1/netplan/90-zknet.yaml"));
	}

	/** A link aggregation group: its ports joined to the group, the VSWITCH defined on the group instead of RDEV. */
	@Test
	void anAggregatedVswitchIsDefinedOnItsPortGroup() throws Exception {
		Path dir = Files.createTempDirectory("zknet-zvm-lag");
		Files.writeString(dir.resolve("zvmprod.zknet"), Files.readString(Workspace.root().resolve("examples/zvm-lans/zvmprod.zknet"))
				.replace("ethernet uplink 1000", "ethernet group lag1 uplink 1000"));
		String lans = GeneratorTest.generate(dir).get("zvm/ZVMPROD/ZVMP1/SYSTEM-CONFIG-LANS.txt");
		assertEquals(List.of("MODIFY PORT GROUP LAG1 JOIN 1000 2000", "DEFINE VSWITCH VSW1 ETHERNET GROUP LAG1 VLAN AWARE NATIVE 1"),
				lans.lines().filter(l -> !l.startsWith("/*")).limit(2).toList(), lans);
	}

	/** The generated files in one folder. */
	private static Map<String, String> under(Map<String, String> files, String folder) {
		Map<String, String> result = new TreeMap<>();
		files.forEach((name, content) -> {
			if (name.startsWith(folder)) {
				result.put(name, content);
			}
		});
		return result;
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
