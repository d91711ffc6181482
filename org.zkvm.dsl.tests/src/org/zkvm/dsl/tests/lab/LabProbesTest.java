package org.zkvm.dsl.tests.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.lab.LabNetwork;
import org.zkvm.dsl.lab.LabNetwork.NodeKind;
import org.zkvm.dsl.lab.LabNetworkBuilder;
import org.zkvm.dsl.lab.LabProbes;
import org.zkvm.dsl.lab.LabProbes.Kind;
import org.zkvm.dsl.lab.LabProbes.Probe;
import org.zkvm.dsl.tests.Workspace;

/** What the lab expects of a model: the network it builds and the pings it sends, derived from the model alone. */
class LabProbesTest {

	private static LabNetwork network(LoadedModel model) {
		return LabNetworkBuilder.build(model.models());
	}

	private static LabNetwork example(String path) {
		return network(Workspace.loadPaths(Workspace.root().resolve("examples").resolve(path)));
	}

	private static Probe probe(List<Probe> probes, String from, String to, Kind kind) {
		return probes.stream().filter(p -> p.from().id().equals(from) && p.to().id().equals(to) && p.kind() == kind).findFirst()
				.orElseThrow(() -> new AssertionError("no " + kind + " probe " + from + " -> " + to + " in " + probes));
	}

	@Test
	void theSeedNetworkAsNamespaces() {
		LabNetwork network = example("seed-network");
		assertEquals(List.of("LPAR LPAR11", "guest LPAR11.vm11a", "guest LPAR11.vm11b", "LPAR LPAR12", "guest LPAR12.vm12a", "LPAR ZOS1",
				"network production", "network intranet"), network.nodes().stream().map(LabNetwork.Node::id).toList());
		assertEquals(List.of("LAN of network production", "LAN of network intranet", "HiperSockets LAN Z13A.HSLAN", "Open vSwitch LPAR11.br-ex",
				"Open vSwitch LPAR12.br-ex"), network.segments().stream().map(LabNetwork.Segment::id).toList());
		LabNetwork.Node production = network.node("network production").orElseThrow();
		assertEquals(NodeKind.OUTSIDE, production.kind());
		// no gateway in the model: the highest free address of 10.0.0.0/8
		assertEquals("10.255.255.254/8", production.ports().get(0).addresses().get(0).toString());
		LabNetwork.Node intranet = network.node("network intranet").orElseThrow();
		assertEquals("172.18.0.1/15", intranet.ports().get(0).addresses().get(0).toString());
		// the intranet tries every way in: each guest subnet through its own host
		assertTrue(intranet.routes().toString().contains("Route[destination=10.136.12.0/24, gateway=172.18.0.12, device=lan0]"), intranet.routes().toString());
		LabNetwork.Node lpar11 = network.node("LPAR LPAR11").orElseThrow();
		assertEquals("Z13A/LPAR11", lpar11.folder());
		assertTrue(lpar11.port("hs56k_0").orElseThrow().layer3());
		assertEquals(57344, lpar11.port("br-ex").orElseThrow().mtu());
		assertEquals(1500, lpar11.port("o5s_10g_1").orElseThrow().mtu());
	}

	/** Seed 003's guests: each IUCV and virtual CTC link a segment of two, each guest pinged at every link's address, at the link's MTU. */
	@Test
	void theIucvSeedsGuestsAndEveryLinkBetweenThem() {
		LabNetwork network = example("seed-iucv");
		assertEquals(List.of("z/VM guest VMLINUX.LINUX1", "z/VM guest VMLINUX.LINUX2"), network.nodes().stream().map(LabNetwork.Node::id).toList());
		assertEquals(List.of("IUCV link VMLINUX.iucv1500", "IUCV link VMLINUX.iucv9000", "IUCV link VMLINUX.iucv32764", "virtual CTC VMLINUX.ctc1500",
				"virtual CTC VMLINUX.ctc9000", "virtual CTC VMLINUX.ctc32764"), network.segments().stream().map(LabNetwork.Segment::id).toList());
		LabNetwork.Node linux1 = network.node("z/VM guest VMLINUX.LINUX1").orElseThrow();
		assertEquals(NodeKind.ZVM_GUEST, linux1.kind());
		assertEquals("zvm/VMLINUX/VMSYS1/guests/LINUX1", linux1.folder());
		assertEquals("192.168.132.1/32", linux1.port("ctc32764").orElseThrow().addresses().get(0).toString());
		List<Probe> probes = LabProbes.plan(network);
		assertEquals(24, probes.size(), probes::toString);
		assertTrue(probes.stream().allMatch(Probe::expected), probes::toString);
		Probe widest = probes.stream().filter(p -> p.kind() == Kind.PATH_MTU && p.address().toString().equals("192.168.132.2")).findFirst().orElseThrow();
		assertEquals(32764, widest.size());
		Probe iucv = probes.stream().filter(p -> p.kind() == Kind.PATH_MTU && p.address().toString().equals("192.168.90.1")).findFirst().orElseThrow();
		assertEquals(9000, iucv.size());
		assertEquals("z/VM guest VMLINUX.LINUX2", iucv.from().id());
	}

