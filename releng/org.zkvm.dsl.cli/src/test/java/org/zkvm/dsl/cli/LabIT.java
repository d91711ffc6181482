package org.zkvm.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.zkvm.dsl.cli.ZknetProcess.ROOT;
import static org.zkvm.dsl.cli.ZknetProcess.command;
import static org.zkvm.dsl.cli.ZknetProcess.zknet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zkvm.dsl.cli.ZknetProcess.Run;

/**
 * The lab for real: namespaces, veth pairs, Open vSwitch daemons, the generated scripts and ping,
 * as root (CI runs as root; .ci/run installs iproute2, iputils-ping, openvswitch-switch and
 * nftables). After each run nothing of the lab may be left: no namespace, no process, no folder.
 */
class LabIT {

	private static final Pattern LAB_ID = Pattern.compile("zknet lab ([0-9a-f]{6}):");

	@BeforeAll
	static void asRoot() throws IOException, InterruptedException {
		assumeTrue(TestHosts.isRoot(), "the lab needs root: run the tests as root (CI does)");
		assertEquals(List.of(), labNamespaces(), "labs left over from before: remove them with 'zknet lab --clean'");
	}

	@AfterAll
	static void nothingLeft() throws IOException, InterruptedException {
		if (TestHosts.isRoot()) {
			assertEquals(List.of(), labNamespaces());
		}
	}

	@Test
	void theSeedNetworkKeepsEveryPromise() throws Exception {
		Run run = zknet(ROOT, "lab", "--boot", "examples/seed-network");
		assertEquals(0, run.exit(), run.out() + run.err());
		String id = labId(run);
		assertTrue(run.out().contains("zknet lab: 57 of 57 probes as the model says (48 replies, 9 without)"), run.out());
		assertFalse(run.out().contains("FAIL"), run.out());
		// the s390-only steps are skipped, each with its reason; nothing else is
		assertEquals(6, run.lines().stream().filter(l -> l.startsWith("    skipped line ")).count(), run.out());
		assertTrue(run.out().contains("skipped line 18: zknet_qeth 0.0.f500 0.0.f500:0.0.f501:0.0.f502 o5s_10g_1 layer2=1 — s390 only"), run.out());
		// production-like: the admin sessions survive setup, the ARP filter (policy drop) leaves the unmodelled NIC answering,
		// the model's default route replaces the host's on purpose; the rollbacks on LPAR11 leave it exactly as before
		for (String host : List.of("LPAR11", "LPAR12")) {
			for (String when : List.of("after setup", "at the end")) {
				assertTrue(run.out().contains("LPAR " + host + ": " + when + ": admin session kept"), run.out());
			}
			assertTrue(run.out().contains("LPAR " + host + ": setup.sh run again: nothing to change"), run.out());
		}
		assertTrue(run.out().contains("backup0 answers ARP and ping, default route set by the model (default via 172.18.0.1 dev o5s_1g_1; "
				+ "was default via 198.18.1.1 dev mgmt0)"), run.out());
		for (String proof : List.of("setup.sh --try 2 left unconfirmed", "setup.sh with a step that fails half-way", "teardown.sh after setup.sh")) {
			assertTrue(run.out().contains("LPAR LPAR11: rollback proof: " + proof + ": the host is exactly as before setup"), run.out());
		}
		assertSummary(run, 2, 3, "zknet lab: 57 of 57 probes as the model says (48 replies, 9 without)");
		// guest to guest over HiperSockets, guest to partner, guest to production by proxy_arp, to the intranet by NAT ...
		assertRow(run, "ok   guest LPAR11.vm11a  guest LPAR12.vm12a (10.136.12.1)     reach                 reply     reply");
		assertRow(run, "ok   guest LPAR11.vm11a  LPAR ZOS1 (172.31.56.3)              reach                 reply     reply");
		assertRow(run, "ok   network production  guest LPAR12.vm12a (10.136.12.1)     reach                 reply     reply");
		assertRow(run, "ok   guest LPAR12.vm12a  network intranet (172.18.0.1)        reach                 reply     reply");
		// ... and no way back in from the intranet, nothing from production to the partner
		assertRow(run, "ok   network intranet    guest LPAR11.vm11a (10.136.11.1)     reach                 no reply  no reply");
		assertRow(run, "ok   network production  LPAR ZOS1 (172.31.56.3)              reach                 no reply  no reply");
		// the sizes: 57344 over HiperSockets whole, 1500 DF into the 10.x net, 57344 there fragmented
		assertRow(run, "ok   guest LPAR11.vm11a  guest LPAR12.vm12a (10.136.12.1)     path MTU, DF 57344 B  reply     reply");
		assertRow(run, "ok   guest LPAR11.vm11a  network production (10.255.255.254)  path MTU, DF 1500 B   reply     reply");
		assertRow(run, "ok   guest LPAR11.vm11a  network production (10.255.255.254)  full size 57344 B     reply     reply");
		// the reboot: SLES hosts and guests from their wicked files (read by the lab: no wicked on Debian, and it says so)
		for (String host : List.of("LPAR11", "LPAR12")) {
			assertTrue(run.out().contains("LPAR " + host + ": booted: zknet-filters.service (/usr/sbin/nft -f /etc/zknet/zknet.nft), systemd-sysctl,"
					+ " Open vSwitch from its database, then the lab's reading of the wicked files in /etc/sysconfig/network (br-ex, hs56k_0, o5s_10g_1,"
					+ " o5s_1g_1): Debian has no wicked"), run.out());
			assertTrue(run.out().contains("LPAR " + host + ": after the reboot: setup.sh --verify: as planned"), run.out());
		}
		for (String guest : List.of("LPAR11.vm11a", "LPAR11.vm11b", "LPAR12.vm12a")) {
			assertTrue(run.out().contains("guest " + guest + ": after the reboot: network.sh --verify: as planned"), run.out());
			assertTrue(run.out().contains("guest " + guest + ": booted: the lab's reading of the wicked files") && run.out().contains("udev named enc100 -> vic_10g_2 by MAC"),
					run.out());
		}
		assertTrue(run.out().contains("zknet lab: after the reboot: 5 of 5 hosts and guests as planned; 57 of 57 probes as the model says, 57 the same as before the reboot"),
				run.out());
		assertLabGone(id);
	}

