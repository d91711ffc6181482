package org.zkvm.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.zkvm.dsl.cli.ZknetProcess.ROOT;
import static org.zkvm.dsl.cli.ZknetProcess.zknet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkvm.dsl.cli.ZknetProcess.Run;

/**
 * The generated setup.sh of examples/enterprise's KVMA2 (an Open vSwitch bond of two OSA ports as
 * its bridge's way out, trunking VLANs 100 and 200) on a live host: a network namespace with both
 * ports cabled to a switch and Open vSwitch running (the bridge with the userspace datapath, as
 * there is no kernel datapath here). Check, apply, verify, a second run, drift and teardown, and the
 * refusal of a member that carries an address. Only the s390 step (zknet_qeth) is left out, as in
 * the lab. Linux bonds and VLAN devices are not tried: the kernels here have neither
 * (CONFIG_BONDING, CONFIG_VLAN_8021Q unset; docs/vlans-and-bonds.md). As root (CI runs as root).
 */
class SafeApplyOvsBondIT {

	private static final String SESSION = "192.168.50.9 50022 192.168.50.12 22";

	@TempDir
	Path dir;
	private String host;
	private Path kvma2;
	private Path ovs;

	@BeforeEach
	void aLiveHost() throws Exception {
		assumeTrue(TestHosts.isRoot(), "the safe apply's tests need root: run the tests as root (CI does)");
		Run generate = zknet(ROOT, "generate", "examples/enterprise", "-o", dir.resolve("out").toString(), "-q");
		assertEquals(0, generate.exit(), generate.err());
		kvma2 = dir.resolve("out/Z17A/KVMA2");
		Path setup = kvma2.resolve("setup.sh");
		Files.writeString(setup, Files.readString(setup).replaceAll("(?m)^zknet_qeth .*\n", ""));
		host = "zkbond-" + ProcessHandle.current().pid();
		ovs = dir.resolve("ovs");
		Files.createDirectories(ovs);
		// the admin's way in is a management NIC the model never names, with the default route
		sh("""
				ip netns add $H; ip netns add $H-sw
				ip -n $H link set lo up
				ip -n $H link add p12 type veth peer name s12 netns $H-sw
				ip -n $H link add p13 type veth peer name s13 netns $H-sw
				ip -n $H link add mgmt0 type veth peer name s0 netns $H-sw
				ip -n $H link set mgmt0 up
				ip -n $H addr add 192.168.50.12/24 dev mgmt0
				ip -n $H route add default via 192.168.50.1 dev mgmt0
				ip -n $H-sw link set s12 up; ip -n $H-sw link set s13 up; ip -n $H-sw link set s0 up
				""");
		sh(TestHosts.startOpenVSwitch(host, ovs));
		sh("ip netns exec $H ovs-vsctl add-br br-vlan -- set bridge br-vlan datapath_type=netdev");
	}

	@AfterEach
	void removeTheHost() throws Exception {
		if (host != null) {
			sh("for pid in $(ip netns pids $H 2>/dev/null); do kill -9 $pid; done; ip netns del $H 2>/dev/null; ip netns del $H-sw 2>/dev/null; true");
		}
	}