	/** The z/VM LANs example: each VLAN's guests on their network's LAN, the guest LAN between the two guests at its 64K frame's MTU. */
	@Test
	void zvmLansAsNamespaces() {
		LabNetwork network = example("zvm-lans");
		assertEquals(List.of("z/VM guest ZVMPROD.WEB1", "z/VM guest ZVMPROD.APP1", "network prodnet", "network appnet"),
				network.nodes().stream().map(LabNetwork.Node::id).toList());
		LabNetwork.Node web = network.node("z/VM guest ZVMPROD.WEB1").orElseThrow();
		assertEquals("LAN of network prodnet", web.port("prod0").orElseThrow().segment());
		assertEquals("guest LAN ZVMPROD.HSL1", web.port("hs0").orElseThrow().segment());
		assertTrue(web.port("hs0").orElseThrow().layer3());
		List<Probe> probes = LabProbes.plan(network);
		Probe hs = probes.stream().filter(p -> p.kind() == Kind.PATH_MTU && p.address().toString().equals("192.168.70.21")).findFirst().orElseThrow();
		assertEquals(57344, hs.size());
		assertTrue(probe(probes, "network prodnet", "z/VM guest ZVMPROD.WEB1", Kind.REACH).expected());
		// the outside networks route nothing between the VLANs
		assertFalse(probe(probes, "network appnet", "z/VM guest ZVMPROD.WEB1", Kind.REACH).expected());
	}

	@Test
	void theSeedNetworksPromisesAndProhibitions() {
		List<Probe> probes = LabProbes.plan(example("seed-network"));
		assertEquals(57, probes.size());
		assertEquals(30, probes.stream().filter(p -> p.kind() == Kind.REACH).count());
		assertEquals(21, probes.stream().filter(p -> p.kind() == Kind.REACH && p.expected()).count());
		assertTrue(probes.stream().filter(p -> p.kind() != Kind.REACH).allMatch(Probe::expected));

		Probe hipersockets = probe(probes, "guest LPAR11.vm11a", "guest LPAR12.vm12a", Kind.REACH);
		assertTrue(hipersockets.expected());
		assertEquals("LPAR LPAR11 forwards br-ex → hs56k_0; LPAR LPAR12 forwards hs56k_0 → br-ex", hipersockets.why());
		// layer 3 HiperSockets has no ARP: the hosts' ARP filters (no rule for hs56k_0) do not matter there
		assertTrue(probe(probes, "guest LPAR12.vm12a", "LPAR ZOS1", Kind.REACH).expected());
		// proxy_arp brings the 10.x net to the guests
		assertEquals("LPAR LPAR11 forwards o5s_10g_1 → br-ex", probe(probes, "network production", "guest LPAR11.vm11a", Kind.REACH).why());
		assertEquals("LPAR LPAR12 forwards br-ex → o5s_1g_1; LPAR LPAR12 masquerades as 172.18.0.12",
				probe(probes, "guest LPAR12.vm12a", "network intranet", Kind.REACH).why());
		// no way back in from the intranet, and production may not reach the partner
		Probe in = probe(probes, "network intranet", "guest LPAR11.vm11a", Kind.REACH);
		assertFalse(in.expected());
		assertEquals("the forward filter of LPAR LPAR11 drops o5s_1g_1 → br-ex (new connections)", in.why());
		assertFalse(probe(probes, "network production", "LPAR ZOS1", Kind.REACH).expected());
		assertEquals("LPAR ZOS1 has no route to 172.18.0.1", probe(probes, "LPAR ZOS1", "network intranet", Kind.REACH).why());

		Probe wide = probe(probes, "guest LPAR11.vm11a", "guest LPAR12.vm12a", Kind.PATH_MTU);
		assertEquals(57344, wide.size());
		assertEquals(57316, wide.payload());
		assertTrue(wide.dontFragment());
		assertEquals(1500, probe(probes, "guest LPAR11.vm11a", "network production", Kind.PATH_MTU).size());
		Probe whole = probe(probes, "guest LPAR11.vm11a", "network production", Kind.FULL_SIZE);
		assertEquals(57344, whole.size());
		assertFalse(whole.dontFragment());
		assertTrue(whole.expected());
	}

