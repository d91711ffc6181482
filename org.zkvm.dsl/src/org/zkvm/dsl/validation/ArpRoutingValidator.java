package org.zkvm.dsl.validation;

import java.util.List;
import java.util.Optional;

import org.eclipse.xtext.validation.Check;
import org.zkvm.dsl.analysis.Ipv4Address;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.topology.Addresses;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.NetworkIndex;
import org.zkvm.dsl.topology.NetworkIndex.AddressUse;
import org.zkvm.dsl.topology.Routes;
import org.zkvm.dsl.topology.ZvmLans;
import org.zkvm.dsl.topology.ZvmLinks;
import org.zkvm.dsl.zknet.ArpFilter;
import org.zkvm.dsl.zknet.ArpRule;
import org.zkvm.dsl.zknet.FilterAction;
import org.zkvm.dsl.zknet.ForwardFilter;
import org.zkvm.dsl.zknet.Forwarding;
import org.zkvm.dsl.zknet.Guest;
import org.zkvm.dsl.zknet.GuestMember;
import org.zkvm.dsl.zknet.GuestRoute;
import org.zkvm.dsl.zknet.HiperSocketsInterface;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.HostRoute;
import org.zkvm.dsl.zknet.LinkInterface;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Nat;
import org.zkvm.dsl.zknet.Network;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.OsaInterface;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.ProxyArp;
import org.zkvm.dsl.zknet.QethInterface;
import org.zkvm.dsl.zknet.Service;
import org.zkvm.dsl.zknet.ZvmGuest;
import org.zkvm.dsl.zknet.ZvmGuestRoute;

/** proxy_arp, ARP and forward filters, forwarding, routes, NAT and rp_filter on a host (seed 002; facts §4, §7). */
public class ArpRoutingValidator extends ZknetCheckBase {

