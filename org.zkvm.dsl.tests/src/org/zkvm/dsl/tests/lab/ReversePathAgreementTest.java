package org.zkvm.dsl.tests.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.headless.ModelDiagnostic;
import org.zkvm.dsl.lab.LabNetwork;
import org.zkvm.dsl.lab.LabNetwork.Node;
import org.zkvm.dsl.lab.LabNetwork.NodeKind;
import org.zkvm.dsl.lab.LabNetwork.Port;
import org.zkvm.dsl.lab.LabNetwork.RpFilters;
import org.zkvm.dsl.lab.LabNetworkBuilder;
import org.zkvm.dsl.lab.LabProbes;
import org.zkvm.dsl.lab.LabProbes.Probe;
import org.zkvm.dsl.lab.Reachability;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.tests.lab.SimulationAgreementTest.Variant;
import org.zkvm.dsl.tests.lab.SimulationAgreementTest.Verdict;
import org.zkvm.dsl.validation.IssueCodes;

/**
 * rp.asymmetric against the simulation: the seed's two KVM hosts routing their guests to each
 * other over HiperSockets while both sit on the 10.x LAN (seed 002, Scenario III), with each
 * distribution's own rp_filter, the model's rp-filter on LPAR11's OSA and HiperSockets
 * interfaces, other prefix lengths of the two OSA addresses, a wider route and either declaration
 * order. Harm: a packet that the hosts deliver with rp_filter off everywhere but drop by the
 * variant's rp_filter — judged over every node's packets to every address of the other hosts
 * and guests, not only the lab's probes between ends.
 */
class ReversePathAgreementTest {

	private static final Set<String> CODES = Set.of(IssueCodes.RP_ASYMMETRIC);

	@Test
	void droppedByReversePathAgreesWithTheRpCheck() {
		List<Verdict> verdicts = new ArrayList<>();
		for (String distro : List.of("suse", "rhel", "ubuntu")) {
			for (String osaRp : List.of("", "off", "loose", "strict")) {
				for (String hsRp : List.of("", "loose", "strict")) {
					for (String own : List.of("8", "16")) {
						for (String peer : List.of("8", "16")) {
							for (String route : List.of("subnet LPAR12.br-ex", "10.136.0.0/16")) {
								for (boolean reversed : List.of(false, true)) {
									Variant variant = new Variant(distro + ", rp-filter " + (osaRp.isEmpty() ? "unset" : osaRp) + " on o5s_10g_1, "
											+ (hsRp.isEmpty() ? "unset" : hsRp) + " on hs56k_0, LPAR11 /" + own + ", LPAR12 /" + peer + ", route " + route
											+ (reversed ? ", LPAR12 declared first" : ""), model(distro, osaRp, hsRp, own, peer, route, reversed));
									judge(variant).ifPresent(verdicts::add);
								}
							}
						}
					}
				}
			}
		}
		SimulationAgreementTest.assertAgreement(verdicts, 500);
	}

	/** The shipped examples (several files, all three distributions) agree as well. */
	@Test
	void theExamplesAgree() {
		List<String> disagreements = new ArrayList<>();
		for (String example : List.of("seed-network", "distros")) {
			LoadedModel model = Workspace.loadPaths(Workspace.root().resolve("examples").resolve(example));
			Verdict verdict = judge(new Variant(example, ""), model).orElseThrow(() -> new AssertionError(example + " has errors"));
			if (verdict.harm() == verdict.codes().isEmpty()) {
				disagreements.add(example + ": validator " + verdict.codes() + ", simulation " + (verdict.harm() ? verdict.evidence() : "no harm"));
			}
		}
		assertEquals(List.of(), disagreements);
	}

	private static Optional<Verdict> judge(Variant variant) {
		return judge(variant, Workspace.load(variant.text()));
	}

	private static Optional<Verdict> judge(Variant variant, LoadedModel model) {
		if (Workspace.errors(model).stream().anyMatch(d -> !CODES.contains(d.code()))) {
			return Optional.empty();
		}
		Set<String> codes = model.diagnostics().stream().map(ModelDiagnostic::code).filter(CODES::contains).collect(Collectors.toCollection(TreeSet::new));
		LabNetwork network = LabNetworkBuilder.build(model.models());
		LabNetwork without = new LabNetwork(network.nodes().stream().map(ReversePathAgreementTest::withoutRpFilter).toList(), network.segments());
		Set<String> reachedWithout = new HashSet<>();
		for (Probe probe : everyPacket(without)) {
			if (probe.expected()) {
				reachedWithout.add(probe.from().id() + " -> " + probe.address());
			}
		}
		String evidence = everyPacket(network).stream().filter(p -> !p.expected() && reachedWithout.contains(p.from().id() + " -> " + p.address()))
				.map(p -> p.from().id() + " -> " + p.to().id() + " " + p.address() + ": " + p.why()).findFirst().orElse("");
		return Optional.of(new Verdict(variant, codes, !evidence.isEmpty(), evidence));
	}

