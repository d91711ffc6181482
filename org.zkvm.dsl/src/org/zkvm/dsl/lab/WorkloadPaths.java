package org.zkvm.dsl.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.zkvm.dsl.analysis.Ipv4Address;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.lab.LabNetwork.Node;
import org.zkvm.dsl.lab.LabNetwork.NodeKind;
import org.zkvm.dsl.lab.LabNetwork.Port;
import org.zkvm.dsl.lab.LabNetwork.PortKind;
import org.zkvm.dsl.lab.LabNetwork.Segment;
import org.zkvm.dsl.lab.Reachability.Hop;
import org.zkvm.dsl.lab.Reachability.Trace;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.PacketPath;
import org.zkvm.dsl.topology.PacketPath.Event;
import org.zkvm.dsl.zknet.Guest;
import org.zkvm.dsl.zknet.ZvmGuest;

/**
 * A workload's path for the report, from the one path engine: the lab's kernel-faithful
 * simulation (Reachability) traces a full-size packet from the guest end to the other end, and
 * each hop it takes becomes a line of the report (seed 002, "Scaling MTU size 56k vs 1500"): the
 * guest's NIC, its bridge (routed, or attached with the OSA it crosses, or MacVTap), each host
 * interface a host routes it out of (fragmenting where the next MTU is smaller), and the partner's
 * interface it arrives at. Of a partner's addresses the one the packet reaches best is taken
 * (reached, then the largest path MTU, then the lowest address), so the order in which a model
 * declares them never changes a path.
 */
public final class WorkloadPaths {

	private final LabNetwork network;
	private final Reachability reachability;

	public WorkloadPaths(LabNetwork network) {
		this.network = network;
		this.reachability = new Reachability(network);
	}

	/** The path between the two ends, starting at whichever is a guest (a KVM guest first, else a z/VM guest); empty when neither is. */
	public Optional<PacketPath> between(EObject a, EObject b) {
		boolean aGuest = a instanceof Guest || a instanceof ZvmGuest && !(b instanceof Guest);
		boolean bGuest = b instanceof Guest || b instanceof ZvmGuest;
		if (!aGuest && !bGuest) {
			return Optional.empty();
		}
		EObject guest = aGuest ? a : b;
		EObject partner = aGuest ? b : a;
		Optional<Node> from = network.node(Hosts.endpoint(guest));
		Optional<Node> to = network.node(Hosts.endpoint(partner));
		if (from.isEmpty() || to.isEmpty()) {
			return Optional.empty();
		}
		Trace best = null;
		for (Ipv4Address address : to.get().ports().stream().flatMap(p -> p.addresses().stream()).map(Ipv4Prefix::address).sorted()
				.toList()) {
			int size = reachability.egress(from.get(), address).map(Port::mtu).orElse(0);
			Trace trace = reachability.trace(from.get(), address, size);
			if (best == null || better(trace, best)) {
				best = trace;
			}
		}
		if (best == null || best.hops().isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new PacketPath(from.get().id(), to.get().id(), hops(best)));
	}

	private static boolean better(Trace candidate, Trace best) {
		if (candidate.reached() != best.reached()) {
			return candidate.reached();
		}
		return candidate.pathMtu() > best.pathMtu();
	}

