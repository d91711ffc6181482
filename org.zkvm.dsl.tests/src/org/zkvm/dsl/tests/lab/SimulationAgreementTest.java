package org.zkvm.dsl.tests.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.zkvm.dsl.analysis.Ipv4Address;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.headless.ModelDiagnostic;
import org.zkvm.dsl.lab.LabNetwork;
import org.zkvm.dsl.lab.LabNetwork.Node;
import org.zkvm.dsl.lab.LabNetwork.NodeKind;
import org.zkvm.dsl.lab.LabNetwork.Port;
import org.zkvm.dsl.lab.LabNetworkBuilder;
import org.zkvm.dsl.lab.Reachability;
import org.zkvm.dsl.lab.LabProbes;
import org.zkvm.dsl.lab.LabProbes.Probe;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.validation.IssueCodes;

/**
 * The checks against the kernel-faithful simulation (lab.Reachability), over generated variants of
 * the pitfalls: other MTUs, prefix lengths, attachment kinds, declaration orders. Where the
 * simulation finds harm of a kind (a packet size cut off at layer 2; a promised path dead), the
 * validator must report a code of that kind, and where the validator reports one, the simulation
 * must show the harm. Each disagreement is printed with its variant.
 */
class SimulationAgreementTest {

	/** One generated model: its text and what it varies. */
	record Variant(String name, String text) {
	}

	/** What the validator and the simulation said of one variant. */
	record Verdict(Variant variant, Set<String> codes, boolean harm, String evidence) {
	}

	private static final Set<String> MTU_CODES = Set.of(IssueCodes.MTU_ATTACHED_UPLINK, IssueCodes.MTU_GUEST_BRIDGE);

	/**
	 * Layer 2 cut-offs: an OSA attached to a bridge, MacVTap, or a routed bridge, with every
	 * combination of OSA, bridge and guest MTUs (unset meaning the device's default), and the guest's
	 * address at several prefix lengths. Harm: a probe of some size that the simulation cuts off at
	 * layer 2. Codes: mtu.attached-uplink, mtu.guest-bridge.
	 */
	@Test
	void layerTwoCutOffsAgreeWithTheMtuChecks() {
		List<Variant> variants = new ArrayList<>();
		String[] osa = {"", " mtu 1492", " mtu 1500", " mtu 8000", " mtu 8992", " mtu 9000"};
		String[] bridge = {"", " mtu 1500", " mtu 8000", " mtu 8992", " mtu 9000"};
		String[] guest = {"", " mtu 1500", " mtu 8000", " mtu 8992", " mtu 9000"};
		String[] lengths = {"8", "16", "24"};
		for (String mode : List.of("attached", "macvtap", "routed")) {
			for (String o : osa) {
				for (String b : mode.equals("macvtap") ? new String[] {""} : bridge) {
					for (String g : guest) {
						for (String length : lengths) {
							// a second guest beside the first: none, the same MTU, the default, or 1500, declared after or before it
							// the same model with its network in a file of its own
							variants.add(new Variant(mode + " osa" + o + ", bridge" + b + ", guest" + g + ", /" + length + ", split over two files",
									PitfallVariants.mtuModel(mode, o, b, g, length)));
							for (String second : new String[] {null, g, "", " mtu 1500"}) {
								for (boolean before : second == null ? new boolean[] {false} : new boolean[] {false, true}) {
									variants.add(new Variant(mode + " osa" + o + ", bridge" + b + ", guest" + g + ", /" + length
											+ (second == null ? "" : ", second guest" + second + (before ? " declared first" : "")), PitfallVariants.mtuModel(mode, o, b, g, length, second, before)));
								}
							}
						}
					}
				}
			}
		}
		List<Verdict> verdicts = judge(variants, MTU_CODES, p -> !p.expected() && p.why().contains("cut off"));
		assertAgreement(verdicts, 3000);
	}



	private static final Set<String> ARP_CODES = Set.of(IssueCodes.ARP_SAME_SUBNET, IssueCodes.ARP_NO_FORWARDING);

