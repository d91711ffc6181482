package org.zkvm.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkvm.dsl.cli.ZknetProcess.Run;

/**
 * The generated setup.sh of examples/distros' KVM host RH1 on a host that already carries traffic,
 * every mode: a network namespace stands for RH1 with its OSA enc1000 already up, addressed and
 * carrying the default route (as the installer leaves it), enc8000 down, Open vSwitch running with
 * a bridge br0 an admin made; the admin's session is described by $SSH_CONNECTION as sshd does.
 * Only the s390 step (chzdev and naming, 'zknet_qeth') is left out, as in the lab. Run twice: as
 * generated for RHEL, where setup applies through NetworkManager ({@link SafeApplyIT}, with the
 * lab's nmcli stand-in), and with the host's distribution changed to Ubuntu, where setup makes the
 * links and the bridge itself ({@link SafeApplyOnUbuntuIT}). As root (CI runs as root).
 */
abstract class SafeApplyCases {

	static final String SESSION_ON_THE_UPLINK = "10.20.0.99 50022 10.20.1.10 22";

	@TempDir
	Path dir;
	String host;
	Path rh1;
	private Path ovs;
	/** The lab's nmcli on the PATH of every run, or null where setup does not use NetworkManager. */
	Path nmcli;

	/** The generated files for RH1 in {@code out}: examples/distros, as shipped or changed. */
	abstract void generate(Path out) throws Exception;

	/** What the apply says and leaves beyond what both ways share. */
	abstract void assertApplied(Run apply) throws Exception;

	/** What the teardown says it undid of the bridge. */
	abstract String bridgeUndone();

	@BeforeEach
	void aLiveHost() throws Exception {
		assumeTrue(TestHosts.isRoot(), "the safe apply's tests need root: run the tests as root (CI does)");
		generate(dir.resolve("out"));
		rh1 = dir.resolve("out/Z16B/RH1");
		Path setup = rh1.resolve("setup.sh");
		Files.writeString(setup, Files.readString(setup).replaceAll("(?m)^zknet_qeth .*\n", ""));
		host = "zkapply-" + ProcessHandle.current().pid();
		ovs = dir.resolve("ovs");
		Files.createDirectories(ovs);
		sh("""
				ip netns add $H; ip netns add $H-sw
				ip -n $H link set lo up
				ip -n $H link add enc1000 mtu 8992 type veth peer name p1 netns $H-sw
				ip -n $H link add enc8000 type veth peer name p2 netns $H-sw
				ip -n $H link set enc1000 up
				ip -n $H addr add 10.20.1.10/16 dev enc1000
				ip -n $H route add default via 10.20.0.1 dev enc1000
				""");
		sh(TestHosts.startOpenVSwitch(host, ovs));
		sh("ip netns exec $H ovs-vsctl add-br br0 -- set bridge br0 datapath_type=netdev");
	}

	@AfterEach
	void removeTheHost() throws Exception {
		if (host != null) {
			sh("for pid in $(ip netns pids $H 2>/dev/null); do kill -9 $pid; done; ip netns del $H 2>/dev/null; ip netns del $H-sw 2>/dev/null; true");
		}
	}

	@Test
	void theCheckRefusesToEnslaveTheUplinkThatCarriesTheSessionWithAnAddressTheBridgeDoesNotGet() throws Exception {
		sh("ip -n $H addr add 10.20.1.99/16 dev enc1000");
		String before = snapshot();
		Run check = setup("10.20.0.98 50022 10.20.1.99 22", "--check");
		assertEquals(1, check.exit(), check.out() + check.err());
		assertTrue(check.out().contains("zknet: RH1: refused: enc1000 carries the admin's session, the default route and the address 10.20.1.99/16, "
				+ "which the model does not give the bridge's port vnic0"), check.out());
		// the apply runs the same check first and changes nothing, not even a checkpoint
		Run apply = setup("10.20.0.98 50022 10.20.1.99 22");
		assertEquals(1, apply.exit(), apply.out() + apply.err());
		assertEquals(before, snapshot());
		assertFalse(Files.exists(dir.resolve("state/RH1/run")), "no checkpoint for a refused plan");
	}

