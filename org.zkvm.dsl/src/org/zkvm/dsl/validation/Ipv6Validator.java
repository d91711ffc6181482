package org.zkvm.dsl.validation;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;
import org.zkvm.dsl.analysis.IpAddress;
import org.zkvm.dsl.analysis.Ipv6Address;
import org.zkvm.dsl.analysis.Ipv6Prefix;
import org.zkvm.dsl.topology.Addresses;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.NetworkIndex.AddressUse;
import org.zkvm.dsl.topology.ProxyNeighbours;
import org.zkvm.dsl.topology.ZvmLans;
import org.zkvm.dsl.zknet.AcceptRa;
import org.zkvm.dsl.zknet.ArpRule;
import org.zkvm.dsl.zknet.Distribution;
import org.zkvm.dsl.zknet.FirewallTools;
import org.zkvm.dsl.zknet.ForwardFilter;
import org.zkvm.dsl.zknet.Forwarding;
import org.zkvm.dsl.zknet.ForwardRule;
import org.zkvm.dsl.zknet.Guest;
import org.zkvm.dsl.zknet.GuestRoute;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.HostRoute;
import org.zkvm.dsl.zknet.LinkInterface;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Management;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.PointToPointLink;
import org.zkvm.dsl.zknet.ProxyNdp;
import org.zkvm.dsl.zknet.QethInterface;
import org.zkvm.dsl.zknet.ZvmGuestRoute;
import org.zkvm.dsl.zknet.ZvmNic;

/**
 * IPv6 and its traps for the seed's routed-guest design (docs/ipv6.md): the 1280-byte minimum MTU,
 * link-local gateways, router advertisements on a forwarding interface, proxy NDP (no blanket form,
 * forwarding needed, no neighbour discovery at layer 3), and where IPv6 cannot go (ARP rules, netiucv
 * and ctcm, iptables).
 */
public class Ipv6Validator extends ZknetCheckBase {

	/** RFC 8200 §5: every link carries at least 1280 bytes; Linux removes IPv6 from a device set below it (addrconf_notify). */
	static final int MINIMUM_MTU = 1280;

	@Check
	public void checkMtu(HostInterface iface) {
		if (Addresses.hasIpv6(iface) && Hosts.mtu(iface) < MINIMUM_MTU) {
			reportMtu(iface, Hosts.mtu(iface), iface.getMtu() != 0 ? Z.getHostInterface_Mtu() : Z.getHostInterface_Name());
		}
	}

	@Check
	public void checkMtu(Nic nic) {
		if (Addresses.hasIpv6(nic) && Hosts.mtu(nic) < MINIMUM_MTU) {
			reportMtu(nic, Hosts.mtu(nic), nic.getMtu() != 0 ? Z.getNic_Mtu() : Z.getNic_Name());
		}
	}

	@Check
	public void checkMtu(ZvmNic nic) {
		if (Addresses.hasIpv6(nic) && ZvmLans.mtu(nic) != 0 && ZvmLans.mtu(nic) < MINIMUM_MTU) {
			reportMtu(nic, ZvmLans.mtu(nic), nic.getMtu() != 0 ? Z.getZvmNic_Mtu() : Z.getZvmNic_Name());
		}
	}

	private void reportMtu(EObject element, int mtu, EStructuralFeature feature) {
		report(IssueCodes.IPV6_MTU, "MTU " + mtu + " is below IPv6's minimum of " + MINIMUM_MTU + " (RFC 8200 §5): Linux removes every IPv6 address from "
				+ "a device set below it, static ones too (addrconf_notify); give at least " + MINIMUM_MTU + " or no IPv6 address", element, feature,
				String.valueOf(MINIMUM_MTU));
	}

	@Check
	public void checkGateway(HostRoute route) {
		checkLinkLocal(route.getGateway(), route.getDevice() != null, route, Z.getHostRoute_Gateway());
		Lpar lpar = Hosts.lparOf(route);
		if (lpar != null) {
			checkConnected(route.getGateway(), Hosts.interfaces(lpar).stream().flatMap(i -> Addresses.ipv6Of(i).stream()).toList(), lpar.getName(), route,
					Z.getHostRoute_Gateway());
		}
	}