	/**
	 * The seed's routed guests reached through proxy_arp (seed 002, Scenario II), with a second OSA
	 * port of the host in the 10.x net or not (in the same subnet, a nested one or another one),
	 * forwarding on the proxy_arp port or not, and the host's own prefix length. The harm is judged
	 * as a live network has it: over the hosts the LAN may hold (a peer in the host's own block, in
	 * the second port's block, far away) and over both orders in which the two ports may come up at
	 * boot (the kernel routes a subnet by the port configured first). Harm: the guest and a peer
	 * that reach each other without the variation no longer do. Codes: arp.same-subnet,
	 * arp.no-forwarding.
	 */
	@Test
	void deadNetsAgreeWithTheArpChecks() {
		List<String> disagreements = new ArrayList<>();
		int judged = 0;
		int harmed = 0;
		for (String length : List.of("8", "16")) {
			for (String second : List.of("", "10.131.111.254/8", "10.131.111.254/16", "10.131.111.254/24", "10.131.11.253/8", "10.131.11.253/16",
					"10.131.11.253/24", "10.131.11.253/28", "10.131.200.1/24", "10.131.200.1/16", "192.168.7.1/24")) {
				for (boolean forwarding : List.of(true, false)) {
					for (boolean open : List.of(false, true)) {
						Set<String> codes = new TreeSet<>();
						String evidence = "";
						boolean valid = true;
						for (String peer : peers(second)) {
							if (!reachesGuest(PitfallVariants.arpModel(length, peer, "", false, true, open))) {
								continue; // without the variation this peer is not reached either: nothing to compare
							}
							for (boolean secondFirst : second.isEmpty() ? List.of(false) : List.of(false, true)) {
								LoadedModel model = Workspace.load(PitfallVariants.arpModel(length, peer, second, secondFirst, forwarding, open));
								if (Workspace.errors(model).stream().anyMatch(d -> !ARP_CODES.contains(d.code()))) {
									valid = false;
								}
								model.diagnostics().stream().map(ModelDiagnostic::code).filter(ARP_CODES::contains).forEach(codes::add);
								if (evidence.isEmpty() && !reachesGuest(model)) {
									evidence = "the guest and the peer " + peer + " no longer reach each other" + (secondFirst ? " when o5s_10g_2 comes up first" : "");
								}
								if (evidence.isEmpty()) {
									evidence = hijack(LabNetworkBuilder.build(model.models()), peers(second)).map(h -> h + (secondFirst ? " (o5s_10g_2 up first)" : ""))
											.orElse("");
								}
							}
						}
						if (!valid) {
							continue;
						}
						judged++;
						harmed += evidence.isEmpty() ? 0 : 1;
						if (evidence.isEmpty() == !codes.isEmpty()) {
							disagreements.add("own /" + length + ", second port " + (second.isEmpty() ? "none" : second) + (forwarding ? "" : ", no forwarding on o5s_10g_1")
									+ (open ? ", no forward filter" : "") + ": validator " + (codes.isEmpty() ? "silent" : codes) + ", simulation "
									+ (evidence.isEmpty() ? "no harm" : evidence));
						}
					}
				}
			}
		}
		assertTrue(judged >= 80 && harmed > 10 && harmed < judged, "judged " + judged + ", harmed " + harmed);
		assertEquals(List.of(), disagreements, disagreements.size() + " of " + judged + " variants disagree");
	}

	/**
	 * A host that answers ARP by proxy for an address of its own LAN: the LAN's peer asks for another
	 * address of the LAN, and a host that does not own it answers because its route to it leaves by
	 * another port on the same LAN. It takes that traffic, however its forward filter then treats
	 * it (seed 002, Scenario II: "the net is dead").
	 */
	static Optional<String> hijack(LabNetwork network, List<String> addresses) {
		Reachability reachability = new Reachability(network);
		for (Node asker : network.nodes().stream().filter(n -> n.kind() == NodeKind.OUTSIDE).toList()) {
			for (Port port : asker.ports()) {
				for (var own : port.addresses()) {
					for (String text : addresses) {
						Ipv4Address target = Ipv4Address.parse(text);
						if (target.equals(own.address()) || !own.subnet().contains(target) || network.nodes().stream().anyMatch(n -> n.owns(target))) {
							continue;
						}
						for (Port answer : reachability.arpAnswers(asker, port, target, own.address())) {
							Node host = reachability.owner(answer);
							Optional<Port> out = reachability.egress(host, target);
							if (out.isPresent() && out.get() != answer && reachability.sameLan(out.get(), answer)) {
								return Optional.of(host.id() + " answers ARP for " + target + " on " + answer.name() + " and routes it back onto the LAN by "
										+ out.get().name());
							}
						}
					}
				}
			}
		}
		return Optional.empty();
	}

	/** The LAN's peers a variant is judged by: one in the host's own block, one in the second port's block, one far away. */
	private static List<String> peers(String second) {
		List<String> peers = new ArrayList<>(List.of("10.131.11.1", "10.255.255.254"));
		if (!second.isEmpty()) {
			// the first address of the second port's block that is not the port's own
			String[] parts = second.split("[./]");
			long bits = 0;
			for (int i = 0; i < 4; i++) {
				bits = bits << 8 | Long.parseLong(parts[i]);
			}
			long mask = 0xffffffffL << (32 - Integer.parseInt(parts[4])) & 0xffffffffL;
			long peer = (bits & mask) + 1 == bits ? (bits & mask) + 2 : (bits & mask) + 1;
			String text = (peer >> 24 & 255) + "." + (peer >> 16 & 255) + "." + (peer >> 8 & 255) + "." + (peer & 255);
			if (!peers.contains(text) && text.startsWith("10.")) {
				peers.add(text);
			}
		}
		return peers;
	}