	@Test
	void theUplinksAddressAndDefaultRouteMoveToTheBridgeInOneStepAndASecondRunChangesNothing() throws Exception {
		Run check = setup(SESSION_ON_THE_UPLINK, "--check");
		assertEquals(0, check.exit(), check.out() + check.err());
		assertTrue(check.out().contains("change: enc1000 joins bridge br0; its addresses 10.20.1.10/16 and their routes move to vnic0 in the same step"),
				check.out());
		assertTrue(check.out().contains("change: install /etc/zknet/zknet.nft and enable zknet-filters.service (the filters load at boot before "
				+ "network-pre.target and systemd-sysctl)"), check.out());
		assertFalse(Files.exists(dir.resolve("root/etc")), "the check installs nothing");
		Run apply = setup(SESSION_ON_THE_UPLINK);
		assertEquals(0, apply.exit(), apply.out() + apply.err());
		assertTrue(apply.out().contains("zknet: RH1: moved 10.20.1.10/16 from enc1000 to vnic0"), apply.out());
		assertTrue(apply.out().endsWith("zknet: RH1: applied and verified\n"), apply.out());
		assertApplied(apply);
		assertEquals("default via 10.20.0.1 dev vnic0", sh("ip -n $H -4 route show default").strip());
		assertEquals("", sh("ip -n $H -4 -o addr show dev enc1000").strip(), "no address left behind on the port");
		assertTrue(sh("ip -n $H -4 -o addr show dev vnic0").contains("10.20.1.10/16"));
		assertBootUnitInstalled();

		String applied = snapshot();
		Run again = setup(SESSION_ON_THE_UPLINK);
		assertEquals(0, again.exit(), again.out() + again.err());
		assertEquals("zknet: RH1: already as planned: nothing to change\n", again.out());
		assertEquals(applied, snapshot());
		Run verify = setup(SESSION_ON_THE_UPLINK, "--verify");
		assertEquals(0, verify.exit(), verify.out());
		assertEquals("zknet: RH1: as planned\n", verify.out());

		// drift: one line per difference
		sh("ip -n $H route del 10.21.0.0/24; ip netns exec $H sysctl -q -w net.ipv4.conf.enc8000.forwarding=0");
		Run drifted = setup(SESSION_ON_THE_UPLINK, "--verify");
		assertEquals(1, drifted.exit(), drifted.out());
		assertEquals(List.of("zknet: RH1: differs: sysctl net.ipv4.conf.enc8000.forwarding = 0, planned 1",
				"zknet: RH1: differs: route 10.21.0.0/24 via 172.30.1.2 dev enc8000 metric 100: missing"), drifted.out().lines().toList());
		Files.delete(dir.resolve("root/etc/systemd/system/sysinit.target.wants/zknet-filters.service"));
		Run disabled = setup(SESSION_ON_THE_UPLINK, "--verify");
		assertTrue(disabled.out().contains("differs: the boot unit zknet-filters.service or the ruleset /etc/zknet/zknet.nft it loads is not installed "
				+ "and enabled as planned"), disabled.out());
	}

	/** The ruleset under /etc/zknet and the unit that loads it at boot, enabled as 'systemctl enable' does. */
	private void assertBootUnitInstalled() throws IOException {
		Path root = dir.resolve("root");
		assertEquals(Files.readString(rh1.resolve("nftables/zknet.nft")), Files.readString(root.resolve("etc/zknet/zknet.nft")));
		assertEquals(Files.readString(rh1.resolve("systemd/zknet-filters.service")), Files.readString(root.resolve("etc/systemd/system/zknet-filters.service")));
		assertEquals("/etc/systemd/system/zknet-filters.service",
				Files.readSymbolicLink(root.resolve("etc/systemd/system/sysinit.target.wants/zknet-filters.service")).toString());
	}

	private void assertBootUnitGone() {
		Path root = dir.resolve("root");
		for (String file : List.of("etc/zknet/zknet.nft", "etc/systemd/system/zknet-filters.service", "etc/systemd/system/sysinit.target.wants/zknet-filters.service")) {
			assertFalse(Files.exists(root.resolve(file), java.nio.file.LinkOption.NOFOLLOW_LINKS), file);
		}
	}

