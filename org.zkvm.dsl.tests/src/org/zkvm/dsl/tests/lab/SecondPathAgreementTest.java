package org.zkvm.dsl.tests.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.headless.ModelDiagnostic;
import org.zkvm.dsl.lab.LabNetwork;
import org.zkvm.dsl.lab.LabNetwork.Node;
import org.zkvm.dsl.lab.LabNetwork.NodeKind;
import org.zkvm.dsl.lab.LabNetwork.Port;
import org.zkvm.dsl.lab.LabNetworkBuilder;
import org.zkvm.dsl.lab.Reachability;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.tests.lab.SimulationAgreementTest.Variant;
import org.zkvm.dsl.tests.lab.SimulationAgreementTest.Verdict;
import org.zkvm.dsl.validation.IssueCodes;

/**
 * route.two-paths against the simulation: the seed's two KVM hosts, each answering ARP on the 10.x
 * LAN for its routed guests by proxy_arp and routing to the other's guests over HiperSockets (seed
 * 002, Scenario III), with each host's ARP filter accepting other blocks (its own guests, a /21 or
 * /16 that holds the other's, none at all), proxy_arp on LPAR12's OSA port or not, LPAR12's route
 * to LPAR11's guests as their subnet or a /16, the LAN's prefix length and either order. Harm: a
 * host of the LAN that asks for a guest's address gets answers from two hosts — two paths to the
 * same guest (seed 002: "avoid having two paths to the same guest").
 */
class SecondPathAgreementTest {

	private static final Set<String> CODES = Set.of(IssueCodes.ROUTE_TWO_PATHS);

	@Test
	void twoAnswersAgreeWithTheTwoPathsCheck() {
		List<Verdict> verdicts = new ArrayList<>();
		List<String> filters12 = List.of("10.136.12.0/24", "10.136.12.0/25", "10.136.8.0/21", "10.136.0.0/16", "none");
		List<String> filters11 = List.of("10.136.11.0/24", "10.136.0.0/16", "none");
		for (String filter12 : filters12) {
			for (String filter11 : filters11) {
				for (boolean proxy12 : List.of(true, false)) {
					for (String route12 : List.of("subnet LPAR11.br-ex", "10.136.0.0/16")) {
						for (String length : List.of("8", "16")) {
							for (boolean reversed : List.of(false, true)) {
								Variant variant = new Variant("LPAR12's ARP filter " + filter12 + ", LPAR11's " + filter11 + (proxy12 ? "" : ", no proxy_arp on LPAR12's OSA")
										+ ", LPAR12's route " + route12 + ", LAN /" + length + (reversed ? ", LPAR12 declared first" : ""),
										PitfallVariants.twoPathsModel(filter11, filter12, proxy12, route12, length, reversed));
								LoadedModel model = Workspace.load(variant.text());
								if (Workspace.errors(model).stream().anyMatch(d -> !CODES.contains(d.code()))) {
									continue;
								}
								Set<String> codes = model.diagnostics().stream().map(ModelDiagnostic::code).filter(CODES::contains)
										.collect(Collectors.toCollection(TreeSet::new));
								String evidence = secondPaths(LabNetworkBuilder.build(model.models())).stream().findFirst().orElse("");
								verdicts.add(new Verdict(variant, codes, !evidence.isEmpty(), evidence));
							}
						}
					}
				}
			}
		}
		SimulationAgreementTest.assertAgreement(verdicts, 200);
	}

	/** Every guest address that a host outside asks for on its LAN and two nodes answer for. */
	static List<String> secondPaths(LabNetwork network) {
		Reachability reachability = new Reachability(network);
		List<String> found = new ArrayList<>();
		for (Node asker : network.nodes().stream().filter(n -> n.kind() == NodeKind.OUTSIDE).toList()) {
			for (Port port : asker.ports()) {
				for (Ipv4Prefix own : port.addresses()) {
					for (Node guest : network.nodes().stream().filter(n -> n.kind() == NodeKind.GUEST).toList()) {
						for (Port nic : guest.ports()) {
							for (Ipv4Prefix address : nic.addresses()) {
								if (!own.subnet().contains(address.address())) {
									continue; // the asker routes there through a gateway: no ARP for it
								}
								List<String> answering = reachability.arpAnswers(asker, port, address.address(), own.address()).stream()
										.map(p -> reachability.owner(p).id() + " (" + p.name() + ")").distinct().toList();
								if (answering.stream().map(a -> a.substring(0, a.indexOf(" ("))).distinct().count() > 1) {
									found.add(asker.id() + " asks for " + guest.id() + "'s " + address.address() + ": " + answering + " answer");
								}
							}
						}
					}
				}
			}
		}
		return found;
	}
}
