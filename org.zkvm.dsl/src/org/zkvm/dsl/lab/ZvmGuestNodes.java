package org.zkvm.dsl.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.zkvm.dsl.analysis.Ipv4Address;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.generator.NetworkPlan;
import org.zkvm.dsl.generator.Shell;
import org.zkvm.dsl.lab.LabNetwork.Node;
import org.zkvm.dsl.lab.LabNetwork.NodeKind;
import org.zkvm.dsl.lab.LabNetwork.Port;
import org.zkvm.dsl.lab.LabNetwork.PortKind;
import org.zkvm.dsl.lab.LabNetwork.Route;
import org.zkvm.dsl.lab.LabNetwork.RpFilters;
import org.zkvm.dsl.topology.Addresses;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.ZvmLans;
import org.zkvm.dsl.topology.ZvmLinks;
import org.zkvm.dsl.zknet.Network;
import org.zkvm.dsl.zknet.PointToPointLink;
import org.zkvm.dsl.zknet.Vswitch;
import org.zkvm.dsl.zknet.ZvmCluster;
import org.zkvm.dsl.zknet.ZvmGuest;
import org.zkvm.dsl.zknet.ZvmMember;
import org.zkvm.dsl.zknet.ZvmNic;

/**
 * A z/VM cluster's guests with NICs on z/VM's LANs or with IUCV or virtual CTC links as lab nodes:
 * each NIC on its LAN's segment (a layer 3 port on an IP VSWITCH or guest LAN); each link a segment of its
 * own (the two guests' ends only, with the model's MTU), each end the guest's address as a /32 with
 * a route to the partner's, as the guest's network.sh sets them (NetworkPlan.of(ZvmGuest)). The
 * lab's veth stands in for the ctcm or netiucv device, which has no ARP (POINTOPOINT, NOARP): on a
 * segment of two the answer is the partner's either way.
 */
final class ZvmGuestNodes {
	private ZvmGuestNodes() {
	}

	/**
	 * The guests' nodes; {@code segment} makes (once) and names the switch of a link or LAN. A NIC on a
	 * VSWITCH whose address is in one of the model's networks is on that network's LAN (the VSWITCH's
	 * OSA uplinks bridge it there; each VLAN its own network), else on the VSWITCH (per VLAN) or guest
	 * LAN alone.
	 */
	static List<Node> of(ZvmCluster cluster, UnaryOperator<String> segment, List<Network> networks) {
		List<Node> nodes = new ArrayList<>();
		for (ZvmMember member : cluster.getMembers()) {
			if (!(member instanceof ZvmGuest guest) || !ZvmLinks.hasNetwork(guest) || guest.getSystem() == null || guest.getSystem().eIsProxy()) {
				continue;
			}
			List<Port> ports = new ArrayList<>();
			List<Route> routes = new ArrayList<>();
			for (ZvmNic nic : ZvmLans.nics(guest)) {
				if (nic.getLan() == null || nic.getLan().eIsProxy()) {
					continue;
				}
				List<Ipv4Prefix> addresses = Addresses.of(nic);
				String id = nic.getLan() instanceof Vswitch ? network(addresses, networks).map(n -> "LAN of network " + n.getName())
						.orElse("VSWITCH " + cluster.getName() + "." + nic.getLan().getName() + (nic.getVlan() != 0 ? " VLAN " + nic.getVlan() : ""))
						: "guest LAN " + cluster.getName() + "." + nic.getLan().getName();
				ports.add(new Port(nic.getName(), segment.apply(id), addresses, ZvmLans.mtu(nic), PortKind.VETH, ZvmLans.layer(nic.getLan()) == 3, null, null));
			}
			for (ZvmLinks.Side side : ZvmLinks.sides(guest)) {
				PointToPointLink link = side.link();
				String id = segment.apply((side.ctc() ? "virtual CTC " : "IUCV link ") + cluster.getName() + "." + link.getName());
				List<Ipv4Prefix> addresses = Addresses.parseAddress(side.address()).map(a -> List.of(new Ipv4Prefix(a, 32))).orElse(List.of());
				ports.add(new Port(link.getName(), id, addresses, link.getMtu(), PortKind.VETH, false, null, null));
			}
			// the routes as the guest's network.sh and files set them: the same NetworkPlan (peer routes, then the guest's own)
			for (NetworkPlan.Route route : NetworkPlan.of(guest).routes()) {
				if (!route.isIpv6()) {
					routes.add(new Route((Ipv4Prefix) route.prefix(), (Ipv4Address) route.gateway().orElse(null), route.deviceNamed() ? route.device() : null));
				}
			}
			String folder = "zvm/" + Shell.fileName(cluster.getName()) + "/" + Shell.fileName(guest.getSystem().getName()) + "/guests/"
					+ Shell.fileName(guest.getName());
			nodes.add(new Node(Hosts.endpoint(guest), NodeKind.ZVM_GUEST, null, ports, routes, List.of(), List.of(), RpFilters.KERNEL, null, null,
					List.of(), folder));
		}
		return nodes;
	}

	private static Optional<Network> network(List<Ipv4Prefix> addresses, List<Network> networks) {
		for (Ipv4Prefix address : addresses) {
			for (Network network : networks) {
				if (Addresses.cidr(network).map(c -> c.contains(address.address())).orElse(false)) {
					return Optional.of(network);
				}
			}
		}
		return Optional.empty();
	}
}
