package org.zkvm.dsl.ide.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.zkvm.dsl.analysis.Ipv4Address;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.lab.LabNetwork;
import org.zkvm.dsl.lab.LabNetwork.Node;
import org.zkvm.dsl.lab.LabNetwork.NodeKind;
import org.zkvm.dsl.lab.LabNetwork.Port;
import org.zkvm.dsl.lab.LabNetwork.PortKind;
import org.zkvm.dsl.lab.LabNetwork.Route;
import org.zkvm.dsl.lab.LabNetwork.Segment;

/**
 * The lab's cables: a host's OSA and HiperSockets ports as veth pairs into their LAN's switch, a
 * guest's NICs as libvirt makes them (a tap on the host's bridge, or a macvlan on its OSA port for
 * MacVTap), and the neighbour entries a layer 3 LAN keeps for its members.
 */
final class LabCabling {

	private final Lab lab;
	private final Map<String, String> macs = new LinkedHashMap<>();
	private final Map<String, String> vnets = new LinkedHashMap<>();
	private final Map<String, SwitchEnd> switchEnds = new LinkedHashMap<>();
	private int links;

	LabCabling(Lab lab) {
		this.lab = lab;
	}

	/** A host's OSA or HiperSockets port, or an outside network's host: one end in the node, the other on the LAN's switch. */
	void cableToSwitch(LabNetwork network, Node node, Port port) throws LabException {
		LabFabric fabric = lab.fabric();
		boolean vlanAware = fabric.carries(port.segment());
		String switchNamespace = vlanAware ? fabric.namespace() : lab.switchNamespace(port.segment());
		String peer = "p" + (++links);
		String mac = mac(node, port);
		lab.shell().ip(lab.namespaceOfId(node.id()), "link", "add", port.name(), "address", mac, "mtu", Integer.toString(port.mtu()), "type", "veth", "peer", "name",
				peer, "netns", switchNamespace);
		SwitchEnd before = switchEnds.put(node.id() + "/" + port.name(), new SwitchEnd(switchNamespace, peer));
		if (vlanAware) {
			if (before != null) {
				// cabled again after a power cycle: the old end went with the node's namespace
				fabric.unplug(before.device());
			}
			// the switch never limits; a tagged frame is 4 bytes longer than the MTU says
			lab.shell().ip(switchNamespace, "link", "set", peer, "mtu", Integer.toString(largestMtu(network)), "up");
			fabric.plug(port.segment(), peer);
		} else {
			lab.shell().ip(switchNamespace, "link", "set", peer, "mtu", Integer.toString(switchMtu(network, port.segment())), "master", "lan", "up");
		}
		if (network.segments().stream().anyMatch(s -> node.id().equals(s.host()) && s.uplinks().contains(port.name()))) {
			bridgePortOnly(lab.namespaceOfId(node.id()), port.name());
		}
	}

	/** Where a node's port is cabled on its switch: the switch's namespace and its end of the veth pair. */
	record SwitchEnd(String namespace, String device) {
	}

	SwitchEnd switchEnd(Node node, String port) {
		return switchEnds.get(node.id() + "/" + port);
	}

	private static int largestMtu(LabNetwork network) {
		return network.nodes().stream().flatMap(n -> n.ports().stream()).mapToInt(Port::mtu).max().orElse(1500);
	}

	/** The switch never limits: its ports take the largest MTU on the LAN, so only the model's devices do. */
	static int switchMtu(LabNetwork network, String segment) {
		return network.nodes().stream().flatMap(n -> n.ports().stream()).filter(p -> p.segment().equals(segment)).mapToInt(Port::mtu).max()
				.orElse(1500);
	}

	String mac(Node node, Port port) {
		return macs.computeIfAbsent(node.id() + "/" + port.name(), k -> String.format("02:7a:6c:%02x:%02x:%02x", (macs.size() >> 16) & 0xff,
				(macs.size() >> 8) & 0xff, macs.size() & 0xff));
	}

	/**
	 * A guest NIC: a veth into the guest (libvirt's tap), or a macvlan on the host's OSA port
	 * (MacVTap), with the model's MAC and under the name the guest's kernel gives a virtio-ccw NIC
	 * (enc<devno>): the guest's network.sh finds it by its MAC and gives it the model's name.
	 */
	void cableGuest(LabNetwork network, Node guest, Port port) throws LabException {
		String guestNamespace = lab.namespaceOfId(guest.id());
		String hostNamespace = lab.namespaceOfId(guest.host());
		String mtu = Integer.toString(port.mtu());
		String kernelName = port.guestNic() != null ? port.guestNic().kernelName() : port.name();
		String mac = port.guestNic() != null ? port.guestNic().mac() : mac(guest, port);
		if (port.kind() == PortKind.MACVLAN) {
			String temporary = "zkmv" + (++links);
			lab.shell().ip(hostNamespace, "link", "add", temporary, "link", port.uplink(), "address", mac, "type", "macvlan", "mode", "bridge");
			lab.shell().ip(hostNamespace, "link", "set", temporary, "netns", guestNamespace);
			lab.shell().ip(guestNamespace, "link", "set", temporary, "name", kernelName);
			lab.shell().ip(guestNamespace, "link", "set", kernelName, "mtu", mtu);
		} else {
			lab.shell().ip(guestNamespace, "link", "add", kernelName, "address", mac, "mtu", mtu, "type", "veth", "peer", "name", vnet(guest, port),
					"netns", hostNamespace);
			lab.shell().ip(hostNamespace, "link", "set", vnet(guest, port), "mtu", mtu);
			bridgePortOnly(hostNamespace, vnet(guest, port));
		}
	}