	@Test
	void theBondIsAddedVerifiedLeftAloneAgainAndTornDown() throws Exception {
		String before = ovsPorts();
		Run check = setup("--check");
		assertEquals(0, check.exit(), check.out() + check.err());
		assertTrue(check.out().contains("change: add Open vSwitch bond br-vlan-bond (bond_mode=active-backup) over p12 p13 to br-vlan"), check.out());
		assertTrue(check.out().contains("change: Open vSwitch port br-vlan-bond: trunks 100,200"), check.out());

		Run apply = setup();
		assertEquals(0, apply.exit(), apply.out() + apply.err());
		assertTrue(apply.out().endsWith("zknet: KVMA2: applied and verified\n"), apply.out());
		assertEquals("br-vlan-bond,active-backup,100 200\n", sh("ip netns exec $H ovs-vsctl --format=csv --data=bare --no-headings "
				+ "--columns=name,bond_mode,trunks find port name=br-vlan-bond"));
		assertEquals("br-vlan\nbr-vlan\n", sh("ip netns exec $H ovs-vsctl iface-to-br p12; ip netns exec $H ovs-vsctl iface-to-br p13"));
		assertEquals("default via 192.168.50.1 dev mgmt0", sh("ip -n $H -4 route show default").strip(), "the admin's way in is untouched");

		Run again = setup();
		assertEquals("zknet: KVMA2: already as planned: nothing to change\n", again.out());
		assertEquals("zknet: KVMA2: as planned\n", setup("--verify").out());

		// drift in the bond: one line per difference, and setup puts it back
		sh("ip netns exec $H ovs-vsctl set port br-vlan-bond bond_mode=balance-slb trunks=100");
		Run drifted = setup("--verify");
		assertEquals(1, drifted.exit(), drifted.out());
		assertEquals(List.of("zknet: KVMA2: differs: Open vSwitch bond br-vlan-bond: bond_mode balance-slb, planned active-backup",
				"zknet: KVMA2: differs: Open vSwitch port br-vlan-bond: trunks 100, planned 100,200"), drifted.out().lines().toList());
		Run repaired = setup();
		assertEquals(0, repaired.exit(), repaired.out() + repaired.err());
		assertEquals("zknet: KVMA2: as planned\n", setup("--verify").out());

		Run teardown = run(List.of("bash", kvma2.resolve("teardown.sh").toString()));
		assertEquals(0, teardown.exit(), teardown.out() + teardown.err());
		assertTrue(teardown.out().contains("zknet: KVMA2: removed port br-vlan-bond from br-vlan"), teardown.out());
		assertEquals(before, ovsPorts(), "the bridge as the admin left it");
	}

	@Test
	void aMemberWithAnAddressIsRefusedAndNothingChanges() throws Exception {
		sh("ip -n $H addr add 10.100.0.77/24 dev p12");
		String before = ovsPorts();
		Run apply = setup();
		assertEquals(1, apply.exit(), apply.out() + apply.err());
		String said = apply.out() + apply.err();
		assertTrue(said.contains("zknet: KVMA2: refused: p12 has the addresses 10.100.0.77/24, which stop working once it joins the Open vSwitch "
				+ "bond br-vlan-bond"), said);
		assertEquals(before, ovsPorts());
		assertFalse(Files.exists(dir.resolve("state/KVMA2/run")), "no checkpoint for a refused plan");
	}

	private String ovsPorts() throws Exception {
		return sh("ip netns exec $H ovs-vsctl --format=csv --data=bare --no-headings --columns=name,bond_mode,trunks list port | sort");
	}

	private Run setup(String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("bash", kvma2.resolve("setup.sh").toString()));
		command.addAll(List.of(arguments));
		return run(command);
	}

	private Run run(List<String> command) throws Exception {
		List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", host, "env", "ZKNET_STATE_DIR=" + dir.resolve("state"), "ZKNET_ROOT=" + dir.resolve("root"),
				"OVS_RUNDIR=" + ovs, "SSH_CONNECTION=" + SESSION));
		full.addAll(command);
		return ZknetProcess.run(dir, full);
	}

	private String sh(String script) throws IOException, InterruptedException {
		Run run = ZknetProcess.run(dir, List.of("env", "H=" + host, "O=" + ovs, "OVS_RUNDIR=" + ovs, "OVS_LOGDIR=" + ovs, "OVS_DBDIR=" + ovs,
				"OVS_SYSCONFDIR=" + ovs, "bash", "-euo", "pipefail", "-c", script));
		assertEquals(0, run.exit(), () -> script + "\n" + run.out() + run.err());
		return run.out();
	}
}