	/**
	 * A guest's IPv6 gateway as its IPv4 one (ArpRoutingValidator): in a subnet of its NICs, and on a
	 * routed bridge the bridge's own address, the only router there (seed 002, Scenario II).
	 */
	@Check
	public void checkGateway(GuestRoute route) {
		checkLinkLocal(route.getGateway(), route.getDevice() != null, route, Z.getGuestRoute_Gateway());
		Guest guest = (Guest) route.eContainer();
		List<Nic> nics = guest.getMembers().stream().filter(Nic.class::isInstance).map(Nic.class::cast).toList();
		if (!checkConnected(route.getGateway(), nics.stream().flatMap(n -> Addresses.ipv6Of(n).stream()).toList(), guest.getName(), route,
				Z.getGuestRoute_Gateway())) {
			return;
		}
		Nic nic = route.getDevice() != null && !route.getDevice().eIsProxy() ? route.getDevice() : nics.isEmpty() ? null : nics.get(0);
		Optional<IpAddress> gateway = Addresses.parseIp(route.getGateway());
		if (route.isDefaultRoute() && gateway.isPresent() && gateway.get() instanceof Ipv6Address v6 && !v6.isLinkLocal() && nic != null
				&& nic.getBridge() != null && !nic.getBridge().eIsProxy() && nic.getBridge().isRouted()) {
			List<Ipv6Prefix> vnic = Addresses.ipv6Of(nic.getBridge());
			if (!vnic.isEmpty() && vnic.stream().noneMatch(a -> a.address().equals(v6))) {
				report(IssueCodes.ROUTE_GATEWAY, "the IPv6 default gateway of " + guest.getName() + " is " + v6 + ", but its NIC " + nic.getName()
						+ " is on the routed bridge " + nic.getBridge().getName() + " whose internal port (vnic) is " + vnic.get(0).address()
						+ ": only the host routes for the guests (seed 002, Scenario II); set the gateway to " + vnic.get(0).address(), route,
						Z.getGuestRoute_Gateway(), vnic.get(0).address().toString());
			}
		}
	}

	/** An IPv6 gateway that is not link-local must lie in a connected IPv6 subnet, or the kernel refuses the route; false when reported. */
	private boolean checkConnected(String text, List<Ipv6Prefix> connected, String owner, EObject route, EStructuralFeature feature) {
		Optional<IpAddress> gateway = Addresses.parseIp(text);
		if (gateway.isEmpty() || !(gateway.get() instanceof Ipv6Address v6) || v6.isLinkLocal() || connected.isEmpty()) {
			return true;
		}
		if (connected.stream().noneMatch(p -> p.subnet().contains(v6))) {
			report(IssueCodes.ROUTE_UNREACHABLE_GATEWAY, "gateway " + v6 + " is on none of " + owner + "'s connected IPv6 subnets ("
					+ connected.stream().map(p -> p.subnet().toString()).distinct().collect(Collectors.joining(", ")) + "): the kernel rejects the route; "
					+ "use an address of a connected subnet, or a link-local gateway with 'dev'", route, feature);
			return false;
		}
		return true;
	}

	@Check
	public void checkGateway(ZvmGuestRoute route) {
		checkLinkLocal(route.getGateway(), route.getDevice() != null, route, Z.getZvmGuestRoute_Gateway());
	}

	private void checkLinkLocal(String gateway, boolean device, EObject route, EStructuralFeature feature) {
		Optional<IpAddress> address = Addresses.parseIp(gateway);
		if (!device && address.isPresent() && address.get() instanceof Ipv6Address v6 && v6.isLinkLocal()) {
			report(IssueCodes.IPV6_LINK_LOCAL_GATEWAY, "the gateway " + v6 + " is link-local (fe80::/10, RFC 4291 §2.5.6): it is the same address on every "
					+ "link, so the route needs the interface it is on; add 'dev'", route, feature);
		}
	}

	/**
	 * A forwarding interface ignores router advertisements unless accept_ra=2, and writing forwarding=1 drops
	 * the default routes learned from them at once (ip-sysctl.rst accept_ra; addrconf.c rt6_purge_dflt_routers).
	 * On SUSE wicked leaves router advertisements to the kernel (ifsysctl(5)); NetworkManager and
	 * systemd-networkd take them in user space and keep their routes (docs/ipv6.md).
	 */
	@Check
	public void checkForwardingRa(Forwarding forwarding) {
		Lpar lpar = Hosts.lparOf(forwarding);
		if (!forwarding.isIpv6() || lpar == null || lpar.getDistro() != Distribution.SUSE) {
			return;
		}
		// Linux forwards IPv6 only with conf.all.forwarding, which makes every interface a router: each one that
		// takes router advertisements is concerned, named in this statement or not (the first statement reports)
		if (Hosts.members(lpar, Forwarding.class).stream().filter(Forwarding::isIpv6).findFirst().orElse(null) != forwarding) {
			return;
		}
		List<String> accepting = Hosts.acceptRaInterfaces(lpar);
		for (HostInterface iface : Hosts.interfaces(lpar)) {
			if (!Addresses.slaac(iface) || accepting.contains(iface.getName())) {
				continue;
			}
			int index = forwarding.getInterfaces().indexOf(iface);
			report(IssueCodes.IPV6_FORWARDING_RA, iface.getName() + " takes its IPv6 default route from router advertisements ('address slaac'), but "
					+ "IPv6 forwarding makes every interface a router: the kernel ignores them unless accept_ra=2 and drops the default route it learned "
					+ "at once (ip-sysctl.rst accept_ra; wicked leaves router advertisements to the kernel): add 'accept-ra on " + iface.getName() + "'",
					forwarding, index >= 0 ? Z.getForwarding_Interfaces() : forwarding.isGlobal() ? Z.getForwarding_Global() : Z.getForwarding_Ipv6(),
					index, iface.getName());
		}
	}