	/**
	 * The dual-stack seed network promises for IPv4 what the seed network does; its IPv6 forward rule is
	 * no wildcard in the (IPv4) simulation: a 'drop from' an IPv6 prefix leaves IPv4 traffic alone.
	 */
	@Test
	void anIpv6RuleOfTheForwardFilterLeavesIpv4Alone() throws Exception {
		List<Probe> dual = LabProbes.plan(example("seed-network-dualstack"));
		List<Probe> single = LabProbes.plan(example("seed-network"));
		assertEquals(single.stream().map(p -> p.from().id() + " " + p.to().id() + " " + p.kind() + " " + p.expected()).toList(),
				dual.stream().map(p -> p.from().id() + " " + p.to().id() + " " + p.kind() + " " + p.expected()).toList());
		String text = Files.readString(Workspace.root().resolve("examples/seed-network-dualstack/z13a.zknet")).replace(
				"\t\t\taccept in o5s_10g_1 out br-ex\n\t\t\taccept in br-ex out o5s_10g_1\n\t\t\taccept in hs56k_0 out br-ex\n\t\t\taccept in br-ex out hs56k_0\n\t\t\taccept in br-ex out o5s_1g_1",
				"\t\t\tdrop from 2001:db8:10:136:11::/80\n\t\t\taccept in o5s_10g_1 out br-ex\n\t\t\taccept in br-ex out o5s_10g_1\n\t\t\taccept in hs56k_0 out br-ex\n\t\t\taccept in br-ex out hs56k_0\n\t\t\taccept in br-ex out o5s_1g_1");
		assertTrue(text.contains("drop from 2001:db8:10:136:11::/80"));
		Map<String, String> files = new java.util.TreeMap<>();
		for (String file : List.of("networks.zknet", "workloads.zknet")) {
			files.put(file, Files.readString(Workspace.root().resolve("examples/seed-network-dualstack").resolve(file)));
		}
		files.put("z13a.zknet", text);
		LabNetwork network = LabNetworkBuilder.build(Workspace.load(files).models());
		assertTrue(probe(LabProbes.plan(network), "guest LPAR11.vm11a", "guest LPAR12.vm12a", Kind.REACH).expected());
	}

	@Test
	void anAttachedUplinkCutsOffWhatTheGuestSends() {
		List<Probe> probes = LabProbes.plan(example("pitfalls/mtu.attached-uplink.zknet"));
		assertTrue(probe(probes, "guest LPAR11.vm11a", "network production", Kind.REACH).expected());
		assertTrue(probe(probes, "guest LPAR11.vm11a", "network production", Kind.PATH_MTU).expected());
		Probe whole = probe(probes, "guest LPAR11.vm11a", "network production", Kind.FULL_SIZE);
		assertEquals(8000, whole.size());
		assertFalse(whole.expected());
		assertEquals("8000-byte frames from guest LPAR11.vm11a on eth0 are cut off at the attached uplink o5s_10g_1 (MTU 1500): layer 2 cannot fragment",
				whole.why());
	}

	@Test
	void twoInterfacesInOneSubnetRouteByTheFirstOne() throws Exception {
		String text = Files.readString(Workspace.root().resolve("examples/pitfalls/arp.same-subnet.zknet"));
		List<Probe> probes = LabProbes.plan(network(Workspace.load(text)));
		Probe out = probe(probes, "guest LPAR11.vm11a", "network production", Kind.REACH);
		assertFalse(out.expected());
		assertEquals("the forward filter of LPAR LPAR11 drops br-ex → o5s_10g_2 (new connections)", out.why());
		assertEquals("the reply is lost: the forward filter of LPAR LPAR11 drops br-ex → o5s_10g_2",
				probe(probes, "network production", "guest LPAR11.vm11a", Kind.REACH).why());

		// the same host with the guests' interface configured first: the kernel routes 10.x by it, and all works
		String guestsFirst = text.replace("\t\tosa o5s_10g_2 device 0.0.f504 chpid 10 layer 2 address 10.131.111.254/8 in production\n", "")
				.replace("address 10.131.11.254/8 in production\n", "address 10.131.11.254/8 in production\n"
						+ "\t\tosa o5s_10g_2 device 0.0.f504 chpid 10 layer 2 address 10.131.111.254/8 in production\n");
		assertFalse(guestsFirst.equals(text));
		List<Probe> fixed = LabProbes.plan(network(Workspace.load(guestsFirst)));
		assertTrue(probe(fixed, "guest LPAR11.vm11a", "network production", Kind.REACH).expected());
		assertTrue(probe(fixed, "network production", "guest LPAR11.vm11a", Kind.REACH).expected());
	}