	/**
	 * The seed network dual stack (docs/ipv6.md): its IPv4 keeps every promise, the rollbacks are exact with IPv6 in the
	 * checkpoint, and after the reboot from the wicked files the hosts forward IPv6 (conf.all.forwarding, confined by the
	 * filter), the proxy NDP entries are back (the ifcfg's POST_UP_SCRIPT unit), and IPv6 goes end to end: guest to guest
	 * over HiperSockets, guest to the other LPAR on the production LAN through LPAR11's proxy NDP. The lab's simulation is
	 * IPv4's, so these IPv6 pings are asserted here, not planned by the lab.
	 */
	@Test
	void theDualStackSeedNetworkCarriesIpv6AfterAReboot() throws Exception {
		Run run = zknet(ROOT, "lab", "--boot", "--keep", "examples/seed-network-dualstack");
		String id = labId(run);
		try {
			assertEquals(0, run.exit(), run.out() + run.err());
			assertSummary(run, 2, 3, "zknet lab: 57 of 57 probes as the model says (48 replies, 9 without)");
			for (String host : List.of("LPAR11", "LPAR12")) {
				assertTrue(run.out().contains("LPAR " + host + ": after the reboot: setup.sh --verify: as planned"), run.out());
			}
			String lpar11 = "zklab-" + id + "-LPAR11";
			Run proxies = ZknetProcess.run(ROOT, List.of("ip", "netns", "exec", lpar11, "ip", "-6", "neigh", "show", "proxy"));
			assertEquals(List.of("2001:db8:10:136:11::1 dev o5s_10g_1 proxy", "2001:db8:10:136:11::2 dev o5s_10g_1 proxy",
					"2001:db8:10:136:11::254 dev o5s_10g_1 proxy"), proxies.lines().stream().map(String::strip).sorted().toList(), proxies.out());
			Run forwarding = ZknetProcess.run(ROOT, List.of("ip", "netns", "exec", lpar11, "sysctl", "-n", "net.ipv6.conf.all.forwarding"));
			assertEquals("1", forwarding.out().strip());
			for (String target : List.of("2001:db8:10:136:12::1", "2001:db8:10:131::12", "fd00:56::2")) {
				Run ping = ZknetProcess.run(ROOT, List.of("ip", "netns", "exec", "zklab-" + id + "-LPAR11.vm11a", "ping", "-6", "-c", "1", "-W", "2", target));
				assertEquals(0, ping.exit(), target + ": " + ping.out() + ping.err());
			}
			// IPv6 routers never fragment: a full-size DF ping towards the production LAN comes back as 'packet too big' (ICMPv6 let through)
			Run big = ZknetProcess.run(ROOT, List.of("ip", "netns", "exec", "zklab-" + id + "-LPAR11.vm11a", "ping", "-6", "-M", "do", "-s", "4000", "-c", "1", "-W", "2",
					"2001:db8:10:131::12"));
			assertTrue(big.out().contains("Packet too big: mtu=1500"), big.out() + big.err());
			// path MTU discovery: the guest learned 1500 and fragments at the source, so the same size without DF gets its reply
			Run learned = ZknetProcess.run(ROOT, List.of("ip", "netns", "exec", "zklab-" + id + "-LPAR11.vm11a", "ip", "-6", "route", "get", "2001:db8:10:131::12"));
			assertTrue(learned.out().contains(" mtu 1500 "), learned.out());
			Run whole = ZknetProcess.run(ROOT, List.of("ip", "netns", "exec", "zklab-" + id + "-LPAR11.vm11a", "ping", "-6", "-s", "4000", "-c", "1", "-W", "2",
					"2001:db8:10:131::12"));
			assertEquals(0, whole.exit(), whole.out() + whole.err());
		} finally {
			zknet(ROOT, "lab", "--clean");
		}
		assertLabGone(id);
	}

