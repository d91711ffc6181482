package org.zkvm.dsl.lab;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.zkvm.dsl.analysis.Ipv4Address;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.lab.LabNetwork.Action;
import org.zkvm.dsl.lab.LabNetwork.ForwardRule;
import org.zkvm.dsl.lab.LabNetwork.Nat;
import org.zkvm.dsl.lab.LabNetwork.Node;
import org.zkvm.dsl.lab.LabNetwork.NodeKind;
import org.zkvm.dsl.lab.LabNetwork.Port;
import org.zkvm.dsl.lab.LabNetwork.Route;
import org.zkvm.dsl.lab.LabNetwork.RpFilter;

/**
 * What the Linux kernel does with an echo request and its reply in the modelled network: route
 * lookup (longest prefix; of equal prefixes the first configured, as the kernel appends them), ARP
 * (the owner answers at once; proxy_arp only where forwarding is on, the route leaves by another
 * device and the ARP filter lets the request in, facts §4.1-§4.3; the asker's ARP filter must let
 * the reply in), forwarding per receiving interface, rp_filter, the forward filter with connection
 * tracking (a reply is 'established' only where the request passed), masquerading, and MTUs: the
 * IP stack fragments where the next device is smaller, unless DF is set; a layer 2 segment cannot
 * fragment and drops frames above its smallest port (seed 002, "MTU size with attached network
 * devices").
 */
public final class Reachability {

	/** The outcome of one packet (and its reply): the routers it passed, or why it stopped, and the path MTU. */
	public record Result(boolean reached, String why, int pathMtu) {
	}

	/** What happened to a packet on one hop: nothing, the sending IP stack fragmented it, or a layer 2 segment dropped it. */
	public enum Event {
		NONE, FRAGMENTS, CUT_OFF
	}

	/**
	 * One hop of a traced packet: the node that sends it, by which device, the device (and node)
	 * that receives it, the smallest MTU on the way (the sender's device, a crossed attached uplink,
	 * the receiver's device), and what happened to a packet of the traced size.
	 */
	public record Hop(Node node, Port out, Port receiver, Node next, int mtu, Event event) {
	}

	/** A traced packet (no reply): whether it arrived, why not, and its hops in order. */
	public record Trace(boolean reached, String why, List<Hop> hops) {
		public int pathMtu() {
			return hops.stream().mapToInt(Hop::mtu).min().orElse(0);
		}
	}

	private static final int HOP_LIMIT = 16;

	private final LabNetwork network;

	private final LinkLayer link;

	public Reachability(LabNetwork network) {
		this.network = network;
		this.link = new LinkLayer(network, this);
	}

	/** An echo request of {@code size} bytes (IP packet) from {@code source} to {@code destination}, and its reply. */
	public Result ping(Node source, Ipv4Address destination, int size, boolean dontFragment) {
		Journey there = new Journey(false, Set.of(), List.of());
		Optional<Ipv4Address> from = sourceAddress(source, destination);
		if (from.isEmpty()) {
			return new Result(false, source.id() + " has no route to " + destination, 0);
		}
		Result request = there.travel(source, from.get(), destination, size, dontFragment);
		if (!request.reached()) {
			return request;
		}
		Node target = there.arrivedAt;
		Journey back = new Journey(true, there.forwarders, there.translations);
		Result reply = back.travel(target, there.arrivedDestination, there.arrivedSource, size, false);
		int pathMtu = Math.min(request.pathMtu(), reply.pathMtu());
		return reply.reached() ? new Result(true, request.why(), pathMtu) : new Result(false, "the reply is lost: " + reply.why(), pathMtu);
	}

	/** The way one packet of {@code size} bytes (DF clear) takes from {@code source} to {@code destination}, hop by hop. */
	public Trace trace(Node source, Ipv4Address destination, int size) {
		Journey journey = new Journey(false, Set.of(), List.of());
		Optional<Ipv4Address> from = sourceAddress(source, destination);
		if (from.isEmpty()) {
			return new Trace(false, source.id() + " has no route to " + destination, List.of());
		}
		Result result = journey.travel(source, from.get(), destination, size, false);
		return new Trace(result.reached(), result.why(), List.copyOf(journey.hops));
	}

	/** The address the kernel gives a locally sent packet: the first address of the route's device. */
	public Optional<Ipv4Address> sourceAddress(Node node, Ipv4Address destination) {
		if (node.owns(destination)) {
			return Optional.of(destination);
		}
		return lookup(node, destination).flatMap(r -> node.port(r.device())).flatMap(Port::firstAddress);
	}