	private static boolean reachesGuest(String text) {
		return reachesGuest(Workspace.load(text));
	}

	private static boolean reachesGuest(LoadedModel model) {
		List<Probe> probes = LabProbes.plan(LabNetworkBuilder.build(model.models()));
		return probes.stream().filter(p -> p.kind() == LabProbes.Kind.REACH).filter(p -> p.from().id().equals("guest LPAR11.vm11a") && p.to().id().equals("network production")
				|| p.to().id().equals("guest LPAR11.vm11a") && p.from().id().equals("network production")).allMatch(Probe::expected)
				&& probes.stream().anyMatch(p -> p.kind() == LabProbes.Kind.REACH && p.from().id().equals("guest LPAR11.vm11a"));
	}


	private static final Set<String> ROUTING_CODES = Set.of(IssueCodes.ROUTE_ASYMMETRIC, IssueCodes.ROUTE_GATEWAY, IssueCodes.LAYER_HIPERSOCKETS_MIX,
			IssueCodes.ROUTE_LOOP);

	/**
	 * Two KVM hosts routing between their guests over HiperSockets (seed 002, Scenario III): each
	 * HiperSockets interface at layer 2 or 3, each host's route to the other's guests there or not
	 * (at least one: a model with none promises nothing), a guest's default gateway its bridge's
	 * internal port or an address nobody has, two prefix lengths of the HiperSockets subnet, forward
	 * filters open or closed but for the guests' traffic. Harm:
	 * the two guests do not reach each other. Codes: route.asymmetric, route.gateway,
	 * layer.hipersockets-mix.
	 */
	@Test
	void deadRoutesAgreeWithTheRoutingAndLayerChecks() {
		List<Variant> variants = new ArrayList<>();
		for (int layer11 : List.of(2, 3)) {
			for (int layer12 : List.of(2, 3)) {
				for (boolean route11 : List.of(true, false)) {
					for (boolean route12 : List.of(true, false)) {
						if (!route11 && !route12) {
							continue;
						}
						for (String gateway : List.of("10.136.12.254", "10.136.12.253")) {
							for (String length : List.of("24", "16")) {
								for (boolean reversed : List.of(false, true)) {
									for (boolean filtered : List.of(false, true)) {
										for (String to12 : List.of("10.136.12.0/24", "10.136.0.0/16")) {
											for (String stray : List.of("", "10.136.12.0/25", "10.136.12.128/25")) {
												// a route of LPAR12 that sends part of its own guests' subnet to LPAR11: a loop where LPAR11 sends it back
												String text = PitfallVariants.routingModel(layer11, layer12, route11, route12, gateway, length, reversed, filtered)
														.replace("route 10.136.12.0/24 via", "route " + to12 + " via");
												if (!stray.isEmpty()) {
													text = text.replace("address 10.136.12.254/24\n", "address 10.136.12.254/24\n\t\troute " + stray + " via 172.31.56.1 dev hs0\n");
												}
												variants.add(new Variant("layers " + layer11 + "/" + layer12 + ", routes " + route11 + "/" + route12 + " (LPAR11's to " + to12
														+ "), vm12a's gateway " + gateway + ", /" + length + (reversed ? ", LPAR12 declared first" : "")
														+ (filtered ? ", forward filters closed but for the guests" : "") + (stray.isEmpty() ? "" : ", LPAR12 routes " + stray
																+ " to LPAR11"), text));
											}
										}
									}
								}
							}
						}
					}
				}
			}
		}
		List<Verdict> verdicts = judge(variants, ROUTING_CODES, p -> p.kind() == LabProbes.Kind.REACH && !p.expected()
				&& (p.from().kind() == NodeKind.GUEST && p.to().kind() == NodeKind.GUEST && p.to().firstAddress().map(p.address()::equals).orElse(false)
						|| p.why().contains("routing loop")), SimulationAgreementTest::loopProbes);
		assertAgreement(verdicts, 1000);
	}