	@Test
	void teardownRestoresTheHostAsItWasBeforeTheFirstSetup() throws Exception {
		String before = snapshot();
		assertEquals(0, setup(SESSION_ON_THE_UPLINK).exit());
		assertEquals(0, setup(SESSION_ON_THE_UPLINK).exit(), "a second setup keeps the first checkpoint");
		Run teardown = run(rh1.resolve("teardown.sh"), SESSION_ON_THE_UPLINK);
		assertEquals(0, teardown.exit(), teardown.out() + teardown.err());
		assertTrue(teardown.out().contains("zknet: RH1: restored address 10.20.1.10/16 on enc1000"), teardown.out());
		assertTrue(teardown.out().contains("zknet: RH1: restored route default via 10.20.0.1 dev enc1000"), teardown.out());
		assertTrue(teardown.out().contains(bridgeUndone()), teardown.out());
		assertEquals(before, snapshot());
		assertBootUnitGone();
		Path profiles = dir.resolve("root/etc/NetworkManager/system-connections");
		assertTrue(!Files.exists(profiles) || Files.list(profiles).findAny().isEmpty(), "no NetworkManager profile left behind");
		Run again = run(rh1.resolve("teardown.sh"), SESSION_ON_THE_UPLINK);
		assertEquals(2, again.exit(), "nothing left to restore: " + again.out() + again.err());
	}

	/** Teardown puts back what setup changed, not what someone else changed since on a device the model never names. */
	@Test
	void teardownLeavesAloneWhatChangedSinceOnOtherDevices() throws Exception {
		sh("ip -n $H link add mgmt0 type veth peer name m1 netns $H-sw; ip -n $H link set mgmt0 up; ip -n $H addr add 192.168.50.11/24 dev mgmt0");
		assertEquals(0, setup(SESSION_ON_THE_UPLINK).exit());
		sh("ip -n $H route add 192.168.60.0/24 via 192.168.50.1 dev mgmt0; ip -n $H addr add 192.168.50.12/24 dev mgmt0");
		Run teardown = run(rh1.resolve("teardown.sh"), SESSION_ON_THE_UPLINK);
		assertEquals(0, teardown.exit(), teardown.out() + teardown.err());
		assertTrue(teardown.out().contains("zknet: RH1: left alone: route 192.168.60.0/24 via 192.168.50.1 dev mgmt0"), teardown.out());
		assertTrue(teardown.out().contains("zknet: RH1: left alone: address 192.168.50.12/24 on mgmt0"), teardown.out());
		assertTrue(sh("ip -n $H -4 route show 192.168.60.0/24").contains("via 192.168.50.1 dev mgmt0"));
		assertTrue(sh("ip -n $H -4 route show default").startsWith("default via 10.20.0.1 dev enc1000"), "what setup changed is back");
	}

	@Test
	void aStepThatFailsHalfWayRollsBackToTheCheckpoint() throws Exception {
		String before = snapshot();
		Path shim = dir.resolve("shim");
		Files.createDirectories(shim);
		Files.writeString(shim.resolve("sysctl"), "#!/bin/sh\ncase \"$*\" in *-w*) echo 'sysctl: permission denied' >&2; exit 1 ;; esac\nexec "
				+ sh("command -v sysctl").strip() + " \"$@\"\n");
		shim.resolve("sysctl").toFile().setExecutable(true);
		Run failed = run(List.of("env", "PATH=" + shim + ":" + path(), "bash", rh1.resolve("setup.sh").toString()), SESSION_ON_THE_UPLINK);
		assertEquals(3, failed.exit(), failed.out() + failed.err());
		assertTrue(failed.err().contains("zknet: RH1: setup failed (exit 1) at: sysctl -q -w net.ipv4.conf.enc8000.forwarding=1; rolling back to the checkpoint"),
				failed.err());
		assertTrue(failed.out().contains("zknet: RH1: restored address 10.20.1.10/16 on enc1000"), failed.out());
		assertEquals(before, snapshot());
		assertBootUnitGone();
	}

	@Test
	void aConfirmedTryStays() throws Exception {
		Run tried = setup(SESSION_ON_THE_UPLINK, "--try", "2");
		assertEquals(0, tried.exit(), tried.out() + tried.err());
		assertTrue(tried.out().contains("applied and verified; rolls back in 2 s unless 'setup.sh --confirm' runs"), tried.out());
		Run confirmed = setup(SESSION_ON_THE_UPLINK, "--confirm");
		assertEquals(0, confirmed.exit(), confirmed.out() + confirmed.err());
		Thread.sleep(3500);
		assertEquals(0, setup(SESSION_ON_THE_UPLINK, "--verify").exit(), "still applied after the try's time");
		assertEquals(2, setup(SESSION_ON_THE_UPLINK, "--confirm").exit(), "nothing left to confirm");
	}