	/** 'accept-ra on' names the LPAR's interfaces or its management interface. */
	@Check
	public void checkAcceptRa(AcceptRa accept) {
		Lpar lpar = Hosts.lparOf(accept);
		if (lpar == null) {
			return;
		}
		for (int i = 0; i < accept.getInterfaces().size(); i++) {
			String name = accept.getInterfaces().get(i);
			boolean known = Hosts.interfaces(lpar).stream().anyMatch(iface -> name.equals(iface.getName()))
					|| Hosts.members(lpar, Management.class).stream().anyMatch(m -> name.equals(m.getIface()));
			if (!known) {
				report(IssueCodes.IPV6_UNSUPPORTED, "'" + name + "' is neither an interface of " + lpar.getName() + " nor its management interface: "
						+ "accept_ra would be set on nothing the model knows", accept, Z.getAcceptRa_Interfaces(), i);
			}
		}
	}

	/** iptables has no IPv6: per-interface IPv6 forwarding, which zknet's nftables filter makes, cannot be had with 'firewall legacy'. */
	@Check
	public void checkLegacyIpv6Forwarding(Forwarding forwarding) {
		Lpar lpar = Hosts.lparOf(forwarding);
		if (forwarding.isIpv6() && !forwarding.isGlobal() && lpar != null && lpar.getFirewall() == FirewallTools.LEGACY) {
			report(IssueCodes.IPV6_UNSUPPORTED, "IPv6 forwarding per interface needs nftables: Linux forwards IPv6 on every interface once it forwards it "
					+ "at all (conf.all.forwarding), and zknet's nftables filter confines it to the interfaces named; 'firewall legacy' writes iptables, "
					+ "which has no IPv6", forwarding, Z.getForwarding_Ipv6());
		}
	}

	@Check
	public void checkProxyNdp(ProxyNdp proxy) {
		HostInterface iface = proxy.getInterface();
		Lpar lpar = Hosts.lparOf(proxy);
		if (iface == null || iface.eIsProxy() || lpar == null) {
			return;
		}
		if (iface instanceof QethInterface qeth && Hosts.layer(qeth) == 3) {
			report(IssueCodes.IPV6_PROXY_NDP_LAYER3, iface.getName() + " runs layer 3: the " + (qeth instanceof org.zkvm.dsl.zknet.HiperSocketsInterface
					? "HiperSockets LAN does no neighbour discovery at layer 3" : "OSA does neighbour discovery itself at layer 3")
					+ ", so Linux never sees the solicitations proxy NDP would answer (IBM Device Drivers book, qeth features; register "
					+ "the addresses with the OSA, 'rxip add6', or use layer 2)", proxy, Z.getProxyNdp_Interface());
			return;
		}
		if (!Hosts.forwards(lpar, iface, true)) {
			report(IssueCodes.IPV6_PROXY_NDP_FORWARDING, "proxy NDP on " + iface.getName() + " without IPv6 forwarding there: the kernel answers "
					+ "for proxied addresses only on an interface that forwards (ndisc.c, ndisc_recv_ns); add 'forwarding ipv6 on " + iface.getName() + "'",
					proxy, Z.getProxyNdp_Interface(), iface.getName());
		}
		List<Ipv6Address> needed = ProxyNeighbours.needed(lpar, iface);
		if (!proxy.getAddresses().isEmpty()) {
			List<Ipv6Address> listed = ProxyNeighbours.listed(proxy);
			List<String> missing = needed.stream().filter(a -> !listed.contains(a)).map(Ipv6Address::toString).toList();
			if (!missing.isEmpty()) {
				report(IssueCodes.IPV6_PROXY_NDP_ENTRY, "proxy NDP on " + iface.getName() + " has no entry for " + String.join(", ", missing)
						+ ": IPv6 has no blanket proxy as proxy_arp is, the kernel answers only for addresses listed one by one, so nobody on "
						+ lan(iface) + " reaches " + (missing.size() == 1 ? "it" : "them") + "; list " + (missing.size() == 1 ? "it" : "them")
						+ ", or leave out 'for' and zknet lists what the host routes elsewhere", proxy, Z.getProxyNdp_Addresses(), 0,
						String.join(",", missing));
			}
		} else if (needed.isEmpty()) {
			report(IssueCodes.IPV6_PROXY_NDP_ENTRY, "proxy NDP on " + iface.getName() + " answers for nothing: no IPv6 address the host routes to another "
					+ "interface lies in " + iface.getName() + "'s IPv6 subnets" + (Addresses.ipv6Of(iface).isEmpty() ? " (it has none)" : ""), proxy,
					Z.getProxyNdp_Interface());
		}
		checkStolen(proxy, lpar, iface);
	}