	@Check
	public void checkProxyArp(ProxyArp proxyArp) {
		Lpar lpar = Hosts.lparOf(proxyArp);
		if (lpar == null) {
			return;
		}
		boolean anyLayer2 = false;
		for (int i = 0; i < proxyArp.getInterfaces().size(); i++) {
			HostInterface iface = proxyArp.getInterfaces().get(i);
			if (iface == null || iface.eIsProxy()) {
				continue;
			}
			if (iface instanceof QethInterface qeth && Hosts.layer(qeth) == 3) {
				report(IssueCodes.ARP_LAYER3, iface.getName() + " runs layer 3: the OSA or HiperSockets hardware does ARP there, Linux never sees "
						+ "an ARP request, so proxy_arp does nothing (facts §2.2); remove it from proxy-arp, or switch the interface to layer 2",
						proxyArp, Z.getProxyArp_Interfaces(), i);
				continue;
			}
			anyLayer2 = true;
			if (!Hosts.forwards(lpar, iface)) {
				report(IssueCodes.ARP_NO_FORWARDING, "proxy_arp on " + iface.getName() + " without forwarding on it: the kernel answers ARP for "
						+ "other hosts only when it forwards packets received on that interface (facts §4.2), so nobody reaches the guests through it; "
						+ "enable forwarding on " + iface.getName(), proxyArp, Z.getProxyArp_Interfaces(), i);
			}
			for (Ipv4Prefix address : Addresses.of(iface)) {
				for (HostInterface other : Hosts.interfaces(lpar)) {
					if (other == iface) {
						continue;
					}
					for (Ipv4Prefix otherAddress : Addresses.of(other)) {
						Optional<String> harm = otherAddress.overlaps(address) ? SharedLan.harm(lpar, iface, other, otherAddress, address) : Optional.empty();
						if (harm.isEmpty()) {
							continue;
						}
						if (otherAddress.subnet().equals(address.subnet())) {
							report(IssueCodes.ARP_SAME_SUBNET, "proxy_arp on " + iface.getName() + " while " + other.getName() + " also has an address in "
									+ address.subnet() + ": the kernel routes the subnet by one of them, " + harm.get() + ", and the net dies "
									+ "(seed 002, Scenario II pitfalls); turn proxy_arp off on " + iface.getName() + " or remove the duplicate address",
									proxyArp, Z.getProxyArp_Interfaces(), i);
						} else if (iface instanceof OsaInterface && other instanceof OsaInterface) {
							// the other port's block inside this port's subnet takes that block's peers away from this port; this
							// port's subnet inside the other's only lets it answer ARP for the rest, which a restrictive ARP filter stops
							// two OSA ports whose subnets nest are on one LAN: the more specific route wins (longest prefix), and
							// proxy_arp answers for every address the kernel routes out by the other port
							Ipv4Prefix inner = otherAddress.length() > address.length() ? otherAddress.subnet() : address.subnet();
							String block = otherAddress.length() > address.length() ? inner.toString() : "all of " + otherAddress.subnet() + " outside " + inner;
							report(IssueCodes.ARP_SAME_SUBNET, "proxy_arp on " + iface.getName() + " (" + address + ") while " + other.getName() + " ("
									+ otherAddress + ") is in an overlapping subnet on the same LAN: the kernel routes " + block + " by " + other.getName()
									+ " (the longer prefix wins): " + harm.get() + ", and the net dies (seed 002, Scenario II pitfalls); turn proxy_arp off on "
									+ iface.getName()
									+ " or give the two ports one subnet with one address each on one of them", proxyArp, Z.getProxyArp_Interfaces(), i);
						}
					}
				}
			}
		}
		if (anyLayer2 && !hasRestrictiveArpFilter(lpar) && Hosts.members(lpar, ProxyArp.class).get(0) == proxyArp) {
			report(IssueCodes.ARP_UNFILTERED, "proxy_arp without an ARP filter whose policy is DROP with explicit accepts: the host answers ARP for "
					+ "every address it can route to, on every proxy_arp interface (seed 002: use proxy_arp only under arptables control); "
					+ "add 'arp-filter policy drop { ... }' accepting the guest subnet and the host's own block on the uplink and all on the bridge",
					proxyArp, null);
		}
	}

	private static boolean hasRestrictiveArpFilter(Lpar lpar) {
		return Hosts.members(lpar, ArpFilter.class).stream().anyMatch(f -> f.getPolicy() == FilterAction.DROP && !f.getRules().isEmpty());
	}

	@Check
	public void checkForwarding(Forwarding forwarding) {
		Lpar lpar = Hosts.lparOf(forwarding);
		if (lpar == null) {
			return;
		}
		if (forwarding.isGlobal() && forwarding.isIpv6()) {
			report(IssueCodes.FWD_GLOBAL, "IPv6 forwarding is enabled globally (net.ipv6.conf.all.forwarding sets every interface's, and new ones "
					+ "inherit it): the host routes IPv6 between all its interfaces, including the ones that should stay closed (docs/ipv6.md); "
					+ "enable it per interface with 'forwarding ipv6 on ...'", forwarding, Z.getForwarding_Global());
		} else if (forwarding.isGlobal()) {
			report(IssueCodes.FWD_GLOBAL, "forwarding is enabled globally (net.ipv4.ip_forward): the host routes between all its interfaces, "
					+ "including the ones that should stay closed, and changing ip_forward resets every per-interface setting (facts §4.1); "
					+ "enable it per interface with 'forwarding on ...'", forwarding, Z.getForwarding_Global());
		}
		if (Hosts.members(lpar, Forwarding.class).get(0) != forwarding) {
			return;
		}
		List<ForwardFilter> filters = Hosts.members(lpar, ForwardFilter.class);
		Optional<ForwardFilter> accepting = filters.stream().filter(f -> f.getPolicy() == FilterAction.ACCEPT).findFirst();
		if (filters.isEmpty()) {
			report(IssueCodes.FWD_POLICY_ACCEPT, "forwarding without a forward filter: the FORWARD policy stays ACCEPT and the host routes any "
					+ "traffic between its networks; add 'forward-filter policy drop { ... }' accepting the interface pairs the plan needs",
					forwarding, null);
		} else if (accepting.isPresent()) {
			report(IssueCodes.FWD_POLICY_ACCEPT, "the forward filter's policy is ACCEPT while the host forwards: it routes any traffic between its "
					+ "networks; set 'policy drop' and accept the interface pairs the plan needs", accepting.get(), Z.getForwardFilter_Policy());
		}
	}

