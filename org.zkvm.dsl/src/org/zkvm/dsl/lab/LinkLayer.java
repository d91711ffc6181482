package org.zkvm.dsl.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.zkvm.dsl.analysis.Ipv4Address;
import org.zkvm.dsl.lab.LabNetwork.Action;
import org.zkvm.dsl.lab.LabNetwork.ArpRule;
import org.zkvm.dsl.lab.LabNetwork.Node;
import org.zkvm.dsl.lab.LabNetwork.Port;
import org.zkvm.dsl.lab.LabNetwork.PortKind;
import org.zkvm.dsl.lab.LabNetwork.Segment;

/**
 * Layer 2 of the modelled network, for {@link Reachability}: who answers ARP on a LAN (owner,
 * another interface of its node, proxy_arp; facts §4.1-§4.3), the ARP filters, which segments
 * form one layer 2 domain (an attached bridge and its uplink's LAN; never a MacVTap NIC and its own
 * uplink; never layer 2 and layer 3 HiperSockets devices), and the largest frame a domain carries.
 */
final class LinkLayer {

	private final LabNetwork network;
	private final Reachability routing;

	LinkLayer(LabNetwork network, Reachability routing) {
		this.network = network;
		this.routing = routing;
	}

	/**
	 * Every port that answers an ARP request for {@code target} sent by {@code asker} on {@code out},
	 * in the order the asker takes them: the owner first, then another interface of its node, then
	 * proxy_arp interfaces. More than one node in the list is a second path to the same address. A
	 * layer 3 qeth device has no ARP: the LAN delivers to the addresses its members registered,
	 * whatever the ARP filters say (facts §7, item 4).
	 */
	public List<Port> arpAnswers(Node asker, Port out, Ipv4Address target, Ipv4Address sender) {
		List<Port> candidates = new ArrayList<>();
		for (Node node : network.nodes()) {
			if (node == asker) {
				continue;
			}
			for (Port port : node.ports()) {
				if (port.kind() != PortKind.MEMBER && sameDomain(out, port)) {
					candidates.add(port);
				}
			}
		}
		if (out.layer3()) {
			return candidates.stream().filter(p -> p.addresses().stream().anyMatch(a -> a.address().equals(target))).toList();
		}
		List<Port> answers = new ArrayList<>();
		for (Port port : candidates) {
			if (port.addresses().stream().anyMatch(a -> a.address().equals(target)) && arpVerdict(owner(port), port, target, sender) == Action.ACCEPT) {
				answers.add(port);
			}
		}
		for (Port port : candidates) {
			Node node = owner(port);
			if (!port.layer3() && node.owns(target) && !answers.contains(port) && arpVerdict(node, port, target, sender) == Action.ACCEPT) {
				answers.add(port);
			}
		}
		for (Port port : candidates) {
			Node node = owner(port);
			if (!port.layer3() && !node.owns(target) && node.proxyArp().contains(port.name()) && node.forwarding().contains(port.name())
					&& routing.lookup(node, target).map(r -> !r.device().equals(port.name())).orElse(false)
					&& arpVerdict(node, port, target, sender) == Action.ACCEPT) {
				answers.add(port);
			}
		}
		return answers;
	}

	/** The node that has the port. */
	public Node owner(Port port) {
		for (Node node : network.nodes()) {
			for (Port p : node.ports()) {
				if (p == port) {
					return node;
				}
			}
		}
		throw new IllegalStateException("a port without a node: " + port.name());
	}

	/** The node's ARP filter on an ARP packet for {@code target} from {@code sender} arriving on {@code in}. */
	static Action arpVerdict(Node node, Port in, Ipv4Address target, Ipv4Address sender) {
		if (node.arpFilter() == null) {
			return Action.ACCEPT;
		}
		for (ArpRule rule : node.arpFilter().rules()) {
			if ((rule.target() == null || rule.target().contains(target)) && (rule.sender() == null || rule.sender().contains(sender))
					&& (rule.in() == null || rule.in().equals(in.name()))) {
				return rule.action();
			}
		}
		return node.arpFilter().policy();
	}