	@Test
	void aMacvtapGuestIsOnTheLanOfItsUplink() {
		LoadedModel model = Workspace.load("""
				network production 10.0.0.0/8
				cec Z13A {
					chpid 10 osd devices F500-F51F
					lpar LPAR11 id 11 kvm {
						osa o5s_10g_1 device 0.0.f500 chpid 10 layer 2 address 10.131.11.254/8 in production
						guest vm11a {
							nic eth0 macvtap o5s_10g_1 address 10.131.11.1/8
						}
					}
				}
				""");
		assertEquals(List.of(), Workspace.errors(model));
		LabNetwork network = network(model);
		LabNetwork.Port nic = network.node("guest LPAR11.vm11a").orElseThrow().ports().get(0);
		assertEquals(LabNetwork.PortKind.MACVLAN, nic.kind());
		assertEquals("LAN of network production", nic.segment());
		assertEquals("o5s_10g_1", nic.uplink());
		List<Probe> probes = LabProbes.plan(network);
		assertEquals("on one LAN, nothing routes", probe(probes, "guest LPAR11.vm11a", "network production", Kind.REACH).why());
		assertTrue(probe(probes, "network production", "guest LPAR11.vm11a", Kind.REACH).expected());
	}

	/**
	 * A guest NIC that is an access port of a VLAN is on that VLAN's LAN, not on the untagged LAN of its
	 * bridge's uplink: each guest reaches its own VLAN's network and nothing on the other VLAN, and the
	 * bond members stay on their own chpids' LANs (the site's switches trunk the VLANs there).
	 */
	@Test
	void accessPortsAreOnTheirVlansLanAndNoOther() {
		LabNetwork network = network(Workspace.load("""
				network app100 10.100.0.0/24
				network db200 10.200.0.0/24
				cec Z17A model z17 {
					chpid 10 osd devices 1000-101F feature OSA1
					chpid 11 osd devices 1100-111F feature OSA2
					lpar KVMA2 id 0x1B kvm distro ubuntu {
						osa p12 device 0.0.1010 chpid 10 layer 2 vnicc learning, flooding
						osa p13 device 0.0.1110 chpid 11 layer 2 vnicc learning, flooding
						ovs br-vlan bond p12, p13 mode active-backup trunks 100, 200
						guest app1 { nic lan0 on br-vlan vlan 100 address 10.100.0.21/24 }
						guest db1 { nic lan0 on br-vlan vlan 200 address 10.200.0.21/24 }
					}
				}
				"""));
		LabNetwork.Segment bridge = network.segment("Open vSwitch KVMA2.br-vlan").orElseThrow();
		assertEquals(List.of("p12", "p13"), bridge.uplinks());
		LabNetwork.Node host = network.node("LPAR KVMA2").orElseThrow();
		assertEquals("LAN of OSA chpid Z17A.10", host.port("p12").orElseThrow().segment());
		assertEquals("LAN of OSA chpid Z17A.11", host.port("p13").orElseThrow().segment());
		LabNetwork.Port app1 = network.node("guest KVMA2.app1").orElseThrow().port("lan0").orElseThrow();
		assertEquals(new LabNetwork.VlanAccess(100, "LAN of network app100"), app1.access());
		assertEquals(100, network.segment("LAN of network app100").orElseThrow().vlan());
		assertEquals(200, network.segment("LAN of network db200").orElseThrow().vlan());
		List<Probe> probes = LabProbes.plan(network);
		assertTrue(probe(probes, "guest KVMA2.app1", "network app100", Kind.REACH).expected(), probes::toString);
		assertTrue(probe(probes, "guest KVMA2.db1", "network db200", Kind.REACH).expected(), probes::toString);
		assertFalse(probe(probes, "guest KVMA2.app1", "network db200", Kind.REACH).expected(), probes::toString);
		assertFalse(probe(probes, "guest KVMA2.app1", "guest KVMA2.db1", Kind.REACH).expected(), probes::toString);
	}
}