	@Check
	public void checkRoute(HostRoute route) {
		Lpar lpar = Hosts.lparOf(route);
		if (lpar == null) {
			return;
		}
		List<Ipv4Prefix> connected = Routes.connected(lpar);
		if (route.getGateway() != null) {
			Addresses.parseAddress(route.getGateway()).ifPresent(gateway -> {
				if (connected.stream().noneMatch(s -> s.contains(gateway))) {
					report(IssueCodes.ROUTE_UNREACHABLE_GATEWAY, "gateway " + gateway + " is on none of " + lpar.getName()
							+ "'s connected subnets " + connected + ": the kernel rejects the route ('Nexthop has invalid gateway'); "
							+ "use an address of a directly connected network", route, Z.getHostRoute_Gateway());
				} else {
					checkGatewayLan(lpar, route, gateway);
				}
			});
		}
		checkMirrorRoute(lpar, route);
		checkTwoPaths(lpar, route);
		RouteLoops.find(network(route), lpar, route).ifPresent(loop -> report(IssueCodes.ROUTE_LOOP, lpar.getName() + " routes " + loop.address()
				+ " via " + Routes.gateway(route).orElseThrow() + " (" + loop.peer().getName() + "), and " + loop.peer().getName() + " routes it back via "
				+ Routes.gateway(loop.back()).orElseThrow() + " (its route to " + Routes.destinations(loop.back()).get(0) + "): packets for it circle between the two "
				+ "until their TTL runs out; route it only towards the host that has it", route,
				route.getSubnetOf() != null ? Z.getHostRoute_SubnetOf() : route.isDefaultRoute() ? null : Z.getHostRoute_Destination()));
	}

	/**
	 * A gateway in a connected subnet can still be out of reach: HiperSockets never leaves its CEC
	 * (facts §1.5), so two CECs' HiperSockets LANs that were given one subnet are two networks. When
	 * the gateway is a model interface and the host's interface in its subnet is not on the same
	 * HiperSockets LAN (one of them is HiperSockets), the kernel accepts the route and the gateway
	 * never answers.
	 */
	private void checkGatewayLan(Lpar lpar, HostRoute route, Ipv4Address gateway) {
		List<QethInterface> mine = Hosts.members(lpar, QethInterface.class).stream()
				.filter(q -> route.getDevice() == null || route.getDevice() == q)
				.filter(q -> q.getAddresses().stream().map(Addresses::resolve).flatMap(Optional::stream).anyMatch(p -> p.contains(gateway))).toList();
		for (NetworkIndex.AddressUse use : network(route).hostInterfacesWith(gateway)) {
			if (!(use.owner() instanceof QethInterface theirs) || use.lpar() == lpar || mine.isEmpty()) {
				continue;
			}
			boolean sameLan = mine.stream().anyMatch(q -> Hosts.sameHiperSocketsLan(q, theirs));
			if (!sameLan && mine.stream().allMatch(q -> q instanceof HiperSocketsInterface || theirs instanceof HiperSocketsInterface)) {
				QethInterface here = mine.get(0);
				report(IssueCodes.ROUTE_UNREACHABLE_GATEWAY, "gateway " + gateway + " is " + use.ownerPath() + " on " + Hosts.lanName(theirs) + ", but "
						+ lpar.getName() + "'s " + here.getName() + " in that subnet is on " + Hosts.lanName(here)
						+ ": HiperSockets never leaves its CEC (facts §1.5), so these are two networks that share a subnet number; the kernel accepts the"
						+ " route and the gateway never answers. Route through an OSA both CECs reach, or give each LAN a subnet of its own",
						route, Z.getHostRoute_Gateway());
				return;
			}
		}
	}