	@Test
	void anUnconfirmedTryRollsBackEvenWhenTheShellThatStartedItIsGone() throws Exception {
		String before = snapshot();
		// the admin's shell: runs the try and would wait; it is killed as a dying SSH session's shell is
		List<String> shell = List.of("ip", "netns", "exec", host, "env", "ZKNET_STATE_DIR=" + dir.resolve("state"), "ZKNET_ROOT=" + dir.resolve("root"), "OVS_RUNDIR=" + ovs,
				"PATH=" + path(), "SSH_CONNECTION=" + SESSION_ON_THE_UPLINK, "bash", "-c", "bash " + rh1.resolve("setup.sh") + " --try 3 && exec sleep 60");
		Process process = new ProcessBuilder(shell).redirectErrorStream(true).redirectOutput(dir.resolve("try.out").toFile()).start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!Files.readString(dir.resolve("try.out")).contains("rolls back in 3 s") && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertTrue(Files.readString(dir.resolve("try.out")).contains("rolls back in 3 s"), Files.readString(dir.resolve("try.out")));
		assertEquals("default via 10.20.0.1 dev vnic0", sh("ip -n $H -4 route show default").strip(), "applied");
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
		assertTrue(process.waitFor(10, TimeUnit.SECONDS));
		Path pending = dir.resolve("state/RH1/pending");
		// the try's own timer fires after 3 s; the rollback (on RHEL through NetworkManager's profiles) may take long on a busy machine
		for (int i = 0; i < 900 && Files.exists(pending); i++) {
			Thread.sleep(100);
		}
		assertFalse(Files.exists(pending), "the rollback did not run");
		assertEquals(before, snapshot());
		assertTrue(Files.readString(dir.resolve("state/RH1/try.log")).contains("not confirmed in time: rolling back"));
	}

	/**
	 * What setup may change, read independently of the script: links, addresses, routes, forwarding,
	 * nftables, Open vSwitch. Not the IPv6 link-local addresses and their routes: the kernel makes them
	 * whenever a link comes up, and their duplicate address detection ('tentative') ends on its own time.
	 */
	String snapshot() throws Exception {
		return sh("""
				ip -n $H -o link show | sed -E 's/qdisc [a-z_]+ //; s/ state [A-Z]+//; s/link\\/ether.*//'
				ip -n $H -o addr show | sed '/ inet6 fe80:/d'
				ip -n $H route show table all | sed '/fe80::/d'
				ip netns exec $H sysctl -a -r '^net\\.ipv4\\.(ip_forward$|conf\\..*\\.(forwarding|proxy_arp|rp_filter)$)'
				ip netns exec $H nft list ruleset
				ip netns exec $H ovs-vsctl --format=csv --data=bare --no-headings --columns=name,type,mtu_request,external_ids list interface | sort
				ip netns exec $H ovs-vsctl --format=csv --data=bare --no-headings --columns=name,external_ids list port | sort
				ip netns exec $H ovs-vsctl --format=csv --data=bare --no-headings --columns=name,datapath_type,external_ids list bridge | sort
				""");
	}

	Run setup(String session, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("bash", rh1.resolve("setup.sh").toString()));
		command.addAll(List.of(arguments));
		return run(command, session);
	}

	Run run(Path script, String session) throws Exception {
		return run(List.of("bash", script.toString()), session);
	}

	Run run(List<String> command, String session) throws Exception {
		List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", host, "env", "ZKNET_STATE_DIR=" + dir.resolve("state"), "ZKNET_ROOT=" + dir.resolve("root"), "OVS_RUNDIR=" + ovs,
				"PATH=" + path(), "SSH_CONNECTION=" + session));
		full.addAll(command);
		return ZknetProcess.run(dir, full);
	}

	/** The PATH the scripts run with: the lab's nmcli first where setup uses NetworkManager. */
	String path() {
		String system = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
		return nmcli == null ? system : nmcli.getParent() + ":" + system;
	}

	String sh(String script) throws IOException, InterruptedException {
		Run run = ZknetProcess.run(dir, List.of("env", "H=" + host, "O=" + ovs, "OVS_RUNDIR=" + ovs, "OVS_LOGDIR=" + ovs, "OVS_DBDIR=" + ovs,
				"OVS_SYSCONFDIR=" + ovs, "bash", "-euo", "pipefail", "-c", script));
		assertEquals(0, run.exit(), () -> script + "\n" + run.out() + run.err());
		return run.out();
	}
}
