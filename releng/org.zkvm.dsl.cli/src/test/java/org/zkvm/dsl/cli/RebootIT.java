package org.zkvm.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.zkvm.dsl.cli.ZknetProcess.ROOT;
import static org.zkvm.dsl.cli.ZknetProcess.zknet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkvm.dsl.cli.ZknetProcess.Run;

/**
 * examples/distros' Ubuntu host UB1 survives a reboot: setup.sh configures it live, then the host
 * is switched off (its network namespace deleted: every address, route, filter and sysctl gone;
 * only its disk stays: the files setup.sh and the admin installed, and Open vSwitch's database) and
 * booted again from those files alone, in the boot order docs/outputs.md describes:
 * zknet-filters.service's command, systemd-sysctl's /etc/sysctl.d, Open vSwitch, netplan's own
 * Open vSwitch commands and systemd-networkd after 'netplan generate', udev applying the
 * per-interface sysctls again. Then setup.sh --verify must find the host as planned: the
 * persistent files and the live setup agree. Only what needs a real s390 and udev is left out:
 * the qeth devices are veths already carrying the names udev/70-zknet.rules gives them.
 * As root (CI runs as root).
 */
class RebootIT {

	@TempDir
	Path dir;
	private String host;
	private Path ub1;
	private Path ovs;
	private Path root;

	@BeforeEach
	void generate() throws Exception {
		assumeTrue(TestHosts.isRoot(), "the reboot test needs root: run the tests as root (CI does)");
		Run generate = zknet(ROOT, "generate", "examples/distros", "-o", dir.resolve("out").toString(), "-q");
		assertEquals(0, generate.exit(), generate.err());
		ub1 = dir.resolve("out/Z16B/UB1");
		Path setup = ub1.resolve("setup.sh");
		Files.writeString(setup, Files.readString(setup).replaceAll("(?m)^zknet_qeth .*\n", ""));
		host = "zkboot-" + ProcessHandle.current().pid();
		ovs = dir.resolve("ovs");
		root = dir.resolve("root");
		Files.createDirectories(ovs);
	}

	@AfterEach
	void switchOff() throws Exception {
		if (host != null) {
			powerOff();
			sh("ip netns del " + host + "-sw 2>/dev/null; true");
		}
	}