	/** Seed 002, Scenario III: "Ensure that the routing setup is symmetric on both KVM hosts". */
	private void checkMirrorRoute(Lpar lpar, HostRoute route) {
		NetworkIndex network = network(route);
		Optional<Ipv4Address> gateway = Routes.gateway(route);
		if (gateway.isEmpty() || Routes.destinations(route).isEmpty() || route.isDefaultRoute()) {
			return;
		}
		// a route wider than the guests' subnet (10.136.0.0/16 for 10.136.12.0/24) leads to them too
		boolean toForeignGuests = Routes.destinations(route).stream().anyMatch(d -> network.guestSubnets().entries().stream()
				.anyMatch(e -> Hosts.lparOf(e.owner()) != lpar && e.subnet().overlaps(d)));
		if (!toForeignGuests) {
			return;
		}
		for (AddressUse peerUse : network.hostInterfacesWith(gateway.get())) {
			Lpar peer = peerUse.lpar();
			if (peer == null || peer == lpar || !(peerUse.owner() instanceof HiperSocketsInterface)) {
				continue;
			}
			for (OvsBridge bridge : Hosts.members(lpar, OvsBridge.class)) {
				if (!bridge.isRouted()) {
					continue;
				}
				for (Ipv4Prefix guestSubnet : Addresses.of(bridge)) {
					if (!hasRouteBack(peer, guestSubnet.subnet(), lpar)) {
						String myAddress = addressOn(lpar, (Ipv4Prefix) peerUse.prefix()).map(Ipv4Address::toString).orElse("?");
						report(IssueCodes.ROUTE_ASYMMETRIC, peer.getName() + " has no route back to " + lpar.getName() + "'s guests "
								+ guestSubnet.subnet() + " via " + myAddress + ": requests go over HiperSockets and replies over another "
								+ "network, where firewalls and rp_filter drop them (seed 002, Scenario III); add 'route subnet " + lpar.getName() + "."
								+ bridge.getName() + " via " + myAddress + " dev " + ((HostInterface) peerUse.owner()).getName() + "' on "
								+ peer.getName(), route, route.getSubnetOf() != null ? Z.getHostRoute_SubnetOf() : Z.getHostRoute_Destination(),
								peer.getName(), lpar.getName(), bridge.getName(), myAddress, ((HostInterface) peerUse.owner()).getName());
					}
				}
			}
		}
	}

	private static Optional<Ipv4Address> addressOn(Lpar lpar, Ipv4Prefix subnet) {
		for (HostInterface iface : Hosts.interfaces(lpar)) {
			for (Ipv4Prefix address : Addresses.of(iface)) {
				if (subnet.subnet().contains(address.address())) {
					return Optional.of(address.address());
				}
			}
		}
		return Optional.empty();
	}

	private static boolean hasRouteBack(Lpar peer, Ipv4Prefix guestSubnet, Lpar lpar) {
		for (HostRoute back : Hosts.members(peer, HostRoute.class)) {
			if (back.isDefaultRoute()) {
				continue;
			}
			boolean covers = Routes.destinations(back).stream().anyMatch(d -> d.contains(guestSubnet));
			if (!covers) {
				continue;
			}
			Optional<Ipv4Address> gateway = Routes.gateway(back);
			if (gateway.isPresent() && Routes.connected(lpar).stream().anyMatch(s -> s.contains(gateway.get()))
					&& Hosts.interfaces(lpar).stream().anyMatch(i -> Addresses.of(i).stream().anyMatch(a -> a.address().equals(gateway.get())))) {
				return true;
			}
		}
		return false;
	}

