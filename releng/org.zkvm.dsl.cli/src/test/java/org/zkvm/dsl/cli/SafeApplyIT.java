package org.zkvm.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zkvm.dsl.cli.ZknetProcess.ROOT;
import static org.zkvm.dsl.cli.ZknetProcess.zknet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.zkvm.dsl.cli.ZknetProcess.Run;

/**
 * The safe apply on RHEL, as generated: setup installs, loads and activates RH1's NetworkManager
 * profiles and makes no link, address or Open vSwitch row itself (docs/outputs.md, "One owner on
 * RHEL"). nmcli is the lab's stand-in (org.zkvm.dsl.ide's lab/nm-standin.py): each keyfile read by
 * libnm, the Open vSwitch rows by NetworkManager's rules; Debian's NetworkManager has no Open
 * vSwitch support. The admin's bridge br0 exists: setup gives its row to NetworkManager.
 */
class SafeApplyIT extends SafeApplyCases {

	private static final String BR0 = "db15b24d-9e1d-3846-9b5e-3c8cf63c1fa5";
	private static final String ENC8000 = "bb60659a-0256-398f-958c-aede275644eb";

	@Override
	void generate(Path out) throws Exception {
		Run generate = zknet(ROOT, "generate", "examples/distros", "-o", out.toString(), "-q");
		assertEquals(0, generate.exit(), generate.err());
		nmcli = dir.resolve("nm/bin/nmcli");
		Files.createDirectories(nmcli.getParent());
		Files.writeString(nmcli, "#!/bin/sh\nexec /usr/bin/python3 '" + ROOT.resolve("org.zkvm.dsl.ide/src/org/zkvm/dsl/ide/lab/nm-standin.py") + "' '"
				+ dir.resolve("nm") + "' \"$@\"\n");
		nmcli.toFile().setExecutable(true);
	}