	/**
	 * With the kernel datapath an Open vSwitch port is the switch's alone; the userspace datapath
	 * reads it through a packet socket, and the host's IP stack would see its frames too and answer
	 * ARP there for the host's own addresses, so guests could learn the tap's MAC instead of the
	 * internal port's. The lab's ports answer no ARP and carry no IPv6, as on a real host.
	 */
	void bridgePortOnly(String namespace, String device) throws LabException {
		lab.shell().exec(namespace, "sysctl", "-q", "-w", "net.ipv4.conf." + device + ".arp_ignore=8", "net.ipv6.conf." + device + ".disable_ipv6=1");
	}

	/** The host side of a guest NIC, named as libvirt names taps. */
	String vnet(Node guest, Port port) {
		return vnets.computeIfAbsent(guest.id() + "/" + port.name(), k -> "vnet" + vnets.size());
	}

	/**
	 * A layer 3 qeth device has no ARP: the LAN delivers to the addresses its members registered
	 * (facts §7, item 4). The lab's veths have ARP, so every layer 3 port gets permanent neighbour entries
	 * for the LAN's addresses, and the host's ARP filter never sees a request there.
	 */
	void registerLayer3Neighbours(LabNetwork network) throws LabException {
		for (Node node : network.nodes()) {
			for (Port port : node.ports()) {
				if (!port.layer3() || lab.switchNamespace(port.segment()) == null && !lab.fabric().carries(port.segment())) {
					continue;
				}
				for (Node other : network.nodes()) {
					for (Port theirs : other.ports()) {
						if (other != node && theirs.segment().equals(port.segment())) {
							for (Ipv4Prefix address : theirs.addresses()) {
								lab.shell().ip(lab.namespaceOfId(node.id()), "neigh", "replace", address.address().toString(), "lladdr", mac(other, theirs), "dev",
										port.name(), "nud", "permanent");
							}
						}
					}
				}
			}
		}
	}

	/** What libvirt does when the guest starts: the tap becomes a port of its bridge. */
	void plugGuest(LabNetwork network, Node guest) throws LabException {
		Node host = network.node(guest.host()).orElseThrow();
		String hostNamespace = lab.namespaceOfId(host.id());
		for (Port port : guest.ports()) {
			if (port.kind() != PortKind.VETH) {
				continue;
			}
			Segment segment = network.segment(port.segment()).orElseThrow();
			lab.shell().checkIn(hostNamespace, lab.openVSwitches().environment(host), "ovs-vsctl", "--timeout=10", "--may-exist", "add-port", segment.bridge(), vnet(guest, port));
			if (port.access() != null) {
				// libvirt's <vlan><tag id='N'/> on an Open vSwitch port: the port's tag
				lab.shell().checkIn(hostNamespace, lab.openVSwitches().environment(host), "ovs-vsctl", "--timeout=10", "set", "port", vnet(guest, port),
						"tag=" + port.access().id());
			}
			lab.shell().ip(hostNamespace, "link", "set", vnet(guest, port), "up");
		}
	}

	/** Each guest NIC came up as the kernel names a virtio-ccw NIC; network.sh must have found it by its MAC and named it as the model does. */
	void checkNicNames(Node guest) throws LabException {
		String links = lab.shell().output(lab.namespaceOfId(guest.id()), Map.of(), "ip", "-o", "link", "show");
		List<String> found = new ArrayList<>();
		for (Port port : guest.ports()) {
			if (port.guestNic() == null) {
				continue;
			}
			boolean named = links.lines().anyMatch(l -> l.matches("\\d+: " + Pattern.quote(port.name()) + "[@:].*") && l.contains("link/ether " + port.guestNic().mac()));
			if (!named) {
				throw new LabException(guest.id() + ": no interface " + port.name() + " with the MAC " + port.guestNic().mac() + " after network.sh:" + Lab.indent(links));
			}
			found.add(port.guestNic().kernelName() + " -> " + port.name());
		}
		if (!found.isEmpty()) {
			lab.out().println(guest.id() + ": NICs found by their MACs and named as the model says: " + String.join(", ", found));
		}
	}

	/** Partners (z/OS and the like) and outside networks have no generated script: their addresses and routes come from the model. */
	void configureFromModel(Node node) throws LabException {
		String namespace = lab.namespaceOfId(node.id());
		for (Port port : node.ports()) {
			lab.shell().ip(namespace, "link", "set", port.name(), "mtu", Integer.toString(port.mtu()), "up");
			for (Ipv4Prefix address : port.addresses()) {
				lab.shell().ip(namespace, "addr", "replace", address.toString(), "dev", port.name());
			}
		}
		for (Route route : node.routes()) {
			List<String> arguments = new ArrayList<>(List.of("route", "replace", route.destination().length() == 0 ? "default" : route.destination().toString()));
			if (route.gateway() != null) {
				arguments.addAll(List.of("via", route.gateway().toString()));
			}
			if (route.device() != null) {
				arguments.addAll(List.of("dev", route.device()));
			}
			lab.shell().ip(namespace, arguments.toArray(String[]::new));
		}
		if (node.kind() == NodeKind.OUTSIDE && !node.routes().isEmpty()) {
			lab.out().println(node.id() + ": " + node.firstAddress().map(Ipv4Address::toString).orElse("?") + ", with routes into the model's other subnets ("
					+ String.join(", ", node.routes().stream().map(r -> r.destination() + " via " + r.gateway()).toList()) + "): the lab tries every way in");
		} else {
			lab.out().println(node.id() + ": addresses and routes from the model");
		}
		lab.out().flush();
	}
}