	/**
	 * An OSA attached to OVS with an internal port of its own, HiperSockets routes both ways, MacVTap, RHEL and Ubuntu hosts;
	 * then the reboot from the persistent files alone, with each distribution's own reader.
	 */
	@Test
	void theDistrosExampleKeepsEveryPromise() throws Exception {
		Run run = zknet(ROOT, "lab", "--boot", "examples/distros");
		assertEquals(0, run.exit(), run.out() + run.err());
		assertTrue(run.out().contains("zknet lab: 41 of 41 probes as the model says (34 replies, 7 without)"), run.out());
		// RH1's OSA joins the bridge while the admin's session runs on the management NIC; the host's default route stays
		assertTrue(run.out().contains("LPAR RH1: after setup: admin session kept") && run.out().contains("backup0 answers ARP and ping, default route unchanged"),
				run.out());
		assertSummary(run, 2, 3, "zknet lab: 41 of 41 probes as the model says (34 replies, 7 without)");
		// the layer 2 cut-off the model has on purpose: the guests' 8992 on an attached bridge, the MacVTap guest's uplink at 1500
		assertTrue(run.out().contains("8992-byte frames from guest RH1.rh1a on lan0 are cut off at the attached uplink enc1020 (MTU 1500)"), run.out());
		// each guest's NIC comes up as a virtio-ccw NIC does (enc100, with the MAC of the interface XML) and network.sh names it
		for (String guest : List.of("RH1.rh1a", "RH1.rh1b", "UB1.ub1a", "UB1.ub1b")) {
			assertTrue(run.out().contains("guest " + guest + ": NICs found by their MACs and named as the model says: enc100 -> lan0"), run.out());
			assertTrue(run.out().contains("guest " + guest + ": after the reboot: network.sh --verify: as planned"), run.out());
		}
		// the reboot, each host and guest through its distribution's reader: RHEL's NetworkManager (its OVS profiles read by libnm and built
		// by the lab, said), Ubuntu's systemd-networkd after netplan generate with netplan's own OVS commands
		assertTrue(run.out().contains("LPAR RH1: booted: zknet-filters.service (/usr/sbin/nft -f /etc/zknet/zknet.nft), systemd-sysctl, Open vSwitch from its"
				+ " database, then NetworkManager 1."), run.out());
		assertTrue(run.out().contains(" from enc8000 (the lab's copy without the qeth channel keys: the veth standing in has no subchannels)"
				+ "; the Open vSwitch profiles br0, enc1000, ovs-if-vnic0, ovs-port-enc1000, ovs-port-vnic0 read by libnm and built by the lab from their data by"
				+ " NetworkManager's rules: its own rows removed at its start and made again, a row of the same name that is not its own refused"
				+ " (Debian's NetworkManager has no Open vSwitch support)") || !run.out().contains("NetworkManager 1.42.4"), run.out());
		assertTrue(run.out().contains("guest RH1.rh1a: booted: NetworkManager 1.") && run.out().contains("from lan0; udev named enc100 -> lan0 by MAC"), run.out());
		assertTrue(run.out().contains("LPAR UB1: booted: zknet-filters.service (/usr/sbin/nft -f /etc/zknet/zknet.nft), systemd-sysctl, Open vSwitch from its"
				+ " database, then systemd-networkd from netplan's files ('netplan generate'; Open vSwitch by netplan-ovs-br-int.service)"), run.out());
		assertTrue(run.out().contains("guest RH1.rh1a: booted: NetworkManager 1.") && run.out().contains("guest RH1.rh1b: booted: systemd-networkd"), run.out());
		for (String host : List.of("RH1", "UB1")) {
			assertTrue(run.out().contains("LPAR " + host + ": after the reboot: setup.sh --verify: as planned"), run.out());
		}
		assertTrue(run.out().contains("zknet lab: after the reboot: 6 of 6 hosts and guests as planned; 41 of 41 probes as the model says, 41 the same as before the reboot"),
				run.out());
		assertLabGone(labId(run));
	}

