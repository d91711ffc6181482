package org.zkvm.dsl.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.zkvm.dsl.analysis.IpAddress;
import org.zkvm.dsl.analysis.IpPrefix;
import org.zkvm.dsl.analysis.Ipv4Address;
import org.zkvm.dsl.analysis.Ipv6Address;
import org.zkvm.dsl.analysis.Ipv6Prefix;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.zknet.ArpFilter;
import org.zkvm.dsl.zknet.ArpRule;
import org.zkvm.dsl.zknet.FilterAction;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.HostRoute;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.OvsBridge;

/** Host routes read as destinations and gateways, and what a host's ARP filter lets through. */
public final class Routes {
	private Routes() {
	}

	/** The subnets a route leads to: its destination, or the guest subnets of the bridge it names. */
	public static List<Ipv4Prefix> destinations(HostRoute route) {
		List<Ipv4Prefix> result = new ArrayList<>();
		if (isIpv6(route)) {
			return result;
		}
		if (route.isDefaultRoute()) {
			result.add(new Ipv4Prefix(new Ipv4Address(0), 0));
		} else if (route.getSubnetOf() != null && !route.getSubnetOf().eIsProxy()) {
			for (Ipv4Prefix address : Addresses.of(route.getSubnetOf())) {
				result.add(address.subnet());
			}
		} else {
			Addresses.parsePrefix(route.getDestination()).ifPresent(p -> result.add(p.subnet()));
		}
		return result;
	}

	/**
	 * Whether a route is an IPv6 route: its destination or its gateway is IPv6 ('route default via
	 * fe80::1 dev X' is the IPv6 default route; 'route default' without an IPv6 gateway is IPv4's).
	 */
	public static boolean isIpv6(HostRoute route) {
		return IpAddress.isIpv6(route.getDestination()) || IpAddress.isIpv6(route.getGateway());
	}

	/** Whether a guest's route is an IPv6 route, as {@link #isIpv6(HostRoute)}. */
	public static boolean isIpv6(String destination, String gateway) {
		return IpAddress.isIpv6(destination) || IpAddress.isIpv6(gateway);
	}

	/** The destinations of a route, either family: the default route of its family, the IPv4 or IPv6 subnets of a bridge, or its prefix. */
	public static List<IpPrefix> destinationsIp(HostRoute route) {
		if (!isIpv6(route)) {
			return List.copyOf(destinations(route));
		}
		List<IpPrefix> result = new ArrayList<>();
		if (route.isDefaultRoute()) {
			result.add(DEFAULT_IPV6);
		} else if (route.getSubnetOf() != null && !route.getSubnetOf().eIsProxy()) {
			Addresses.ipv6Of(route.getSubnetOf()).forEach(a -> result.add(a.subnet()));
		} else {
			Addresses.parsePrefixIp(route.getDestination()).ifPresent(p -> result.add(p.subnet()));
		}
		return result;
	}

	/** A guest's or z/VM guest's route destination, either family. */
	public static Optional<IpPrefix> destinationIp(boolean defaultRoute, String destination, String gateway) {
		if (defaultRoute) {
			return Optional.of(isIpv6(destination, gateway) ? DEFAULT_IPV6 : DEFAULT_IPV4);
		}
		return Addresses.parsePrefixIp(destination).map(IpPrefix::subnet);
	}

	private static final IpPrefix DEFAULT_IPV4 = new Ipv4Prefix(new Ipv4Address(0), 0);
	private static final IpPrefix DEFAULT_IPV6 = new Ipv6Prefix(new Ipv6Address(0, 0), 0);

	/** The gateway of a route, either family: written out, or (IPv4) derived from 'subnet B dev D'. */
	public static Optional<IpAddress> gatewayIp(HostRoute route) {
		if (IpAddress.isIpv6(route.getGateway())) {
			return Addresses.parseIp(route.getGateway());
		}
		return gateway(route).map(IpAddress.class::cast);
	}