	/** Seed 002, Scenario III pitfall: "avoid having two paths to the same guest". */
	private void checkTwoPaths(Lpar lpar, HostRoute route) {
		if (route.isDefaultRoute()) {
			return;
		}
		NetworkIndex network = network(route);
		for (Ipv4Prefix destination : Routes.destinations(route)) {
			for (var guests : network.guestSubnets().entries()) {
				Lpar owner = Hosts.lparOf(guests.owner());
				if (owner == null || owner == lpar || !guests.subnet().overlaps(destination)) {
					continue;
				}
				for (ProxyArp proxyArp : Hosts.members(lpar, ProxyArp.class)) {
					for (HostInterface iface : proxyArp.getInterfaces()) {
						if (iface == null || iface.eIsProxy() || iface == route.getDevice() || !Hosts.isLayer2(iface) || !Hosts.forwards(lpar, iface)) {
							continue;
						}
						for (Ipv4Prefix lan : Addresses.of(iface)) {
							if (!lan.subnet().contains(guests.subnet()) || !ownerAnswersOn(owner, lan.subnet(), guests.subnet())
									|| !Routes.answersArp(lpar, iface, guests.subnet())) {
								continue;
							}
							String message = lpar.getName() + " answers ARP on " + iface.getName() + " for " + owner.getName() + "'s guests "
									+ guests.subnet() + ", which it routes via " + (route.getDevice() != null ? route.getDevice().getName() : "another interface")
									+ ", while " + owner.getName() + " answers for them on " + lan.subnet()
									+ " too: partners there get two paths to the same guests (seed 002, Scenario III pitfall); "
									+ "restrict the ARP filter on " + iface.getName() + " to the local guests";
							Optional<ArpRule> rule = Routes.acceptingRule(lpar, iface, guests.subnet());
							if (rule.isPresent() && rule.get().eResource() == route.eResource()) {
								report(IssueCodes.ROUTE_TWO_PATHS, message, rule.get(), rule.get().getTarget() != null ? Z.getArpRule_Target() : Z.getArpRule_Action(),
										iface.getName());
							} else {
								report(IssueCodes.ROUTE_TWO_PATHS, message, proxyArp, Z.getProxyArp_Interfaces(), proxyArp.getInterfaces().indexOf(iface),
										iface.getName());
							}
							return;
						}
					}
				}
			}
		}
	}

	/** Whether the owner of the guests answers ARP for them on that LAN (proxy_arp on an interface in it). */
	private static boolean ownerAnswersOn(Lpar owner, Ipv4Prefix lan, Ipv4Prefix guests) {
		return Hosts.proxyArpInterfaces(owner).stream().anyMatch(iface -> Addresses.of(iface).stream().anyMatch(a -> a.subnet().equals(lan))
				&& Routes.answersArp(owner, iface, guests));
	}

	@Check
	public void checkGuestRoute(GuestRoute route) {
		Guest guest = (Guest) route.eContainer();
		Optional<Ipv4Address> gateway = Addresses.parseAddress(route.getGateway());
		if (gateway.isEmpty()) {
			return;
		}
		Nic nic = route.getDevice() != null && !route.getDevice().eIsProxy() ? route.getDevice() : firstNic(guest);
		if (route.isDefaultRoute() && nic != null && nic.getBridge() != null && !nic.getBridge().eIsProxy() && nic.getBridge().isRouted()) {
			List<Ipv4Prefix> vnic = Addresses.of(nic.getBridge());
			if (!vnic.isEmpty() && vnic.stream().noneMatch(a -> a.address().equals(gateway.get()))) {
				report(IssueCodes.ROUTE_GATEWAY, "the default gateway of " + guest.getName() + " is " + gateway.get() + ", but its NIC "
						+ nic.getName() + " is on the routed bridge " + nic.getBridge().getName() + " whose internal port (vnic) is "
						+ vnic.get(0).address() + ": only the host routes for the guests (seed 002, Scenario II); set the gateway to "
						+ vnic.get(0).address(), route, Z.getGuestRoute_Gateway(), vnic.get(0).address().toString());
				return;
			}
		}
		boolean reachable = guest.getMembers().stream().filter(Nic.class::isInstance).map(Nic.class::cast)
				.flatMap(n -> Addresses.of(n).stream()).anyMatch(a -> a.subnet().contains(gateway.get()));
		if (!reachable) {
			report(IssueCodes.ROUTE_UNREACHABLE_GATEWAY, "gateway " + gateway.get() + " is on none of " + guest.getName()
					+ "'s connected subnets: the guest's kernel rejects the route; use an address of the NIC's subnet", route, Z.getGuestRoute_Gateway());
		}
	}