	/**
	 * A loop harms a guest subnet whether or not a guest lives at the looping address: from each
	 * guest, a packet to the first address, the first of the upper half and the last but one of every
	 * guest subnet.
	 */
	static List<Probe> loopProbes(LabNetwork network) {
		Reachability reachability = new Reachability(network);
		List<Probe> probes = new ArrayList<>();
		List<Node> guests = network.nodes().stream().filter(n -> n.kind() == NodeKind.GUEST).toList();
		for (Node from : guests) {
			for (Node to : guests) {
				for (Port port : to.ports()) {
					for (var address : port.addresses()) {
						int size = 1 << (32 - address.length());
						for (int offset : new int[] {1, size / 2 + 1, size - 2}) {
							Ipv4Address target = address.subnet().networkAddress().plus(offset);
							Reachability.Result result = reachability.ping(from, target, LabProbes.SMALL, false);
							probes.add(new Probe(from, to, target, LabProbes.Kind.REACH, LabProbes.SMALL, false, result.reached(), result.why()));
						}
					}
				}
			}
		}
		return probes;
	}

	/** Validates each variant and runs the simulation's probes; variants with errors outside the family are left out (their models are not the pitfall). */
	static List<Verdict> judge(List<Variant> variants, Set<String> family, Predicate<Probe> harmful) {
		return judge(variants, family, harmful, network -> List.of());
	}

	/** The same, with packets of the family's own beside the lab's probes. */
	static List<Verdict> judge(List<Variant> variants, Set<String> family, Predicate<Probe> harmful, Function<LabNetwork, List<Probe>> more) {
		List<Verdict> verdicts = new ArrayList<>();
		for (Variant variant : variants) {
			int cec = variant.text().indexOf("cec ");
			LoadedModel model = variant.name().endsWith("split over two files") && cec > 0
					? Workspace.load(java.util.Map.of("networks.zknet", variant.text().substring(0, cec), "site.zknet", variant.text().substring(cec)))
					: Workspace.load(variant.text());
			Set<String> errors = Workspace.errors(model).stream().map(ModelDiagnostic::code).collect(Collectors.toCollection(TreeSet::new));
			Set<String> codes = model.diagnostics().stream().map(ModelDiagnostic::code).filter(family::contains).collect(Collectors.toCollection(TreeSet::new));
			if (errors.stream().anyMatch(c -> !family.contains(c))) {
				continue;
			}
			LabNetwork network = LabNetworkBuilder.build(model.models());
			List<Probe> probes = new ArrayList<>(LabProbes.plan(network));
			probes.addAll(hostProbes(network));
			probes.addAll(more.apply(network));
			List<Probe> harm = probes.stream().filter(harmful).toList();
			verdicts.add(new Verdict(variant, codes, !harm.isEmpty(), harm.isEmpty() ? "" : harm.get(0).from().id() + " -> " + harm.get(0).to().id() + " "
					+ harm.get(0).kind() + " " + harm.get(0).size() + ": " + harm.get(0).why()));
		}
		return verdicts;
	}

	/**
	 * The KVM hosts are no ends of the lab's probes (they route); their own traffic with their
	 * guests is: each way, a packet as large as the sender's device, without DF.
	 */
	static List<Probe> hostProbes(LabNetwork network) {
		Reachability reachability = new Reachability(network);
		List<Probe> probes = new ArrayList<>();
		for (Node guest : network.nodes().stream().filter(n -> n.kind() == NodeKind.GUEST).toList()) {
			Node host = network.node(guest.host()).orElseThrow();
			for (Node[] pair : List.of(new Node[] {host, guest}, new Node[] {guest, host})) {
				Node to = pair[1];
				for (Port port : to.ports()) {
					for (var address : port.addresses()) {
						Optional<Port> out = reachability.egress(pair[0], address.address());
						if (out.isEmpty()) {
							continue;
						}
						int size = out.get().mtu();
						Reachability.Result result = reachability.ping(pair[0], address.address(), size, false);
						probes.add(new Probe(pair[0], to, address.address(), LabProbes.Kind.FULL_SIZE, size, false, result.reached(), result.why()));
					}
				}
			}
		}
		return probes;
	}

	static void assertAgreement(List<Verdict> verdicts, int atLeast) {
		List<String> disagreements = new ArrayList<>();
		for (Verdict verdict : verdicts) {
			if (verdict.harm() != !verdict.codes().isEmpty()) {
				disagreements.add(verdict.variant().name() + ": validator " + (verdict.codes().isEmpty() ? "silent" : verdict.codes()) + ", simulation "
						+ (verdict.harm() ? "harm: " + verdict.evidence() : "no harm"));
			}
		}
		assertTrue(verdicts.size() >= atLeast, "variants judged: " + verdicts.size());
		assertTrue(verdicts.stream().anyMatch(Verdict::harm) && verdicts.stream().anyMatch(v -> !v.harm()), "the family has both outcomes");
		assertEquals(List.of(), disagreements.stream().limit(200).toList(), disagreements.size() + " of " + verdicts.size() + " variants disagree");
	}
}