	@Override
	void assertApplied(Run apply) throws Exception {
		assertTrue(apply.out().contains("zknet: RH1: NetworkManager activated ovs-if-vnic0\nzknet: RH1: NetworkManager activated enc1000\n"), apply.out());
		assertTrue(apply.out().contains("zknet: RH1: moved route 'default via 10.20.0.1 dev enc1000' to vnic0"), apply.out());
		Path installed = dir.resolve("root/etc/NetworkManager/system-connections");
		List<Path> generated = files(rh1.resolve("networkmanager"));
		assertEquals(6, generated.size());
		assertEquals(generated.stream().map(Path::getFileName).toList(), files(installed).stream().map(Path::getFileName).toList());
		for (Path file : generated) {
			assertEquals(Files.readString(file), Files.readString(installed.resolve(file.getFileName())));
			assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(installed.resolve(file.getFileName()))));
		}
		assertTrue(sh("ip netns exec $H ovs-vsctl get bridge br0 external_ids").contains("NM.connection.uuid=\"" + BR0 + "\""), "the admin's bridge is NetworkManager's now");
		assertEquals("mtu_request=8992", "mtu_request=" + sh("ip netns exec $H ovs-vsctl get interface vnic0 mtu_request").strip());
	}

	@Override
	String bridgeUndone() {
		return "zknet: RH1: removed NetworkManager's profile " + dir.resolve("root/etc/NetworkManager/system-connections/ovs-if-vnic0.nmconnection")
				+ " (nmcli connection delete)";
	}

	@Test
	void aProfileThatGoesDownIsADifferenceAndTheNextSetupBringsItUp() throws Exception {
		assertEquals(0, setup(SESSION_ON_THE_UPLINK).exit());
		assertEquals(0, run(List.of("nmcli", "connection", "down", "uuid", ENC8000), SESSION_ON_THE_UPLINK).exit());
		Run verify = setup(SESSION_ON_THE_UPLINK, "--verify");
		assertEquals(1, verify.exit(), verify.out());
		assertTrue(verify.out().contains("zknet: RH1: differs: NetworkManager's profile enc8000 (" + ENC8000 + "): not active"), verify.out());
		assertTrue(verify.out().contains("zknet: RH1: differs: enc8000: address 172.30.1.1/24 missing"), verify.out());
		Run again = setup(SESSION_ON_THE_UPLINK);
		assertEquals(0, again.exit(), again.out() + again.err());
		assertTrue(again.out().contains("zknet: RH1: NetworkManager activated enc8000"), again.out());
		assertEquals(0, setup(SESSION_ON_THE_UPLINK, "--verify").exit());
	}

	@Test
	void withoutARunningNetworkManagerTheCheckSaysWhatIsMissingAndNothingChanges() throws Exception {
		Files.writeString(nmcli, "#!/bin/sh\necho 'Error: NetworkManager is not running.' >&2\nexit 8\n");
		String before = snapshot();
		Run apply = setup(SESSION_ON_THE_UPLINK);
		assertEquals(2, apply.exit(), apply.out() + apply.err());
		assertTrue(apply.out().contains("zknet: RH1: lacks: a running NetworkManager (nmcli -t -f RUNNING general): on this host NetworkManager applies the plan"),
				apply.out());
		assertEquals(before, snapshot());
	}

	/** A profile of the same file name that the installer left is replaced, and teardown puts it back. */
	@Test
	void teardownPutsBackTheProfileSetupReplaced() throws Exception {
		Path installed = dir.resolve("root/etc/NetworkManager/system-connections/enc8000.nmconnection");
		Files.createDirectories(installed.getParent());
		String installers = "[connection]\nid=enc8000\nuuid=0b0c8a4e-6c2f-4f4e-9d7e-3f3b1b8e2a11\ntype=ethernet\ninterface-name=enc8000\n\n[ipv4]\nmethod=disabled\n\n[ipv6]\nmethod=ignore\n";
		Files.writeString(installed, installers);
		Files.setPosixFilePermissions(installed, PosixFilePermissions.fromString("rw-------"));
		assertEquals(0, setup(SESSION_ON_THE_UPLINK).exit());
		assertEquals(Files.readString(rh1.resolve("networkmanager/enc8000.nmconnection")), Files.readString(installed));
		Run teardown = run(rh1.resolve("teardown.sh"), SESSION_ON_THE_UPLINK);
		assertEquals(0, teardown.exit(), teardown.out() + teardown.err());
		assertTrue(teardown.out().contains("zknet: RH1: restored NetworkManager's profile " + installed), teardown.out());
		assertEquals(installers, Files.readString(installed));
		assertEquals(List.of(installed), files(installed.getParent()), "only the installer's profile is left");
	}

	private static List<Path> files(Path folder) throws Exception {
		try (Stream<Path> listing = Files.list(folder)) {
			return listing.sorted().toList();
		}
	}

	/** The installer's and an admin's files for the plan's interfaces are named; zknet's own files and other interfaces' are not. */
	@Test
	void theCheckNamesOtherFilesThatConfigureThePlansInterfaces() throws Exception {
		Path etc = dir.resolve("root/etc");
		Files.createDirectories(etc.resolve("netplan"));
		Files.createDirectories(etc.resolve("NetworkManager/system-connections"));
		Files.writeString(etc.resolve("netplan/50-cloud-init.yaml"), "network:\n  ethernets:\n    enc8000:\n      addresses: [172.30.1.99/24]\n");
		Files.writeString(etc.resolve("NetworkManager/system-connections/Wired connection 1.nmconnection"),
				"[connection]\nid=Wired connection 1\ntype=ethernet\ninterface-name=enc1000\n");
		Files.writeString(etc.resolve("NetworkManager/system-connections/enc1000.nmconnection"),
				Files.readString(rh1.resolve("networkmanager/enc1000.nmconnection")));
		Files.writeString(etc.resolve("NetworkManager/system-connections/mgmt.nmconnection"), "[connection]\nid=mgmt\ninterface-name=enc1000x\n");
		Run check = setup(SESSION_ON_THE_UPLINK, "--check");
		assertEquals(0, check.exit(), check.out() + check.err());
		List<String> notes = check.out().lines().filter(l -> l.contains("also configures")).toList();
		assertEquals(List.of("zknet: RH1: note: " + etc.resolve("netplan/50-cloud-init.yaml") + " also configures enc8000: netplan merges the files in "
				+ "lexical order and appends lists, so its addresses and routes for enc8000 stay beside 90-zknet.yaml's (remove enc8000 from it)",
				"zknet: RH1: note: " + etc.resolve("NetworkManager/system-connections/Wired connection 1.nmconnection") + " also configures enc1000: "
						+ "NetworkManager may activate that profile instead of zknet's (delete it, or 'nmcli connection delete' it)"),
				notes, check.out());
	}
}
