package org.zkvm.dsl.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.zkvm.dsl.analysis.Ipv4Address;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.generator.HostFacts;
import org.zkvm.dsl.lab.LabNetwork;
import org.zkvm.dsl.lab.LabNetworkBuilder;
import org.zkvm.dsl.topology.Addresses;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.NetworkIndex;
import org.zkvm.dsl.topology.NetworkIndex.AddressUse;
import org.zkvm.dsl.topology.Routes;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.HostRoute;
import org.zkvm.dsl.zknet.Lpar;

/**
 * Two hosts that route an address via each other (route.loop): the host sends it by a route to a
 * peer, and the peer's own best route for it (longest prefix; of equal ones the connected subnet,
 * as the kernel has them in lab.Reachability) leads back to the host. Packets for it circle until
 * their TTL runs out where both hosts forward them back out, and die where one does not. Tried on
 * the addresses that matter: the first of each destination, of each host or guest subnet inside or
 * around it, and every address the model gives inside it.
 */
final class RouteLoops {

	/** The address, the peer, the peer's route that sends it back, and whether packets circle (both hosts send them on) or die. */
	record Loop(Ipv4Address address, Lpar peer, HostRoute back, boolean circles) {
	}

	private record Hop(HostRoute route, Ipv4Address gateway) {
	}

	private RouteLoops() {
	}

	static Optional<Loop> find(NetworkIndex network, Lpar lpar, HostRoute route) {
		Optional<Ipv4Address> gateway = Routes.gateway(route);
		if (gateway.isEmpty()) {
			return Optional.empty();
		}
		for (AddressUse use : network.hostInterfacesWith(gateway.get())) {
			Lpar peer = use.lpar();
			if (peer == null || peer == lpar) {
				continue;
			}
			// only where the peer routes something back via this host can an address loop: the overlap of the two routes
			List<Ipv4Prefix> back = Hosts.members(peer, HostRoute.class).stream()
					.filter(r -> Routes.gateway(r).map(g -> owns(lpar, g)).orElse(false)).flatMap(r -> Routes.destinations(r).stream()).toList();
			List<Ipv4Prefix> overlaps = new ArrayList<>();
			for (Ipv4Prefix destination : Routes.destinations(route)) {
				back.stream().filter(b -> b.overlaps(destination)).map(b -> b.length() >= destination.length() ? b : destination).forEach(overlaps::add);
			}
			for (Ipv4Prefix destination : overlaps) {
				for (Ipv4Address address : representatives(network, destination)) {
					if (owns(lpar, address) || owns(peer, address)) {
						continue;
					}
					Optional<Hop> mine = best(lpar, address);
					Optional<Hop> theirs = best(peer, address);
					if (mine.isEmpty() || mine.get().route() != route || theirs.isEmpty() || theirs.get().gateway() == null
							|| !owns(lpar, theirs.get().gateway())) {
						continue;
					}
					// packets circle where both hosts send them back out; otherwise they die at the first that does not, which
					// matters where the model has something at that address
					boolean circles = hairpins(lpar, route, address) && hairpins(peer, theirs.get().route(), address);
					if (circles || !network.addresses().owners(address).isEmpty()) {
						return Optional.of(new Loop(address, peer, theirs.get().route(), circles));
					}
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether the host sends a packet for the address that came in by the route's device back out
	 * by it: forwarding on that device, and a forward filter (the simulation's verdict) that lets
	 * it through. Otherwise the packet dies there instead of circling.
	 */
	private static boolean hairpins(Lpar lpar, HostRoute route, Ipv4Address address) {
		HostInterface device = Routes.device(lpar, route);
		if (device == null || !Hosts.forwards(lpar, device)) {
			return false;
		}
		LabNetwork.ForwardFilter filter = LabNetworkBuilder.forwardFilter(lpar);
		String port = HostFacts.portName(device);
		return filter == null || filter.verdict(port, port, address, address, false) == LabNetwork.Action.ACCEPT;
	}

	private static Set<Ipv4Address> representatives(NetworkIndex network, Ipv4Prefix destination) {
		Set<Ipv4Address> result = new LinkedHashSet<>();
		result.add(first(destination));
		List<Ipv4Prefix> subnets = new ArrayList<>();
		network.guestSubnets().entries().forEach(e -> subnets.add(e.subnet()));
		network.hostSubnets().entries().forEach(e -> subnets.add(e.subnet()));
		if (destination.length() > 0) {
			result.addAll(network.addresses().within(destination));
		}
		for (Ipv4Prefix subnet : subnets) {
			if (subnet.overlaps(destination)) {
				result.add(first(subnet.length() >= destination.length() ? subnet : destination));
			}
		}
		return result;
	}

	private static Ipv4Address first(Ipv4Prefix prefix) {
		return prefix.length() >= 31 ? prefix.address() : prefix.networkAddress().plus(1);
	}

	/** The host's best route for the address: the longest prefix, a connected subnet before a route of the same length; empty without one. */
	private static Optional<Hop> best(Lpar lpar, Ipv4Address address) {
		int length = -1;
		Hop hop = null;
		for (Ipv4Prefix connected : Routes.connected(lpar)) {
			if (connected.contains(address) && connected.length() > length) {
				length = connected.length();
				hop = new Hop(null, null);
			}
		}
		for (HostRoute route : Hosts.members(lpar, HostRoute.class)) {
			for (Ipv4Prefix destination : Routes.destinations(route)) {
				if (destination.contains(address) && destination.length() > length) {
					length = destination.length();
					hop = new Hop(route, Routes.gateway(route).orElse(null));
				}
			}
		}
		return Optional.ofNullable(hop);
	}

	private static boolean owns(Lpar lpar, Ipv4Address address) {
		for (HostInterface iface : Hosts.interfaces(lpar)) {
			if (Addresses.of(iface).stream().anyMatch(a -> a.address().equals(address))) {
				return true;
			}
		}
		return false;
	}
}