	/**
	 * Seed 003's two z/VM guests: each IUCV and virtual CTC link a veth pair at the model's MTU, each guest's network.sh applied
	 * (the s390 and z/VM steps said and skipped), pings across every link at its MTU.
	 */
	@Test
	void theIucvSeedsGuestsPingAcrossEveryLinkAtItsMtu() throws Exception {
		Run run = zknet(ROOT, "lab", "examples/seed-iucv");
		assertEquals(0, run.exit(), run.out() + run.err());
		assertTrue(run.out().contains("zknet lab: 24 of 24 probes as the model says (24 replies, 0 without)"), run.out());
		assertTrue(run.out().contains("z/VM only: connects netiucv to the partner guest") && run.out().contains("s390 only: configures the virtual CTC"), run.out());
		assertTrue(run.lines().stream().anyMatch(l -> l.startsWith("ok") && l.contains("z/VM guest VMLINUX.LINUX2 (192.168.132.2)") && l.contains("32764 B")),
				run.out());
		assertLabGone(labId(run));
	}

	/** The z/VM LANs example: a VSWITCH's VLANs as their networks' LANs, the HiperSockets guest LAN between the guests. */
	@Test
	void theZvmLansExampleKeepsEveryPromise() throws Exception {
		Run run = zknet(ROOT, "lab", "examples/zvm-lans");
		assertEquals(0, run.exit(), run.out() + run.err());
		assertTrue(run.out().contains("zknet lab: 25 of 25 probes as the model says (14 replies, 11 without)"), run.out());
		// the VLANs stay apart: the outside networks route nothing between them
		assertRow(run, "ok   z/VM guest ZVMPROD.WEB1  z/VM guest ZVMPROD.APP1 (10.20.200.21)   reach                 no reply  no reply");
		assertTrue(run.lines().stream().anyMatch(l -> l.startsWith("ok") && l.contains("z/VM guest ZVMPROD.APP1 (192.168.70.21)") && l.contains("57344 B")),
				run.out());
		assertLabGone(labId(run));
	}