	/**
	 * The IPv4 next hop: as written, or for 'route subnet B dev D' without 'via', the address B's host
	 * has in the subnet of D; empty for an IPv6 route.
	 */
	public static Optional<Ipv4Address> gateway(HostRoute route) {
		if (IpAddress.isIpv6(route.getGateway())) {
			return Optional.empty();
		}
		if (route.getGateway() != null) {
			return Addresses.parseAddress(route.getGateway());
		}
		OvsBridge bridge = route.getSubnetOf();
		HostInterface device = route.getDevice();
		if (bridge == null || bridge.eIsProxy() || device == null || device.eIsProxy()) {
			return Optional.empty();
		}
		Lpar peer = Hosts.lparOf(bridge);
		if (peer == null) {
			return Optional.empty();
		}
		for (Ipv4Prefix mine : Addresses.of(device)) {
			for (HostInterface theirs : Hosts.interfaces(peer)) {
				for (Ipv4Prefix address : Addresses.of(theirs)) {
					if (mine.subnet().contains(address.address())) {
						return Optional.of(address.address());
					}
				}
			}
		}
		return Optional.empty();
	}

	/** Every subnet a host is directly connected to, through any of its interfaces. */
	public static List<Ipv4Prefix> connected(Lpar lpar) {
		List<Ipv4Prefix> result = new ArrayList<>();
		for (HostInterface iface : Hosts.interfaces(lpar)) {
			for (Ipv4Prefix address : Addresses.of(iface)) {
				result.add(address.subnet());
			}
		}
		return result;
	}

	/** The route's device: the one it names, or the interface whose subnet holds its gateway; null where neither is known. */
	public static HostInterface device(Lpar lpar, HostRoute route) {
		if (route.getDevice() != null) {
			return route.getDevice().eIsProxy() ? null : route.getDevice();
		}
		return gateway(route).flatMap(g -> Hosts.interfaces(lpar).stream().filter(i -> Addresses.of(i).stream().anyMatch(a -> a.subnet().contains(g))).findFirst())
				.orElse(null);
	}

	/** Whether the host answers ARP on the interface for some target in the subnet (facts §4.3). */
	public static Optional<ArpRule> acceptingRule(Lpar lpar, HostInterface iface, Ipv4Prefix targets) {
		List<ArpFilter> filters = Hosts.members(lpar, ArpFilter.class);
		if (filters.isEmpty()) {
			return Optional.empty();
		}
		for (ArpFilter filter : filters) {
			for (ArpRule rule : filter.getRules()) {
				if (rule.getIface() != null && rule.getIface() != iface) {
					continue;
				}
				Optional<Ipv4Prefix> target = Addresses.parsePrefix(rule.getTarget());
				if (rule.getTarget() == null || target.map(t -> t.overlaps(targets)).orElse(false)) {
					return rule.getAction() == FilterAction.ACCEPT ? Optional.of(rule) : Optional.empty();
				}
			}
		}
		return Optional.empty();
	}

	/** Whether the host's ARP filter lets ARP requests for the subnet in on the interface. */
	public static boolean answersArp(Lpar lpar, HostInterface iface, Ipv4Prefix targets) {
		List<ArpFilter> filters = Hosts.members(lpar, ArpFilter.class);
		if (filters.isEmpty()) {
			return true;
		}
		if (acceptingRule(lpar, iface, targets).isPresent()) {
			return true;
		}
		return filters.stream().allMatch(f -> f.getPolicy() == FilterAction.ACCEPT) && !dropped(filters, iface, targets);
	}

	private static boolean dropped(List<ArpFilter> filters, HostInterface iface, Ipv4Prefix targets) {
		for (ArpFilter filter : filters) {
			for (ArpRule rule : filter.getRules()) {
				if ((rule.getIface() == null || rule.getIface() == iface) && rule.getAction() == FilterAction.DROP
						&& (rule.getTarget() == null || Addresses.parsePrefix(rule.getTarget()).map(t -> t.contains(targets)).orElse(false))) {
					return true;
				}
			}
		}
		return false;
	}
}
