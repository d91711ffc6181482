package org.zkvm.dsl.topology;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.zkvm.dsl.analysis.IpAddress;
import org.zkvm.dsl.analysis.Ipv6Address;
import org.zkvm.dsl.analysis.Ipv6Prefix;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.ProxyNdp;

/**
 * Proxy NDP, the IPv6 form of the seed's proxy ARP: the kernel answers a neighbour solicitation on an
 * interface for an address of another link only when the interface forwards IPv6, proxy_ndp is on,
 * and the address has an entry of its own ('ip -6 neigh add proxy ADDR dev IF'; ip-sysctl.rst
 * proxy_ndp, docs/ipv6.md). There is no blanket form as proxy_arp has.
 */
public final class ProxyNeighbours {
	private ProxyNeighbours() {
	}

	/** The 'proxy-ndp' statement for the interface, if any. */
	public static Optional<ProxyNdp> statement(Lpar lpar, HostInterface iface) {
		return Hosts.members(lpar, ProxyNdp.class).stream().filter(p -> p.getInterface() == iface).findFirst();
	}

	/** The entries the host installs on the interface: the addresses listed after 'for', else {@link #needed}. */
	public static List<Ipv6Address> entries(Lpar lpar, HostInterface iface) {
		Optional<ProxyNdp> statement = statement(lpar, iface);
		if (statement.isEmpty()) {
			return List.of();
		}
		if (statement.get().getAddresses().isEmpty()) {
			return needed(lpar, iface);
		}
		return listed(statement.get());
	}

	/** The IPv6 addresses written after 'for'. */
	public static List<Ipv6Address> listed(ProxyNdp statement) {
		List<Ipv6Address> result = new ArrayList<>();
		for (String text : statement.getAddresses()) {
			Addresses.parseIp(text).filter(IpAddress::isIpv6).ifPresent(a -> result.add((Ipv6Address) a));
		}
		return result;
	}

	/**
	 * The addresses a neighbour on the interface's LAN will ask for: the IPv6 addresses the host routes
	 * to another of its interfaces (its routed bridges and their guests' NICs) that lie in one of the
	 * interface's IPv6 subnets, in the model's order.
	 */
	public static List<Ipv6Address> needed(Lpar lpar, HostInterface iface) {
		List<Ipv6Prefix> subnets = Addresses.ipv6Of(iface).stream().map(Ipv6Prefix::subnet).toList();
		Set<Ipv6Address> result = new LinkedHashSet<>();
		if (subnets.isEmpty()) {
			return List.of();
		}
		for (OvsBridge bridge : Hosts.members(lpar, OvsBridge.class)) {
			if (bridge == iface || !bridge.isRouted()) {
				continue;
			}
			List<Ipv6Prefix> behind = new ArrayList<>(Addresses.ipv6Of(bridge));
			for (Nic nic : Hosts.nicsOn(bridge)) {
				behind.addAll(Addresses.ipv6Of(nic));
			}
			for (Ipv6Prefix address : behind) {
				if (subnets.stream().anyMatch(s -> s.contains(address.address()))) {
					result.add(address.address());
				}
			}
		}
		return new ArrayList<>(result);
	}
}