	/** The device a locally sent packet leaves by, or empty without a route. */
	public Optional<Port> egress(Node node, Ipv4Address destination) {
		return lookup(node, destination).flatMap(r -> node.port(r.device()));
	}

	private record Translation(String node, Ipv4Address translated, Ipv4Address original) {
	}

	private final class Journey {
		final boolean reply;
		final Set<String> requestForwarders;
		final List<Translation> requestTranslations;
		final Set<String> forwarders = new HashSet<>();
		final List<Translation> translations = new ArrayList<>();
		final List<Hop> hops = new ArrayList<>();
		Node arrivedAt;
		Ipv4Address arrivedSource;
		Ipv4Address arrivedDestination;

		Journey(boolean reply, Set<String> requestForwarders, List<Translation> requestTranslations) {
			this.reply = reply;
			this.requestForwarders = requestForwarders;
			this.requestTranslations = requestTranslations;
		}

		Result travel(Node start, Ipv4Address source, Ipv4Address destination, int size, boolean dontFragment) {
			List<String> steps = new ArrayList<>();
			Node node = start;
			Port in = null;
			int pathMtu = Integer.MAX_VALUE;
			for (int hop = 0; hop < HOP_LIMIT; hop++) {
				if (reply && in != null) {
					for (Translation t : requestTranslations) {
						if (t.node().equals(node.id()) && t.translated().equals(destination)) {
							destination = t.original();
						}
					}
				}
				// the reverse-path check comes with the input route lookup, for local delivery as for forwarding
				if (in != null && !passesRpFilter(node, in, source)) {
					return stop(pathMtu, node.id() + " drops it by rp_filter on " + in.name() + " (" + node.rpFilter(in.name()).name().toLowerCase()
							+ ": the way back to " + source + " is " + lookup(node, source).map(r -> "by " + r.device()).orElse("not there") + ")");
				}
				if (node.owns(destination)) {
					arrivedAt = node;
					arrivedSource = source;
					arrivedDestination = destination;
					return new Result(true, steps.isEmpty() ? "on one LAN, nothing routes" : String.join("; ", steps), pathMtu);
				}
				if (in != null && !node.forwarding().contains(in.name())) {
					return stop(pathMtu, node.id() + " does not forward what it receives on " + in.name());
				}
				Optional<Route> route = lookup(node, destination);
				if (route.isEmpty()) {
					return stop(pathMtu, node.id() + " has no route to " + destination);
				}
				Port out = node.port(route.get().device()).orElse(null);
				if (out == null) {
					return stop(pathMtu, node.id() + " routes " + destination + " to a device it does not have");
				}
				if (in != null) {
					String verdict = forwardVerdict(node, in, out, source, destination);
					if (verdict != null) {
						return stop(pathMtu, verdict);
					}
					forwarders.add(node.id());
					steps.add(node.id() + " forwards " + in.name() + " → " + out.name());
				}
				if (!reply) {
					for (Nat nat : node.nats()) {
						final Ipv4Address from = source;
						if (nat.out().equals(out.name()) && nat.sources().stream().anyMatch(s -> s.contains(from)) && out.firstAddress().isPresent()) {
							translations.add(new Translation(node.id(), out.firstAddress().get(), source));
							source = out.firstAddress().get();
							steps.add(node.id() + " masquerades as " + source);
						}
					}
				}
				boolean fragmented = false;
				if (size > out.mtu()) {
					if (dontFragment) {
						return stop(Math.min(pathMtu, out.mtu()), node.id() + " cannot send " + size + " bytes on " + out.name() + " (MTU " + out.mtu() + ") with DF set");
					}
					size = out.mtu();
					fragmented = true;
				}
				pathMtu = Math.min(pathMtu, out.mtu());
				Ipv4Address nextHop = route.get().gateway() != null ? route.get().gateway() : destination;
				Ipv4Address asker = node.owns(source) ? source : out.firstAddress().orElse(source);
				Optional<Port> receiverPort = resolve(node, out, nextHop, asker);
				if (receiverPort.isEmpty()) {
					return stop(pathMtu, "nobody on " + out.segment() + " answers ARP for " + nextHop + " (asked by " + node.id() + " on " + out.name() + ")");
				}
				Port receiver = receiverPort.get();
				Node next = owner(receiver);
				if (!out.layer3() && LinkLayer.arpVerdict(node, out, asker, nextHop) == Action.DROP) {
					return stop(pathMtu, "the ARP filter of " + node.id() + " drops the answer for " + nextHop + " on " + out.name());
				}
				int layer2 = link.layer2Limit(out, receiver);
				hops.add(new Hop(node, out, receiver, next, layer2, size > layer2 ? Event.CUT_OFF : fragmented ? Event.FRAGMENTS : Event.NONE));
				if (size > layer2) {
					// where the frame is too large: the attached uplink, or the receiving device if it is the smaller
					String where = link.crossedUplink(out, receiver).filter(u -> u.mtu() <= receiver.mtu()).map(u -> "the attached uplink " + u.name() + " (MTU " + u.mtu() + ")")
							.orElse(receiver.name() + " of " + next.id() + " (MTU " + receiver.mtu() + ")");
					return stop(Math.min(pathMtu, layer2), size + "-byte frames from " + node.id() + " on " + out.name() + " are cut off at " + where
							+ ": layer 2 cannot fragment");
				}
				pathMtu = Math.min(pathMtu, layer2);
				node = next;
				in = receiver;
			}
			return stop(pathMtu, "routing loop: more than " + HOP_LIMIT + " hops");
		}