	/** A small packet from every node with an address to every address of every other node but the outside networks. */
	static List<Probe> everyPacket(LabNetwork network) {
		Reachability reachability = new Reachability(network);
		List<Probe> probes = new ArrayList<>();
		for (Node from : network.nodes()) {
			if (from.firstAddress().isEmpty()) {
				continue;
			}
			for (Node to : network.nodes()) {
				if (to == from || to.kind() == NodeKind.OUTSIDE) {
					continue;
				}
				for (Port port : to.ports()) {
					for (var address : port.addresses()) {
						Reachability.Result result = reachability.ping(from, address.address(), LabProbes.SMALL, false);
						probes.add(new Probe(from, to, address.address(), LabProbes.Kind.REACH, LabProbes.SMALL, false, result.reached(), result.why()));
					}
				}
			}
		}
		return probes;
	}

	private static Node withoutRpFilter(Node node) {
		return new Node(node.id(), node.kind(), node.host(), node.ports(), node.routes(), node.forwarding(), node.proxyArp(), RpFilters.KERNEL, node.arpFilter(),
				node.forwardFilter(), node.nats(), node.folder());
	}

	/** The seed's rp.asymmetric pitfall with the varied parts. */
	static String model(String distro, String osaRp, String hsRp, String own, String peer, String route, boolean reversed) {
		String rp = (osaRp.isEmpty() ? "" : "\t\trp-filter " + osaRp + " on o5s_10g_1\n") + (hsRp.isEmpty() ? "" : "\t\trp-filter " + hsRp + " on hs56k_0\n");
		return "network production 10.0.0.0/8\nnetwork hsnet56 172.31.56.0/24\n\ncec Z13A model z13 {\n\tchpid 10 osd devices F500-F51F\n"
				+ "\tchpid F4 iqd HSLAN frame 64K devices 7000-703F\n" + (reversed ? lpar12(peer) + lpar11(distro, rp, own, route) : lpar11(distro, rp, own, route) + lpar12(peer))
				+ "}\n";
	}

	private static String lpar11(String distro, String rp, String length, String route) {
		return "\tlpar LPAR11 id 11 kvm distro " + distro + " {\n"
				+ "\t\tosa o5s_10g_1 device 0.0.f500 chpid 10 layer 2 address 10.131.11.254/" + length + " in production\n"
				+ "\t\thipersockets hs56k_0 on HSLAN device 0.0.7000 layer 3 mtu 57344 address 172.31.56.1/24 in hsnet56\n"
				+ "\t\tovs br-ex routed mtu 57344 address 10.136.11.254/24\n" + rp
				+ "\t\tforwarding on br-ex, o5s_10g_1, hs56k_0\n\t\tproxy-arp on br-ex, o5s_10g_1\n"
				+ "\t\tarp-filter policy drop {\n\t\t\taccept to 10.131.11.254 in o5s_10g_1\n\t\t\taccept to 10.136.11.0/24 in o5s_10g_1\n\t\t\taccept in br-ex\n\t\t}\n"
				+ "\t\tforward-filter policy drop {\n\t\t\taccept in o5s_10g_1 out br-ex\n\t\t\taccept in br-ex out o5s_10g_1\n"
				+ "\t\t\taccept in hs56k_0 out br-ex\n\t\t\taccept in br-ex out hs56k_0\n\t\t}\n"
				+ "\t\troute " + route + " via 172.31.56.2 dev hs56k_0\n"
				+ "\t\tguest vm11a {\n\t\t\tnic eth0 on br-ex mtu 57344 address 10.136.11.1/24\n\t\t\troute default via 10.136.11.254 dev eth0\n\t\t}\n\t}\n";
	}

	private static String lpar12(String length) {
		return "\tlpar LPAR12 id 12 kvm distro suse {\n"
				+ "\t\tosa o5s_10g_1 device 0.0.f510 chpid 10 layer 2 address 10.131.12.254/" + length + " in production\n"
				+ "\t\thipersockets hs56k_0 on HSLAN device 0.0.7010 layer 3 mtu 57344 address 172.31.56.2/24 in hsnet56\n"
				+ "\t\tovs br-ex routed mtu 57344 address 10.136.12.254/24\n"
				+ "\t\tforwarding on br-ex, o5s_10g_1, hs56k_0\n\t\tproxy-arp on br-ex, o5s_10g_1\n"
				+ "\t\tarp-filter policy drop {\n\t\t\taccept to 10.131.12.254 in o5s_10g_1\n\t\t\taccept to 10.136.12.0/24 in o5s_10g_1\n\t\t\taccept in br-ex\n\t\t}\n"
				+ "\t\tforward-filter policy drop {\n\t\t\taccept in o5s_10g_1 out br-ex\n\t\t\taccept in br-ex out o5s_10g_1\n"
				+ "\t\t\taccept in hs56k_0 out br-ex\n\t\t\taccept in br-ex out hs56k_0\n\t\t}\n"
				+ "\t\troute subnet LPAR11.br-ex via 172.31.56.1 dev hs56k_0\n"
				+ "\t\tguest vm12a {\n\t\t\tnic eth0 on br-ex mtu 57344 address 10.136.12.1/24\n\t\t\troute default via 10.136.12.254 dev eth0\n\t\t}\n\t}\n";
	}
}