	/** The IPv6 form of the same-subnet pitfall: answering for an address whose owner is on the LAN itself takes its traffic. */
	private void checkStolen(ProxyNdp proxy, Lpar lpar, HostInterface iface) {
		List<Ipv6Address> entries = ProxyNeighbours.entries(lpar, iface);
		for (Ipv6Address entry : entries) {
			List<AddressUse> owners = network(proxy).ipv6Owners(entry).stream().filter(u -> u.lpar() != lpar || u.owner() instanceof HostInterface h
					&& h != iface && !(h instanceof org.zkvm.dsl.zknet.OvsBridge b && b.isRouted())).toList();
			if (owners.isEmpty()) {
				continue;
			}
			int index = proxy.getAddresses().isEmpty() ? -1 : proxy.getAddresses().indexOf(entry.toString());
			report(IssueCodes.IPV6_PROXY_NDP_STEAL, "proxy NDP on " + iface.getName() + " answers for " + entry + ", which is "
					+ owners.stream().map(AddressUse::ownerPath).distinct().collect(Collectors.joining(", ")) + "'s address, not one the host routes "
					+ "elsewhere: the host takes its traffic from " + lan(iface) + " (the IPv6 form of the seed's same-subnet pitfall); remove the entry",
					proxy, proxy.getAddresses().isEmpty() ? Z.getProxyNdp_Interface() : Z.getProxyNdp_Addresses(), Math.max(index, proxy.getAddresses().isEmpty() ? -1 : 0));
			return;
		}
	}

	@Check
	public void checkArpRule(ArpRule rule) {
		if (IpAddress.isIpv6(rule.getTarget()) || IpAddress.isIpv6(rule.getSender())) {
			report(IssueCodes.IPV6_ARP_FILTER, "ARP is IPv4's: IPv6 neighbours use neighbour discovery (ICMPv6), which the ARP filter never sees; "
					+ "give this rule IPv4 prefixes only", rule, IpAddress.isIpv6(rule.getTarget()) ? Z.getArpRule_Target() : Z.getArpRule_Sender());
		}
	}

	@Check
	public void checkPointToPoint(PointToPointLink link) {
		if (IpAddress.isIpv6(link.getLeftAddress()) || IpAddress.isIpv6(link.getRightAddress())) {
			report(IssueCodes.IPV6_UNSUPPORTED, "netiucv and ctcm carry IPv4 only (every packet they receive is handed up as IPv4; docs/ipv6.md): "
					+ "give " + link.getName() + " IPv4 addresses, or use a NIC on a VSWITCH for IPv6", link,
					IpAddress.isIpv6(link.getLeftAddress()) ? Z.getPointToPointLink_LeftAddress() : Z.getPointToPointLink_RightAddress());
		}
	}

	/** iptables filters IPv4 only: with 'firewall legacy', IPv6 that the host forwards passes the model's forward filter unseen. */
	@Check
	public void checkLegacyForwardFilter(ForwardFilter filter) {
		Lpar lpar = Hosts.lparOf(filter);
		if (lpar != null && lpar.getFirewall() == FirewallTools.LEGACY && (Hosts.forwardsGlobally(lpar, true) || !Hosts.forwardedInterfaces(lpar, true).isEmpty())) {
			report(IssueCodes.IPV6_UNSUPPORTED, "'firewall legacy' writes iptables, which filters IPv4 only, but " + lpar.getName() + " forwards IPv6: "
					+ "IPv6 passes this forward filter unseen; leave out 'firewall legacy' (nftables' table inet filters both)", filter,
					Z.getForwardFilter_Policy());
		}
	}

	@Check
	public void checkLegacyForwardRule(ForwardRule rule) {
		Lpar lpar = Hosts.lparOf(rule);
		if (lpar != null && lpar.getFirewall() == FirewallTools.LEGACY
				&& (IpAddress.isIpv6(rule.getSource()) || IpAddress.isIpv6(rule.getDestination()))) {
			report(IssueCodes.IPV6_UNSUPPORTED, "'firewall legacy' writes iptables, which filters IPv4 only: an IPv6 prefix needs nftables "
					+ "(table inet; leave out 'firewall legacy')", rule, IpAddress.isIpv6(rule.getSource()) ? Z.getForwardRule_Source() : Z.getForwardRule_Destination());
		}
	}

	private static String lan(HostInterface iface) {
		return iface instanceof LinkInterface link ? Hosts.lanName(link) : "the LAN of " + iface.getName();
	}
}