		private Result stop(int pathMtu, String why) {
			return new Result(false, why, pathMtu);
		}

		private String forwardVerdict(Node node, Port in, Port out, Ipv4Address source, Ipv4Address destination) {
			if (node.forwardFilter() == null) {
				return null;
			}
			boolean established = reply && requestForwarders.contains(node.id());
			Optional<ForwardRule> rule = node.forwardFilter().match(in.name(), out.name(), source, destination, established);
			if (rule.isPresent()) {
				return rule.get().action() == Action.ACCEPT ? null : "the forward filter of " + node.id() + " drops " + in.name() + " → " + out.name() + " (a rule)";
			}
			return node.forwardFilter().policy() == Action.ACCEPT ? null
					: "the forward filter of " + node.id() + " drops " + in.name() + " → " + out.name() + (reply && !established ? " (a reply it never saw the request of)" : reply ? "" : " (new connections)");
		}
	}


	/**
	 * rp_filter (ip-sysctl.rst): strict wants the best route back to the source to leave by the
	 * receiving device, loose any route back. A Linux host in production (and in the lab) has a
	 * default route the model does not name, by its management NIC: loose always finds a way back
	 * there, strict finds it by that NIC.
	 */
	private boolean passesRpFilter(Node node, Port in, Ipv4Address source) {
		RpFilter mode = node.rpFilter(in.name());
		Optional<Route> back = lookup(node, source);
		return switch (mode) {
			case OFF -> true;
			case LOOSE -> back.isPresent() || hasManagementRoute(node);
			case STRICT -> back.map(r -> r.device().equals(in.name())).orElse(false);
		};
	}

	/** KVM hosts and Linux LPARs: the lab gives each the management NIC and default route production has (LiveHosts). */
	private static boolean hasManagementRoute(Node node) {
		return node.kind() == NodeKind.KVM_HOST || node.kind() == NodeKind.LINUX_LPAR;
	}

	/** The longest prefix route; of equal prefixes the first (connected routes in configuration order, then the model's). */
	Optional<Route> lookup(Node node, Ipv4Address destination) {
		Route best = null;
		for (Route route : routes(node)) {
			if (route.destination().contains(destination) && (best == null || route.destination().length() > best.destination().length())) {
				best = route;
			}
		}
		return Optional.ofNullable(best);
	}

	private List<Route> routes(Node node) {
		List<Route> result = new ArrayList<>();
		for (Port port : node.ports()) {
			for (Ipv4Prefix address : port.addresses()) {
				result.add(new Route(address.subnet(), null, port.name()));
			}
		}
		for (Route route : node.routes()) {
			String device = route.device();
			if (device == null && route.gateway() != null) {
				device = node.ports().stream().filter(p -> p.addresses().stream().anyMatch(a -> a.subnet().contains(route.gateway())))
						.map(Port::name).findFirst().orElse(null);
			}
			if (device != null) {
				result.add(new Route(route.destination(), route.gateway(), device));
			}
		}
		return result;
	}

	/** The port whose owner the asker's frames for {@code target} go to: the first that answers ARP. */
	private Optional<Port> resolve(Node asker, Port out, Ipv4Address target, Ipv4Address sender) {
		return link.arpAnswers(asker, out, target, sender).stream().findFirst();
	}

	/** Every port that answers an ARP request for {@code target} on {@code out} ({@link LinkLayer#arpAnswers}). */
	public List<Port> arpAnswers(Node asker, Port out, Ipv4Address target, Ipv4Address sender) {
		return link.arpAnswers(asker, out, target, sender);
	}

	public Node owner(Port port) {
		return link.owner(port);
	}

	/** Whether frames from one port reach the other: one layer 2 domain. */
	public boolean sameLan(Port a, Port b) {
		return link.sameDomain(a, b);
	}
}
