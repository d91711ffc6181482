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
 * interfaces, other prefix lengths of the two OSA addresses, a wider route, either declaration
 * order, and a second OSA port of LPAR11 in a block inside the first's subnet. Harm: a packet that the hosts deliver with rp_filter off everywhere but drop by the
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
									for (boolean second : List.of(false, true)) {
										Variant variant = new Variant(distro + ", rp-filter " + (osaRp.isEmpty() ? "unset" : osaRp) + " on o5s_10g_1, "
												+ (hsRp.isEmpty() ? "unset" : hsRp) + " on hs56k_0, LPAR11 /" + own + ", LPAR12 /" + peer + ", route " + route
												+ (reversed ? ", LPAR12 declared first" : "") + (second ? ", a second OSA port in 10.131.11.0/24" : ""),
												PitfallVariants.rpModel(distro, osaRp, hsRp, own, peer, route, reversed, second));
										judge(variant).ifPresent(verdicts::add);
									}
								}
							}
						}
					}
				}
			}
		}
		SimulationAgreementTest.assertAgreement(verdicts, 1000);
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
}