	@Test
	void theHostComesBackFromItsPersistentFilesAsSetupLeftIt() throws Exception {
		powerOn();
		startOpenVSwitch();
		// the lab's switches run in user space (no kernel module here): the bridge is made so once; setup.sh's add-br --may-exist keeps it
		sh("ip netns exec " + host + " env OVS_RUNDIR=" + ovs + " ovs-vsctl --timeout=10 add-br br-int -- set bridge br-int datapath_type=netdev");
		Run setup = inHost(List.of("bash", ub1.resolve("setup.sh").toString()));
		assertEquals(0, setup.exit(), setup.out() + setup.err());
		assertTrue(setup.out().endsWith("zknet: UB1: applied and verified\n"), setup.out());
		// what the admin installs beside what setup.sh installed itself (docs/outputs.md)
		Path netplan = root.resolve("etc/netplan/90-zknet.yaml");
		Files.createDirectories(netplan.getParent());
		Files.copy(ub1.resolve("netplan/90-zknet.yaml"), netplan);
		Files.setPosixFilePermissions(netplan, PosixFilePermissions.fromString("rw-------"));
		Files.createDirectories(root.resolve("etc/sysctl.d"));
		Files.copy(ub1.resolve("sysctl.d/90-zknet.conf"), root.resolve("etc/sysctl.d/90-zknet.conf"));

		powerOff();
		String off = sh("ip netns list");
		assertTrue(!off.contains(host + " "), "the host is off: " + off);

		powerOn();
		String unit = Files.readString(root.resolve("etc/systemd/system/zknet-filters.service"));
		assertTrue(Files.isSymbolicLink(root.resolve("etc/systemd/system/sysinit.target.wants/zknet-filters.service")), "enabled");
		String execStart = unit.lines().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow().substring("ExecStart=".length());
		// 1. before any interface is configured: the filters, from the files setup.sh installed
		sh("ip netns exec " + host + " " + execStart.replace(" /etc/", " " + root + "/etc/"));
		// 2. systemd-sysctl: /etc/sysctl.d (per-interface keys of interfaces not there yet are skipped)
		sh("ip netns exec " + host + " sysctl -q -e -p " + root.resolve("etc/sysctl.d/90-zknet.conf") + " || true");
		// 3. Open vSwitch from its database on disk, then netplan's own Open vSwitch commands and systemd-networkd
		startOpenVSwitch();
		Path generated = dir.resolve("netplan-run");
		sh("netplan generate --root-dir " + root + " && cp -r " + root.resolve("run") + " " + generated);
		List<Path> services;
		try (var listing = Files.list(generated.resolve("systemd/system"))) {
			services = listing.filter(p -> p.getFileName().toString().startsWith("netplan-ovs-br")).sorted().toList();
		}
		assertTrue(!services.isEmpty(), "netplan wrote the bridge's Open vSwitch unit");
		for (Path service : services) {
			for (String line : Files.readString(service).lines().filter(l -> l.startsWith("ExecStart=")).toList()) {
				String command = line.substring("ExecStart=".length());
				// netplan 0.106 has no datapath key: the lab's switch runs in user space (../shared/lab/distro-daemons.md)
				if (command.contains(" add-br ")) {
					command += " -- set bridge " + command.substring(command.lastIndexOf(' ') + 1) + " datapath_type=netdev";
				}
				sh("ip netns exec " + host + " env OVS_RUNDIR=" + ovs + " " + command);
			}
		}
		startNetworkd(generated.resolve("systemd/network"));
		waitFor("systemd-networkd to bring UB1 up", "ip -n " + host + " -4 route show default", "default via 10.20.0.1 dev enc1010");
		waitFor("systemd-networkd to give br-int its address", "ip -n " + host + " -4 -o addr show dev br-int", "10.21.0.254/24");
		// 4. udev applies the per-interface keys again as the interfaces appear
		sh("ip netns exec " + host + " sysctl -q -e -p " + root.resolve("etc/sysctl.d/90-zknet.conf"));

		Run verify = inHost(List.of("bash", ub1.resolve("setup.sh").toString(), "--verify"));
		assertEquals("zknet: UB1: as planned\n", verify.out(), verify.out() + verify.err() + "\n" + state());
		assertEquals(0, verify.exit());
	}