	private List<PacketPath.Hop> hops(Trace trace) {
		List<PacketPath.Hop> hops = new ArrayList<>();
		for (int i = 0; i < trace.hops().size(); i++) {
			Hop hop = trace.hops().get(i);
			Event event = hop.event() == Reachability.Event.CUT_OFF ? Event.CUT_OFF : hop.event() == Reachability.Event.FRAGMENTS ? Event.FRAGMENTS : Event.NONE;
			if (hop.node().kind() == NodeKind.ZVM_GUEST) {
				Segment link = network.segment(hop.out().segment()).orElse(null);
				hops.add(new PacketPath.Hop("z/VM guest interface " + name(hop.node()) + "." + hop.out().name() + (link == null ? "" : " (" + link.id()
						.substring(0, link.id().lastIndexOf(' ')) + " to " + name(hop.next()) + ")"), hop.mtu(), event,
						"the guest sends packets up to the link's MTU (seed 003: the larger, the faster and the cheaper per MB)"));
			} else if (hop.node().kind() == NodeKind.GUEST) {
				hops.add(new PacketPath.Hop("guest NIC " + name(hop.node()) + "." + hop.out().name(), hop.out().mtu(), Event.NONE, "the guest sends packets up to its MTU"));
				layer2(hop, event, hops);
			} else {
				hops.add(new PacketPath.Hop("host interface " + name(hop.node()) + "." + hop.out().name(), hop.mtu(), event, switch (event) {
					case FRAGMENTS -> "the host's IP stack fragments packets above " + hop.out().mtu() + " bytes (routed: seed 002)";
					case CUT_OFF -> "packets above " + hop.mtu() + " bytes are lost: layer 2 cannot fragment (seed 002: I/O errors on the receiver side)";
					default -> "routed by the host";
				}));
			}
		}
		Hop last = trace.hops().get(trace.hops().size() - 1);
		if (trace.reached() && last.next().kind() != NodeKind.OUTSIDE) {
			String what = last.next().kind() == NodeKind.GUEST ? "partner NIC " : last.next().kind() == NodeKind.ZVM_GUEST ? "z/VM guest interface "
					: "partner interface ";
			hops.add(new PacketPath.Hop(what + name(last.next()) + "." + last.receiver().name(), last.receiver().mtu(), Event.NONE, "the partner receives"));
		}
		return hops;
	}

	/** The guest's first hop at layer 2: its routed bridge, or the attached bridge and the OSA it crosses, or MacVTap's OSA. */
	private void layer2(Hop hop, Event event, List<PacketPath.Hop> hops) {
		Segment segment = network.segment(hop.out().segment()).orElse(null);
		if (hop.out().kind() == PortKind.MACVLAN) {
			Node host = network.node(hop.node().host()).orElse(null);
			Port uplink = host == null ? null : host.port(hop.out().uplink()).orElse(null);
			if (uplink != null) {
				hops.add(osa(host, uplink, " (MacVTap)", event));
			}
			return;
		}
		if (segment == null || segment.kind() != LabNetwork.SegmentKind.OVS) {
			return;
		}
		Node host = network.node(segment.host()).orElseThrow();
		if (segment.uplink() == null) {
			hops.add(new PacketPath.Hop("OVS bridge " + segment.bridge() + " (routed; internal port " + hop.receiver().name() + ")", hop.receiver().mtu(), event,
					event == Event.CUT_OFF ? "the bridge's port MTU is below the guest's: frames above it are dropped" : "the host receives the packet"));
			return;
		}
		int bridgeMtu = host.ports().stream().filter(p -> p.kind() == PortKind.OVS_INTERNAL && p.segment().equals(segment.id())).mapToInt(Port::mtu).findFirst()
				.orElse(hop.out().mtu());
		hops.add(new PacketPath.Hop("OVS bridge " + segment.bridge() + " (attached)", bridgeMtu, Event.NONE, "layer 2: frames pass unchanged"));
		host.port(segment.uplink()).ifPresent(uplink -> hops.add(osa(host, uplink, " (attached uplink)", event)));
	}

	private static PacketPath.Hop osa(Node host, Port uplink, String how, Event event) {
		return new PacketPath.Hop("OSA " + name(host) + "." + uplink.name() + how, uplink.mtu(), event == Event.CUT_OFF ? Event.CUT_OFF : Event.NONE,
				event == Event.CUT_OFF ? "packets above " + uplink.mtu() + " bytes are lost: layer 2 cannot fragment (seed 002: I/O errors on the receiver side)"
						: "layer 2: frames pass unchanged");
	}

	/** A node's name as the report writes it: the LPAR, HOST.GUEST or CLUSTER.GUEST, without the kind. */
	private static String name(Node node) {
		String id = node.id().startsWith("z/VM ") ? node.id().substring("z/VM ".length()) : node.id();
		return id.substring(id.indexOf(' ') + 1);
	}
}
