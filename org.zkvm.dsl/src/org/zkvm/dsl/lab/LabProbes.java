package org.zkvm.dsl.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.zkvm.dsl.analysis.Ipv4Address;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.lab.LabNetwork.Node;
import org.zkvm.dsl.lab.LabNetwork.NodeKind;
import org.zkvm.dsl.lab.LabNetwork.Port;

/**
 * The reachability a model promises and forbids, as pings the lab sends: between every two ends
 * (guests, partner and Linux LPARs, outside networks, z/VM guests: each of their links) one small echo request; where it should
 * arrive, one at the path MTU with DF set (the path is as wide as the model says) and one as large
 * as the sender's device without DF (the size the sender really sends: a routed host fragments it,
 * a layer 2 path that is narrower than the sender cuts it off).
 */
public final class LabProbes {

	/** IP and ICMP headers: a ping of payload s is an IP packet of s + 28 bytes. */
	public static final int HEADERS = 28;

	/** The small probe: ping's default 56-byte payload. */
	public static final int SMALL = 56 + HEADERS;

	public enum Kind {
		REACH("reach"), PATH_MTU("path MTU, DF"), FULL_SIZE("full size");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** One ping: {@code size} is the IP packet size; {@code expected} whether the reply comes back, and why. */
	public record Probe(Node from, Node to, Ipv4Address address, Kind kind, int size, boolean dontFragment, boolean expected, String why) {
		public int payload() {
			return size - HEADERS;
		}
	}

	private LabProbes() {
	}

	public static List<Probe> plan(LabNetwork network) {
		Reachability reachability = new Reachability(network);
		List<Node> ends = network.nodes().stream().filter(LabProbes::isEnd).filter(n -> n.firstAddress().isPresent()).toList();
		List<Probe> probes = new ArrayList<>();
		List<Probe> sizes = new ArrayList<>();
		for (Node from : ends) {
			for (Node to : ends) {
				if (from == to) {
					continue;
				}
				for (Ipv4Address address : targets(to)) {
					probe(reachability, from, to, address, probes, sizes);
				}
			}
		}
		probes.addAll(sizes);
		return probes;
	}

	/** A node's first address; every address of a z/VM guest, whose links are each a path of their own. */
	private static List<Ipv4Address> targets(Node node) {
		if (node.kind() == NodeKind.ZVM_GUEST) {
			return node.ports().stream().flatMap(p -> p.addresses().stream()).map(Ipv4Prefix::address).toList();
		}
		return List.of(node.firstAddress().get());
	}

	private static void probe(Reachability reachability, Node from, Node to, Ipv4Address address, List<Probe> probes, List<Probe> sizes) {
		Reachability.Result small = reachability.ping(from, address, SMALL, false);
		probes.add(new Probe(from, to, address, Kind.REACH, SMALL, false, small.reached(), small.why()));
		if (!small.reached()) {
			return;
		}
		int pathMtu = small.pathMtu();
		Reachability.Result atMtu = reachability.ping(from, address, pathMtu, true);
		sizes.add(new Probe(from, to, address, Kind.PATH_MTU, pathMtu, true, atMtu.reached(), atMtu.reached() ? "the path MTU is " + pathMtu : atMtu.why()));
		Optional<Port> egress = reachability.egress(from, address);
		int full = egress.map(Port::mtu).orElse(pathMtu);
		if (full > pathMtu) {
			Reachability.Result whole = reachability.ping(from, address, full, false);
			sizes.add(new Probe(from, to, address, Kind.FULL_SIZE, full, false, whole.reached(),
					whole.reached() ? "fragmented on the way (routed), reassembled at the end" : whole.why()));
		}
	}

	private static boolean isEnd(Node node) {
		return node.kind() != NodeKind.KVM_HOST;
	}
}