	/** A z/VM guest's routes as any Linux guest's: the gateway on one of its NICs' subnets. */
	@Check
	public void checkZvmGuestRoute(ZvmGuestRoute route) {
		Optional<Ipv4Address> gateway = Addresses.parseAddress(route.getGateway());
		if (gateway.isEmpty() || !(route.eContainer() instanceof ZvmGuest guest)) {
			return;
		}
		// a NIC's subnet, or the partner at the other end of an IUCV or CTC link (its /32 route)
		boolean reachable = ZvmLans.nics(guest).stream().flatMap(n -> Addresses.of(n).stream()).anyMatch(a -> a.subnet().contains(gateway.get()))
				|| ZvmLinks.sides(guest).stream().anyMatch(s -> Addresses.parseAddress(s.peerAddress()).map(gateway.get()::equals).orElse(false));
		if (!reachable) {
			report(IssueCodes.ROUTE_UNREACHABLE_GATEWAY, "gateway " + gateway.get() + " is on none of " + guest.getName()
					+ "'s connected subnets: the guest's kernel rejects the route; use an address of the NIC's subnet", route, Z.getZvmGuestRoute_Gateway());
		}
	}

	private static Nic firstNic(Guest guest) {
		for (GuestMember member : guest.getMembers()) {
			if (member instanceof Nic nic) {
				return nic;
			}
		}
		return null;
	}

	@Check
	public void checkService(Service service) {
		Guest guest = (Guest) service.eContainer();
		Lpar lpar = Hosts.lparOf(guest);
		if (lpar == null) {
			return;
		}
		for (int i = 0; i < service.getNetworks().size(); i++) {
			Network network = service.getNetworks().get(i);
			if (network == null || network.eIsProxy()) {
				continue;
			}
			for (GuestMember member : guest.getMembers()) {
				if (!(member instanceof Nic nic) || nic.getBridge() == null) {
					continue;
				}
				for (Nat nat : Hosts.members(lpar, Nat.class)) {
					if (nat.getBridge() == nic.getBridge() && natReaches(nat, network)) {
						report(IssueCodes.NAT_SERVER, service.getName() + " on " + guest.getName() + " is offered to " + network.getName()
								+ ", which the guest reaches only through NAT: masquerading blocks unsolicited inbound connections, so nobody there "
								+ "can connect (seed 002 finding 7); route the guests' subnet instead (proxy_arp + routes)",
								service, Z.getService_Networks(), i);
						break;
					}
				}
			}
		}
	}

	private static boolean natReaches(Nat nat, Network network) {
		if (nat.getNetwork() == network) {
			return true;
		}
		LinkInterface out = nat.getOutInterface();
		if (out == null || out.eIsProxy()) {
			return false;
		}
		Optional<Ipv4Prefix> cidr = Addresses.cidr(network);
		return out.getAddresses().stream().anyMatch(a -> a.getNetwork() == network)
				|| cidr.map(c -> Addresses.of(out).stream().anyMatch(a -> c.contains(a.address()))).orElse(false);
	}
}