	/** The segments a frame can cross: an attached bridge and its uplink's LAN are one layer 2 domain. */
	boolean sameDomain(Port a, Port b) {
		if (isMacvtapOf(a, b) || isMacvtapOf(b, a)) {
			return false;
		}
		if (!domain(a).equals(domain(b))) {
			return false;
		}
		// a bridge or MacVTap on a layer 3 uplink: the card routes by IP with its own MAC, so no frame of
		// the guests' own MACs gets on the LAN (facts §2.2; layer.attach-l3); they reach only each other
		if (!a.segment().equals(b.segment()) && (behindLayer3Uplink(a) || behindLayer3Uplink(b))) {
			return false;
		}
		// HiperSockets never converts between layer 2 and layer 3: such devices on one LAN cannot talk, a
		// guest behind a layer 2 device included (facts §1.3; layer.hipersockets-mix, layer.guest-to-l3)
		return !domain(a).startsWith("HiperSockets LAN ") || layer3OnLan(a) == layer3OnLan(b);
	}

	/** The uplink a port's frames leave the host by: the attached bridge's or the MacVTap's, if any. */
	private Optional<Port> uplinkOf(Port port) {
		if (port.kind() == PortKind.MACVLAN) {
			return macvtapUplink(port);
		}
		for (Segment s : network.segments()) {
			if (s.id().equals(port.segment()) && s.uplink() != null) {
				return network.node(s.host()).flatMap(h -> h.port(s.uplink()));
			}
		}
		return Optional.empty();
	}

	private boolean behindLayer3Uplink(Port port) {
		return uplinkOf(port).map(Port::layer3).orElse(false);
	}

	/** The layer the LAN sees a port's frames at: its uplink's, for a guest's NIC or a bridge port. */
	private boolean layer3OnLan(Port port) {
		return uplinkOf(port).map(Port::layer3).orElse(port.layer3());
	}

	private boolean isMacvtapOf(Port nic, Port port) {
		return nic.kind() == PortKind.MACVLAN && macvtapUplink(nic).map(u -> u == port).orElse(false);
	}

	private Optional<Port> macvtapUplink(Port nic) {
		Node guest = owner(nic);
		return network.node(guest.host()).flatMap(h -> h.port(nic.uplink()));
	}

	/** An access port is on its VLAN's LAN: the bridge tags its frames, so the uplink's untagged LAN never sees them. */
	private String domain(Port port) {
		return port.access() != null ? port.access().segment() : domain(port.segment());
	}

	private String domain(String segment) {
		for (Segment s : network.segments()) {
			if (s.id().equals(segment) && s.uplink() != null) {
				Node host = network.node(s.host()).orElse(null);
				if (host != null) {
					return host.port(s.uplink()).map(Port::segment).orElse(segment);
				}
			}
		}
		return segment;
	}

	int layer2Limit(Port out, Port receiver) {
		int limit = Math.min(out.mtu(), receiver.mtu());
		return crossedUplink(out, receiver).map(u -> Math.min(limit, u.mtu())).orElse(limit);
	}

	/** The OSA port a frame crosses between an attached bridge (or MacVTap) and the LAN outside, if it does. */
	Optional<Port> crossedUplink(Port out, Port receiver) {
		for (Port end : List.of(out, receiver)) {
			if (end.kind() == PortKind.MACVLAN) {
				return macvtapUplink(end);
			}
		}
		if (out.segment().equals(receiver.segment())) {
			return Optional.empty();
		}
		for (Port end : List.of(out, receiver)) {
			for (Segment s : network.segments()) {
				if (s.id().equals(end.segment()) && s.uplink() != null) {
					return network.node(s.host()).flatMap(h -> h.port(s.uplink()));
				}
			}
		}
		return Optional.empty();
	}
}
