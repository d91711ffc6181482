package org.zkvm.dsl.ide.lab;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.zkvm.dsl.lab.LabNetwork;
import org.zkvm.dsl.lab.LabNetwork.Node;
import org.zkvm.dsl.lab.LabNetwork.Port;
import org.zkvm.dsl.lab.LabNetwork.PortKind;
import org.zkvm.dsl.lab.LabNetwork.Segment;
import org.zkvm.dsl.lab.LabNetwork.SegmentKind;

/**
 * The site's VLAN-aware switches, for a model with VLANs: an Open vSwitch in a namespace of its own,
 * with a bridge per LAN that trunks VLANs (the switch an OSA port is cabled to; a bond's members are
 * on two of them) and a core bridge that joins them with trunks of every VLAN the model has. A port
 * on a VLAN's LAN that sends untagged frames (an outside network's host) is an access port of the
 * core. The kernels zknet is tested on have no VLAN filtering in their bridges (nor 802.1Q devices);
 * Open vSwitch's userspace datapath tags and untags without the kernel.
 */
final class LabFabric {

	private static final String KEY = "fabric";
	private static final String CORE = "core";

	private final Lab lab;
	private final Map<String, String> bridges = new LinkedHashMap<>();
	private final Map<String, Integer> vlans = new LinkedHashMap<>();
	private String namespace;

	LabFabric(Lab lab) {
		this.lab = lab;
	}

	/** Whether the fabric switches the segment (else it gets a Linux bridge of its own, as untagged LANs do). */
	boolean carries(String segment) {
		return bridges.containsKey(segment) || vlans.containsKey(segment);
	}

	String namespace() {
		return namespace;
	}

	/** The VLANs' LANs and the LANs that trunk them, read from the network; nothing to build without VLANs. */
	void build(LabNetwork network) throws LabException {
		for (Segment segment : network.segments()) {
			if (segment.kind() == SegmentKind.SWITCH && segment.vlan() != 0) {
				vlans.put(segment.id(), segment.vlan());
			}
		}
		if (vlans.isEmpty()) {
			return;
		}
		for (String trunk : trunkLans(network)) {
			bridges.put(trunk, "sw" + (bridges.size() + 1));
		}
		namespace = lab.createNamespace(KEY);
		lab.openVSwitches().startOwn(KEY, namespace);
		vsctl("--may-exist", "add-br", CORE, "--", "set", "bridge", CORE, "datapath_type=netdev");
		String allVlans = new TreeSet<>(vlans.values()).stream().map(String::valueOf).collect(Collectors.joining(","));
		for (String bridge : bridges.values()) {
			vsctl("--may-exist", "add-br", bridge, "--", "set", "bridge", bridge, "datapath_type=netdev");
			vsctl("add-port", bridge, bridge + "-core", "--", "set", "interface", bridge + "-core", "type=patch", "options:peer=core-" + bridge, "--", "set",
					"port", bridge + "-core", "trunks=" + allVlans, "--", "add-port", CORE, "core-" + bridge, "--", "set", "interface", "core-" + bridge,
					"type=patch", "options:peer=" + bridge + "-core", "--", "set", "port", "core-" + bridge, "trunks=" + allVlans);
		}
		lab.out().println("site switches: " + bridges.size() + " trunking LANs (" + String.join(", ", bridges.keySet()) + ") joined by a core that carries VLAN "
				+ allVlans + "; untagged ends of " + String.join(", ", vlans.keySet()) + " are its access ports");
		lab.out().flush();
	}

	/** The switch end of a cable: a trunk port of its LAN's switch, or an access port of its VLAN on the core. */
	void plug(String segment, String peer) throws LabException {
		if (bridges.containsKey(segment)) {
			vsctl("--may-exist", "add-port", bridges.get(segment), peer);
		} else {
			vsctl("--may-exist", "add-port", CORE, peer, "--", "set", "port", peer, "tag=" + vlans.get(segment));
		}
	}

	void unplug(String peer) throws LabException {
		vsctl("--if-exists", "del-port", peer);
	}

	/**
	 * The LANs that carry tagged frames: the LAN of each uplink of an Open vSwitch bridge that has an
	 * access port (its frames leave tagged), and of each device under a Linux VLAN (its parent, or its
	 * parent bond's members); each bond member's own.
	 */
	private static Set<String> trunkLans(LabNetwork network) {
		Set<String> result = new TreeSet<>();
		for (Node node : network.nodes()) {
			for (Port vlan : node.ports()) {
				if (vlan.kind() != PortKind.VLAN || vlan.uplink() == null) {
					continue;
				}
				node.port(vlan.uplink()).ifPresent(parent -> {
					if (parent.kind() == PortKind.BOND) {
						node.ports().stream().filter(m -> m.kind() == PortKind.MEMBER && parent.name().equals(m.uplink())).forEach(m -> result.add(m.segment()));
					} else {
						result.add(parent.segment());
					}
				});
			}
		}
		for (Segment bridge : network.segments()) {
			if (bridge.kind() != SegmentKind.OVS || bridge.uplinks().isEmpty()) {
				continue;
			}
			boolean tagged = network.nodes().stream().flatMap(n -> n.ports().stream()).anyMatch(p -> p.segment().equals(bridge.id()) && p.access() != null);
			Node host = network.node(bridge.host()).orElse(null);
			if (tagged && host != null) {
				bridge.uplinks().forEach(u -> host.port(u).map(Port::segment).ifPresent(result::add));
			}
		}
		return result;
	}

	private void vsctl(String... arguments) throws LabException {
		lab.shell().vsctl(namespace, lab.openVSwitches().environment(KEY), arguments);
	}
}