	/**
	 * examples/distros' RHEL guest rh1a: network.sh configures it live (its NIC comes up as enc100
	 * with the MAC of its interface XML and gets the name lan0); after the reboot udev names the NIC
	 * by its MAC (udev/70-zknet.rules) and NetworkManager brings it up from the generated keyfile,
	 * with a D-Bus of its own; then network.sh --verify finds the guest as planned.
	 */
	@Test
	void aRhelGuestComesBackThroughNetworkManager() throws Exception {
		Path guest = dir.resolve("out/Z16B/RH1/guests/rh1a");
		String rule = Files.readString(guest.resolve("udev/70-zknet.rules")).lines().filter(l -> l.startsWith("SUBSYSTEM")).findFirst().orElseThrow();
		String mac = rule.replaceAll(".*ATTR\\{address\\}==\"([^\"]+)\".*", "$1");
		String name = rule.replaceAll(".*NAME=\"([^\"]+)\".*", "$1");
		assertEquals("lan0", name);
		powerOnGuest(mac);
		Run live = inHost(List.of("bash", guest.resolve("network.sh").toString()));
		assertEquals(0, live.exit(), live.out() + live.err());
		assertTrue(live.out().contains("applied and verified"), live.out());

		powerOff();
		powerOnGuest(mac);
		// udev's part at boot: the rule names the NIC that has the MAC
		sh("ip -n " + host + " link set enc100 name " + name);
		Path profiles = dir.resolve("nm/profiles");
		Files.createDirectories(profiles);
		Files.copy(guest.resolve("networkmanager/lan0.nmconnection"), profiles.resolve("lan0.nmconnection"));
		Files.setPosixFilePermissions(profiles.resolve("lan0.nmconnection"), PosixFilePermissions.fromString("rw-------"));
		startNetworkManager(dir.resolve("nm"));
		// in a namespace NetworkManager's first activation at start leaves the link down ("not up for IP configuration"), as
		// ../shared/lab/distro-daemons.md saw with routes: the profile is activated once more, as an admin would with nmcli
		waitFor("NetworkManager's bus", "ls " + dir.resolve("nm") + " && ip netns exec " + host + " env DBUS_SYSTEM_BUS_ADDRESS=unix:path="
				+ dir.resolve("nm/bus") + " nmcli -t -f RUNNING general 2>/dev/null || true", "running");
		sh("ip netns exec " + host + " env DBUS_SYSTEM_BUS_ADDRESS=unix:path=" + dir.resolve("nm/bus") + " nmcli -w 15 connection up lan0");
		waitFor("NetworkManager to bring rh1a up", "ip -n " + host + " -4 route show default", "default via 10.20.0.1 dev lan0");
		waitFor("NetworkManager to set the route to UB1's guests", "ip -n " + host + " -4 route show 10.21.0.0/24", "via 10.20.1.10 dev lan0");

		Run verify = inHost(List.of("bash", guest.resolve("network.sh").toString(), "--verify"));
		assertEquals("zknet: rh1a: as planned\n", verify.out(), verify.out() + verify.err() + "\n" + state());
	}

	private void powerOnGuest(String mac) throws Exception {
		sh("ip netns add " + host + "; ip -n " + host + " link set lo up; ip -n " + host + " link add enc100 address " + mac + " type veth peer name peer0; ip -n " + host + " link set peer0 up");
	}

	/**
	 * NetworkManager in the namespace (../shared/lab/distro-daemons.md): a D-Bus of its own from a
	 * copy of the system bus's configuration, /sys read-only so that it manages the links without
	 * udev, only the keyfiles under test, nothing written on this machine.
	 */
	private void startNetworkManager(Path folder) throws IOException {
		String dbus = Files.readString(Path.of("/usr/share/dbus-1/system.conf")).replaceAll("(?m)^.*<user>.*</user>.*$", "")
				.replaceAll("(?m)^.*<fork/>.*$", "").replaceAll("(?m)^.*<pidfile>.*</pidfile>.*$", "").replaceAll("(?m)^.*<syslog/>.*$", "")
				.replaceAll("(?m)^.*servicehelper.*$", "").replaceAll("<listen>.*</listen>", "<listen>unix:path=" + folder.resolve("bus") + "</listen>")
				.replace("<includedir>system.d</includedir>", "<includedir>/usr/share/dbus-1/system.d</includedir>");
		Files.writeString(folder.resolve("dbus.conf"), dbus);
		Files.createDirectories(folder.resolve("conf.d"));
		Files.writeString(folder.resolve("NetworkManager.conf"), "[main]\nplugins=keyfile\nno-auto-default=*\ndns=none\nrc-manager=unmanaged\n"
				+ "hostname-mode=none\nauth-polkit=false\n[keyfile]\npath=" + folder.resolve("profiles") + "\n[connectivity]\nenabled=false\n");
		String script = "mount -o remount,ro /sys && (dbus-daemon --config-file=" + folder.resolve("dbus.conf") + " --nofork &) && sleep 0.5"
				+ " && export DBUS_SYSTEM_BUS_ADDRESS=unix:path=" + folder.resolve("bus") + " && exec /usr/sbin/NetworkManager --no-daemon --config="
				+ folder.resolve("NetworkManager.conf") + " --config-dir=" + folder.resolve("conf.d") + " --system-config-dir=" + folder.resolve("conf.d")
				+ " --intern-config=" + folder.resolve("intern.conf") + " --state-file=" + folder.resolve("state") + " --pid-file=" + folder.resolve("nm.pid");
		new ProcessBuilder("ip", "netns", "exec", host, "unshare", "--mount", "--propagation", "private", "bash", "-c", script).redirectErrorStream(true)
				.redirectOutput(dir.resolve("networkd.log").toFile()).start();
	}