	/** The seed network with 'firewall legacy': the seed's arptables/iptables rules, confined to the model's interfaces, rolled back exactly. */
	@Test
	void theLegacyFirewallIsAsSafeOnALiveHost() throws Exception {
		Path legacy = Files.createTempDirectory("zknet-lab-it-legacy");
		try (Stream<Path> files = Files.list(ROOT.resolve("examples/seed-network"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".zknet")).toList()) {
				Files.writeString(legacy.resolve(file.getFileName()), Files.readString(file).replace("distro suse {", "distro suse firewall legacy {"));
			}
		}
		Run run = zknet(ROOT, "lab", legacy.toString());
		assertEquals(0, run.exit(), run.out() + run.err());
		assertTrue(run.out().contains("LPAR LPAR11: after setup: admin session kept") && run.out().contains("backup0 answers ARP and ping"), run.out());
		assertSummary(run, 2, 3, "zknet lab: 57 of 57 probes as the model says (48 replies, 9 without)");
		assertLabGone(labId(run));
	}

	/**
	 * The enterprise site: VLAN-aware site switches, an Open vSwitch bond with trunks and access ports
	 * built for real, Linux bonds and VLANs as Open vSwitch stand-ins (this kernel has neither driver),
	 * every probe as the model says, and each bond's active member's chpid failed mid-run: another
	 * member takes over, the failover time is printed, every probe is still as the model says.
	 */
	@Test
	void theEnterpriseSitesBondsFailOverAndEveryVlanKeepsItsPromises() throws Exception {
		Run run = zknet(ROOT, "lab", "examples/enterprise");
		assertEquals(0, run.exit(), run.out() + run.err());
		String id = labId(run);
		assertTrue(run.out().contains("site switches: 4 trunking LANs (LAN of OSA chpid Z17A.10, LAN of OSA chpid Z17A.11, LAN of OSA chpid Z17B.20,"
				+ " LAN of OSA chpid Z17B.21) joined by a core that carries VLAN 100,200"), run.out());
		assertTrue(run.out().contains("LPAR KVMA1: no bonding or 802.1Q driver in this kernel: stand-ins under the model's names, from setup.sh's own lines:"
				+ " bond0 (Open vSwitch active-backup bond of p10 p11), app100 (internal port tagged 100 on bond0), db200 (internal port tagged 200 on bond0)"),
				run.out());
		assertTrue(run.out().contains("skipped line 25: zknet_bond bond0 mode=active-backup,fail_over_mac=active,miimon=100,primary=p10 p10 p11 — no bonding driver"),
				run.out());
		assertFalse(run.out().contains("FAIL"), run.out());
		// the VLANs: a guest on VLAN 100 reaches its network and, routed by the RHEL host's filter, nothing it may not
		assertRow(run, "ok   guest KVMA2.app1  network app100 (10.100.0.254)   reach                reply     reply");
		assertRow(run, "ok   guest KVMA2.db1   network db200 (10.200.0.254)    reach                reply     reply");
		assertRow(run, "ok   guest KVMA1.web1  guest KVMB1.web2 (10.101.2.1)   reach                reply     reply");
		assertRow(run, "ok   network db200     guest KVMA1.web1 (10.101.1.1)   reach                no reply  no reply");
		for (String bond : List.of("LPAR KVMA2's Open vSwitch bond br-vlan-bond (p12, p13)", "LPAR KVMA1's bond bond0 (p10, p11)",
				"LPAR KVMB1's bond bond0 (p20, p21)")) {
			assertTrue(run.lines().stream().anyMatch(l -> l.startsWith(bond + ": ") && l.matches(".*: \\S+ took over; the stream was silent for \\d+\\.\\d\\d s \\(failover time\\)")),
					run.out());
			assertTrue(run.lines().stream().anyMatch(l -> l.startsWith(bond + ": with ") && l.endsWith(" down 42 of 42 probes as the model says")), run.out());
		}
		assertTrue(run.out().contains("LPAR KVMA1's bond bond0 (p10, p11): p10 is active; chpid Z17A.10 fails (p10 loses its carrier)"), run.out());
		assertTrue(run.out().contains("zknet lab: bonds that failed over with every probe as the model says: 3 of 3"), run.out());
		assertSummary(run, 3, 3, "zknet lab: 42 of 42 probes as the model says (24 replies, 18 without)");
		assertLabGone(id);
	}

	/** The reboot needs the distributions' daemons to make the bonds and VLANs, with drivers this kernel lacks: refused, nothing built. */
	@Test
	void aRebootOfLinuxBondsIsRefusedOnThisKernel() throws Exception {
		Run run = zknet(ROOT, "lab", "--boot", "examples/enterprise");
		assertEquals(2, run.exit(), run.out() + run.err());
		assertTrue(run.err().contains("zknet lab: --boot: KVMA1.bond0 is a Linux bond: NetworkManager, systemd-networkd and wicked make it with the kernel's"
				+ " bonding driver, which this kernel does not have"), run.err());
		assertFalse(run.out().contains("zknet lab "), run.out());
	}

	/** Two bond members on one chpid fail together: the lab shows the guest behind the host cut off when the chpid fails. */
	@Test
	void twoBondMembersOnOneChpidFailTogether() throws Exception {
		Run run = zknet(ROOT, "lab", "--force", "examples/pitfalls/bond.same-chpid.zknet");
		assertEquals(1, run.exit(), run.out() + run.err());
		assertTrue(run.out().contains("LPAR KVM1's bond bond0 (p10, p11): p10 is active; chpid Z16A.10 fails (p10, p11 lose their carrier)"), run.out());
		assertTrue(run.out().contains("LPAR KVM1's bond bond0 (p10, p11): no member took over (active: none); the stream did not come back"), run.out());
		assertRow(run, "FAIL network app      guest KVM1.web1 (10.1.0.2)  reach                reply     no reply");
		assertTrue(run.out().contains("zknet lab: bonds that failed over with every probe as the model says: 0 of 1"), run.out());
		// before the chpid failed, every probe was as the model says
		assertTrue(run.out().contains("zknet lab: 4 of 4 probes as the model says (4 replies, 0 without)"), run.out());
	}

	@Test
	void proxyArpOnOneOfTwoInterfacesInASubnetKillsTheNet() throws Exception {
		Run run = zknet(ROOT, "lab", "--force", "examples/pitfalls/arp.same-subnet.zknet");
		assertEquals(1, run.exit(), run.out() + run.err());
		assertTrue(run.out().contains("error [arp.same-subnet]"), run.out());
		assertRow(run, "ok   guest LPAR11.vm11a  network production (10.255.255.254)  reach  no reply  no reply");
		assertRow(run, "ok   network production  guest LPAR11.vm11a (10.136.11.1)     reach  no reply  no reply");
		assertTrue(run.out().contains("the forward filter of LPAR LPAR11 drops br-ex → o5s_10g_2"), run.out());
		assertLabGone(labId(run));
	}

	@Test
	void largePacketsAreCutOffOnAnAttachedUplink() throws Exception {
		Run run = zknet(ROOT, "lab", "--force", "examples/pitfalls/mtu.attached-uplink.zknet");
		assertEquals(1, run.exit(), run.out() + run.err());
		assertRow(run, "ok   guest LPAR11.vm11a  network production (10.255.255.254)  reach                reply     reply");
		assertRow(run, "ok   guest LPAR11.vm11a  network production (10.255.255.254)  path MTU, DF 1500 B  reply     reply");
		assertRow(run, "ok   guest LPAR11.vm11a  network production (10.255.255.254)  full size 8000 B     no reply  no reply");
		assertTrue(run.out().contains("cut off at the attached uplink o5s_10g_1 (MTU 1500): layer 2 cannot fragment"), run.out());
		assertLabGone(labId(run));
	}

	@Test
	void aModelWithErrorsBuildsNothingWithoutForce() throws Exception {
		Run run = zknet(ROOT, "lab", "examples/pitfalls/arp.same-subnet.zknet");
		assertEquals(1, run.exit(), run.out() + run.err());
		assertTrue(run.err().contains("zknet lab: the model has errors: no lab built (--force builds it anyway"), run.err());
		assertEquals(List.of(), labNamespaces());
	}

	@Test
	void withoutRootItSaysSo() throws Exception {
		// a copy of the jar that user nobody can read, wherever the clone is
		Path folder = Files.createTempDirectory("zknet-lab-it-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		Path jar = Files.copy(ZknetProcess.JAR, folder.resolve("zknet.jar"));
		Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
		try {
			List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
					Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "lab", "model.zknet"));
			Run run = ZknetProcess.run(folder, command);
			assertEquals(2, run.exit(), run.out() + run.err());
			assertTrue(run.err().contains("zknet lab: needs root"), run.err());
		} finally {
			Files.delete(jar);
			Files.delete(folder);
		}
	}

	@Test
	void anInterruptedLabRemovesItself() throws Exception {
		Process process = new ProcessBuilder(ZknetProcess.interruptible(command("lab", "examples/seed-network"))).directory(ROOT.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).redirectErrorStream(true).start();
		StringBuilder output = new StringBuilder();
		Thread reader = Thread.ofVirtual().start(() -> {
			try {
				output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
			} catch (IOException e) {
				// the process ended
			}
		});
		// interrupt once the namespaces exist and the guests are being set up
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (labNamespaces().size() < 8 && process.isAlive() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		List<String> during = labNamespaces();
		assertTrue(during.size() >= 8, "the lab did not get going: " + during);
		new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
		assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the lab did not end on SIGINT");
		reader.join(5000);
		assertEquals(130, process.exitValue(), output.toString());
		assertTrue(output.toString().contains("zknet lab: interrupted: removing lab"), output.toString());
		assertEquals(List.of(), labNamespaces(), output.toString());
		Matcher id = LAB_ID.matcher(output);
		assertTrue(id.find(), output.toString());
		assertLabGone(id.group(1));
	}

	@Test
	void keepLeavesTheLabAndCleanRemovesIt() throws Exception {
		Run run = zknet(ROOT, "lab", "--keep", "--force", "examples/pitfalls/mtu.attached-uplink.zknet");
		assertEquals(1, run.exit(), run.out() + run.err());
		String id = labId(run);
		List<String> kept = labNamespaces();
		assertEquals(6, kept.size(), run.out()); // the host, its guest, the LAN, the outside network, the admin's and the neighbour's
		assertTrue(kept.stream().allMatch(n -> n.startsWith("zklab-" + id + "-")), kept.toString());
		assertTrue(run.out().contains("zknet lab: kept lab " + id), run.out());
		// the kept lab is live: the guest still reaches the production net
		Run ping = ZknetProcess.run(ROOT, List.of("ip", "netns", "exec", "zklab-" + id + "-LPAR11.vm11a", "ping", "-c", "1", "-W", "2", "10.255.255.254"));
		assertEquals(0, ping.exit(), ping.out() + ping.err());
		assertFalse(labProcesses(id).isEmpty(), "Open vSwitch of the kept lab is not running");
		Run clean = zknet(ROOT, "lab", "--clean");
		assertEquals(0, clean.exit(), clean.out() + clean.err());
		assertTrue(clean.out().contains("zknet lab: removed namespace zklab-" + id + "-LPAR11"), clean.out());
		assertLabGone(id);
	}

	/** The summary: the admin sessions and the rollbacks, then the probes' verdict, as the run's last lines before the removal. */
	private static void assertSummary(Run run, int sessions, int rollbacks, String verdict) {
		List<String> lines = run.lines();
		int at = lines.indexOf(verdict);
		assertTrue(at >= 2, run.out());
		assertEquals("zknet lab: admin sessions kept: " + sessions + " of " + sessions, lines.get(at - 2));
		assertEquals("zknet lab: rollbacks exact: " + rollbacks + " of " + rollbacks, lines.get(at - 1));
	}

	private static void assertRow(Run run, String row) {
		assertTrue(run.lines().stream().anyMatch(l -> l.stripTrailing().equals(row)), "no row '" + row + "' in:\n" + run.out());
	}

	private static String labId(Run run) {
		Matcher matcher = LAB_ID.matcher(run.out());
		assertTrue(matcher.find(), run.out());
		return matcher.group(1);
	}

	/** No namespace, no process started for the lab (Open vSwitch runs with the lab's folder in its arguments), no folder. */
	private static void assertLabGone(String id) throws IOException, InterruptedException {
		assertEquals(List.of(), labNamespaces().stream().filter(n -> n.startsWith("zklab-" + id)).toList());
		assertEquals(List.of(), labProcesses(id));
		try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("zknet-lab-" + id)).toList());
		}
	}

	private static List<String> labProcesses(String id) {
		return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("zknet-lab-" + id))
				.filter(p -> !p.info().commandLine().orElse("").contains("<defunct>")).map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
				.toList();
	}

	private static List<String> labNamespaces() throws IOException, InterruptedException {
		Run run = ZknetProcess.run(ROOT, List.of("ip", "netns", "list"));
		return run.lines().stream().map(l -> l.strip().split("\\s+")[0]).filter(n -> n.startsWith("zklab-")).toList();
	}
}