	private void powerOn() throws Exception {
		sh("ip netns add " + host + "; ip netns add " + host + "-sw 2>/dev/null || true; ip -n " + host + " link set lo up;"
				+ " for d in enc1010 enc1020 enc8010; do ip -n " + host + " link add $d type veth peer name p-$d netns " + host + "-sw;"
				+ " ip -n " + host + "-sw link set p-$d up; done");
	}

	/** Everything in the namespace stops and the namespace goes; the disk (the folders under dir) stays. */
	private void powerOff() throws Exception {
		sh("for pid in $(ip netns pids " + host + " 2>/dev/null); do kill -9 $pid; done; ip netns del " + host + " 2>/dev/null;"
				+ " ip netns del " + host + "-sw 2>/dev/null; rm -f " + ovs + "/*.pid " + ovs + "/*.ctl " + ovs + "/*.sock; true");
	}

	private void startOpenVSwitch() throws Exception {
		sh(TestHosts.startOpenVSwitch(host, ovs));
	}

	/**
	 * systemd-networkd in the host's namespace with a mount namespace of its own: netplan's
	 * generated .network files in /run/systemd/network, none of this machine's, and /sys read-only
	 * so that it manages the links at once instead of waiting for udev (../shared/lab/distro-daemons.md).
	 */
	private void startNetworkd(Path networkFiles) throws IOException {
		String script = "mount -t tmpfs tmpfs /run && mkdir -p /run/systemd/network /run/systemd/netif/links /run/openvswitch"
				+ " && chown -R systemd-network: /run/systemd/netif 2>/dev/null; mount --bind " + networkFiles + " /run/systemd/network"
				+ " && mount --bind " + ovs + " /run/openvswitch && mount -t tmpfs tmpfs /etc/systemd/network"
				+ " && mount -t tmpfs tmpfs /usr/lib/systemd/network && mount -o remount,ro /sys && exec /lib/systemd/systemd-networkd";
		new ProcessBuilder("ip", "netns", "exec", host, "unshare", "--mount", "--propagation", "private", "bash", "-c", script).redirectErrorStream(true)
				.redirectOutput(dir.resolve("networkd.log").toFile()).start();
	}

	private void waitFor(String what, String command, String expected) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		String seen = "";
		while (System.nanoTime() < deadline) {
			seen = sh(command);
			if (seen.contains(expected)) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("waited for " + what + ": '" + expected + "' not in '" + seen + "'\n" + Files.readString(dir.resolve("networkd.log")) + state());
	}

	private String state() throws IOException, InterruptedException {
		return sh("ip -n " + host + " -o addr; ip -n " + host + " route; ip netns exec " + host + " nft list ruleset | head -20");
	}

	private Run inHost(List<String> command) throws Exception {
		List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", host, "env", "ZKNET_STATE_DIR=" + dir.resolve("state"), "ZKNET_ROOT=" + root,
				"OVS_RUNDIR=" + ovs));
		full.addAll(command);
		return ZknetProcess.run(dir, full);
	}

	private String sh(String script) throws IOException, InterruptedException {
		Run run = ZknetProcess.run(dir, List.of("bash", "-c", script));
		assertEquals(0, run.exit(), () -> script + "\n" + run.out() + run.err());
		return run.out();
	}
}
