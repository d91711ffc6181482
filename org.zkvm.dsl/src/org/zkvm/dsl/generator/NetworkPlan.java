package org.zkvm.dsl.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.zkvm.dsl.analysis.IpAddress;
import org.zkvm.dsl.analysis.IpPrefix;
import org.zkvm.dsl.analysis.Ipv4Address;
import org.zkvm.dsl.analysis.Ipv6Address;
import org.zkvm.dsl.analysis.Ipv6Prefix;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.topology.Addresses;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.Links;
import org.zkvm.dsl.topology.ProxyNeighbours;
import org.zkvm.dsl.topology.Routes;
import org.zkvm.dsl.topology.ZvmLans;
import org.zkvm.dsl.topology.ZvmLinks;
import org.zkvm.dsl.zknet.BondInterface;
import org.zkvm.dsl.zknet.BondMode;
import org.zkvm.dsl.zknet.Distribution;
import org.zkvm.dsl.zknet.Guest;
import org.zkvm.dsl.zknet.GuestRoute;
import org.zkvm.dsl.zknet.HiperSocketsInterface;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.HostRoute;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.QethInterface;
import org.zkvm.dsl.zknet.VlanInterface;
import org.zkvm.dsl.zknet.ZvmCluster;
import org.zkvm.dsl.zknet.Vswitch;
import org.zkvm.dsl.zknet.ZvmGuest;
import org.zkvm.dsl.zknet.ZvmGuestRoute;
import org.zkvm.dsl.zknet.ZvmNic;
import org.zkvm.dsl.zknet.ZvmSystem;

/**
 * The persistent network configuration of one machine (a host LPAR or a guest), independent of the
 * distribution: its links with addresses and MTU, and its routes, each resolved to the interface
 * it leaves by. The SUSE, NetworkManager and netplan templates and the routing-table view all
 * render this, so the three distributions get the same network. {@code path} names the machine
 * uniquely in the model (CEC/LPAR or CEC/LPAR/guest), {@code scope} as messages name it (LPAR or LPAR.guest). A host without 'distro' is SUSE, the seed's
 * own distribution (the language's default); a guest without one runs its host's.
 */
public record NetworkPlan(String machine, String path, String scope, Distribution distribution, List<Link> links, List<Route> routes) {

	public enum Kind {
		/** an OSA or HiperSockets qeth group device */
		QETH,
		/** an Open vSwitch bridge; its internal port carries the addresses */
		OVS_BRIDGE,
		/** a guest's virtio NIC */
		VIRTIO,
		/** a z/VM guest's virtual CTC (ctcm, read and write subchannel) */
		CTC,
		/** a z/VM guest's netiucv connection */
		IUCV,
		/** an 802.1Q VLAN device on another link of the machine */
		VLAN,
		/** a Linux bond over qeth links of the machine */
		BOND
	}

	/**
	 * One link. For an OVS bridge, {@code port} is the internal port with the addresses (the bridge's
	 * own name or its vnic), {@code uplink} the attached qeth port, VLAN or bond, if any, {@code bond}
	 * its Open vSwitch bond, if any, and {@code trunks} the VLANs its port to the LAN carries (all when
	 * empty). {@code master} is the bond a qeth link is a member of; {@code vlan} a VLAN's parent and id.
	 * {@code ipv6} is the link's IPv6: its static addresses, whether it takes addresses and the default
	 * route from router advertisements, and the addresses it answers neighbour solicitations for.
	 */
	public record Link(String name, Kind kind, String port, List<Ipv4Prefix> addresses, int mtu, String subchannels, List<String> s390Options, String uplink, String mac, String description,
			String master, Vlan vlan, Bond bond, List<Integer> trunks, Ipv6 ipv6) {

		public Link(String name, Kind kind, String port, List<Ipv4Prefix> addresses, int mtu, String subchannels, List<String> s390Options, String uplink, String mac,
				String description) {
			this(name, kind, port, addresses, mtu, subchannels, s390Options, uplink, mac, description, null, null, null, List.of(), Ipv6.NONE);
		}

		/** Every static address of the link: IPv4, then IPv6. */
		public List<IpPrefix> allAddresses() {
			List<IpPrefix> result = new ArrayList<>(addresses);
			result.addAll(ipv6.addresses());
			return result;
		}

		/** The link with its IPv6. */
		Link withIpv6(Ipv6 settings) {
			return new Link(name, kind, port, addresses, mtu, subchannels, s390Options, uplink, mac, description, master, vlan, bond, trunks, settings);
		}

		/** An Open vSwitch bridge's port to the LAN, which carries its trunks: the uplink or the Open vSwitch bond's port; null when routed. */
		public String lanPort() {
			return uplink != null ? uplink : bond != null && kind == Kind.OVS_BRIDGE ? bond.port() : null;
		}

		/** Whether the link is a bond's member: it has no addresses or routes of its own. */
		public boolean enslaved() {
			return master != null;
		}

		/** Whether the model gives this link an MTU (else the distribution's default applies). */
		public boolean hasMtu() {
			return mtu != 0;
		}
	}

	/**
	 * A link's IPv6: static addresses, 'address slaac' (addresses and default route from router
	 * advertisements, RFC 4862), and the proxy NDP entries the host answers for on it.
	 */
	public record Ipv6(List<Ipv6Prefix> addresses, boolean slaac, List<Ipv6Address> proxies) {

		public static final Ipv6 NONE = new Ipv6(List.of(), false, List.of());

		/** Whether the link carries IPv6 at all (else the distributions' files leave IPv6 to the kernel's defaults). */
		public boolean any() {
			return slaac || !addresses.isEmpty();
		}

		static Ipv6 of(EObject owner, List<Ipv6Address> proxies) {
			return new Ipv6(Addresses.ipv6Of(owner), Addresses.slaac(owner), proxies);
		}
	}

	/** A VLAN device's parent link and VLAN id (1-4094). */
	public record Vlan(String parent, int id) {
	}

	/**
	 * A bond: its members in order and its options as the bonding driver names them
	 * (mode=active-backup, miimon=100, fail_over_mac=active, primary=NAME); for an Open vSwitch
	 * bond on a bridge, {@code port} is the bond's port and the one option is bond_mode=MODE.
	 */
	public record Bond(String port, List<String> members, List<String> options) {

		public String option(String key) {
			return options.stream().filter(o -> o.startsWith(key + "=")).map(o -> o.substring(key.length() + 1)).findFirst().orElse(null);
		}
	}

	/**
	 * One static route: the destination subnet (0.0.0.0/0 for the default route), the next hop if any,
	 * the device it leaves by (null when the model names none and no connected subnet decides), and
	 * whether the model names that device (setup.sh then passes it to ip; else the kernel picks it).
	 */
	public record Route(IpPrefix prefix, Optional<IpAddress> gateway, String device, boolean deviceNamed, int metric) {

		public boolean isDefault() {
			return prefix.length() == 0;
		}

		public boolean isIpv6() {
			return prefix.isIpv6();
		}

		/**
		 * As ip, wicked and netplan write it: 'default' or a CIDR subnet. An IPv6 default route is
		 * 'default' where its gateway gives the family, else ::/0.
		 */
		public String destination() {
			return isDefault() && (!isIpv6() || gateway.isPresent()) ? "default" : prefix.toString();
		}

		/** As setup.sh passes it to 'ip route': destination [via gateway] [dev device] [metric n], the device only where the model names it. */
		public String ipArguments() {
			StringBuilder b = new StringBuilder(destination());
			gateway.ifPresent(g -> b.append(" via ").append(g));
			if (deviceNamed) {
				b.append(" dev ").append(Shell.quote(device));
			}
			if (metric != 0) {
				b.append(" metric ").append(metric);
			}
			return b.toString();
		}
	}

	/** The routes leaving by the link. */
	public List<Route> routesVia(Link link) {
		return routes.stream().filter(r -> link.port().equals(r.device())).toList();
	}

	/** The IPv4 or IPv6 routes leaving by the link. */
	public List<Route> routesVia(Link link, boolean ipv6) {
		return routes.stream().filter(r -> link.port().equals(r.device()) && r.isIpv6() == ipv6).toList();
	}

	/** Routes whose device the model leaves open and no connected subnet decides. */
	public List<Route> routesWithoutDevice() {
		return routes.stream().filter(r -> r.device() == null).toList();
	}

	public static NetworkPlan of(Lpar lpar) {
		List<Link> links = new ArrayList<>();
		for (HostInterface iface : Hosts.interfaces(lpar)) {
			Link link = link(iface);
			links.add(link.enslaved() ? link : link.withIpv6(Ipv6.of(iface, ProxyNeighbours.entries(lpar, iface))));
		}
		List<Route> routes = new ArrayList<>();
		for (HostRoute route : Hosts.members(lpar, HostRoute.class)) {
			Optional<IpAddress> gateway = Routes.gatewayIp(route);
			String device = route.getDevice() != null ? HostFacts.portName(route.getDevice()) : deviceFor(links, gateway);
			for (IpPrefix destination : Routes.destinationsIp(route)) {
				routes.add(new Route(destination, gateway, device, route.getDevice() != null, route.getMetric()));
			}
		}
		String path = NetworkManagerIds.path(lpar);
		return new NetworkPlan(lpar.getName(), path, Hosts.path(lpar), lpar.getDistro(), links, routes);
	}

	public static NetworkPlan of(Guest guest) {
		List<Link> links = new ArrayList<>();
		for (var member : guest.getMembers()) {
			if (member instanceof Nic nic) {
				String on = nic.getUplink() != null ? "MacVTap on " + nic.getUplink().getName()
						: "OVS bridge " + nic.getBridge().getName() + (nic.getVlan() != 0 ? ", access port of VLAN " + nic.getVlan() : "");
				links.add(new Link(nic.getName(), Kind.VIRTIO, nic.getName(), Addresses.of(nic), Hosts.mtu(nic), null, List.of(), null, Hosts.mac(nic),
						"virtio NIC on " + on).withIpv6(Ipv6.of(nic, List.of())));
			}
		}
		List<Route> routes = new ArrayList<>();
		for (var member : guest.getMembers()) {
			if (member instanceof GuestRoute route) {
				Optional<IpAddress> gateway = Addresses.parseIp(route.getGateway());
				String device = route.getDevice() != null ? route.getDevice().getName() : deviceFor(links, gateway);
				Routes.destinationIp(route.isDefaultRoute(), route.getDestination(), route.getGateway())
						.ifPresent(destination -> routes.add(new Route(destination, gateway, device, route.getDevice() != null, route.getMetric())));
			}
		}
		Lpar host = Hosts.lparOf(guest);
		Distribution distribution = Hosts.distribution(guest);
		String path = Hosts.cecOf(guest).getName() + "/" + host.getName() + "/" + guest.getName();
		return new NetworkPlan(guest.getName(), path, Hosts.path(guest), distribution, links, routes);
	}

	/**
	 * A z/VM guest's NICs on VSWITCHes and guest LANs (qeth devices of three virtual devices, layer 2
	 * on an ETHERNET LAN), then its IUCV and virtual CTC links: each a point-to-point link with the
	 * guest's address as a /32 and a route to the partner's address on the link (what 'ip addr add A
	 * peer B' makes, in a form every distribution's files can say), then the guest's own routes. A
	 * guest without 'distro' runs SUSE.
	 */
	public static NetworkPlan of(ZvmGuest guest) {
		List<Link> links = new ArrayList<>();
		List<Route> routes = new ArrayList<>();
		for (ZvmNic nic : ZvmLans.nics(guest)) {
			if (nic.getLan() == null || nic.getLan().eIsProxy() || ZvmLans.device(nic).isEmpty()) {
				continue;
			}
			int device = ZvmLans.device(nic).get();
			String subchannels = ZvmLinks.busId(device) + "," + ZvmLinks.busId(device + 1) + "," + ZvmLinks.busId(device + 2);
			String on = (nic.getLan() instanceof Vswitch ? "VSWITCH " : "guest LAN ") + nic.getLan().getName() + (nic.getVlan() != 0 ? " VLAN " + nic.getVlan() : "");
			links.add(new Link(nic.getName(), Kind.QETH, nic.getName(), Addresses.of(nic), ZvmLans.mtu(nic), subchannels,
					List.of("layer2=" + (ZvmLans.layer(nic.getLan()) == 2 ? 1 : 0)), null, null, "NIC " + ZvmLinks.vdev(device) + " on " + on)
					.withIpv6(Ipv6.of(nic, List.of())));
		}
		for (ZvmLinks.Side side : ZvmLinks.sides(guest)) {
			String name = side.link().getName();
			List<Ipv4Prefix> addresses = Addresses.parseAddress(side.address()).map(a -> List.of(new Ipv4Prefix(a, 32))).orElse(List.of());
			if (side.ctc()) {
				links.add(new Link(name, Kind.CTC, name, addresses, side.link().getMtu(), ZvmLinks.busId(side.readDevice()) + ";" + ZvmLinks.busId(side.writeDevice()),
						List.of(), null, null, "virtual CTC to " + side.partner().getName()));
			} else {
				links.add(new Link(name, Kind.IUCV, name, addresses, side.link().getMtu(), null, List.of(), null, null, "netiucv connection to " + side.partner().getName()));
			}
			Addresses.parseAddress(side.peerAddress()).ifPresent(peer -> routes.add(new Route(new Ipv4Prefix(peer, 32), Optional.empty(), name, true, 0)));
		}
		for (ZvmGuestRoute route : ZvmLans.routes(guest)) {
			Optional<IpAddress> gateway = Addresses.parseIp(route.getGateway());
			boolean named = route.getDevice() != null && !route.getDevice().eIsProxy();
			String device = named ? route.getDevice().getName() : deviceFor(links, gateway);
			Routes.destinationIp(route.isDefaultRoute(), route.getDestination(), route.getGateway())
					.ifPresent(destination -> routes.add(new Route(destination, gateway, device, named, route.getMetric())));
		}
		ZvmSystem system = guest.getSystem();
		String cluster = ((ZvmCluster) guest.eContainer()).getName();
		String path = "zvm/" + cluster + "/" + system.getName() + "/" + guest.getName();
		return new NetworkPlan(guest.getName(), path, cluster + "." + guest.getName(), guest.getDistro(), links, routes);
	}

	private static Link link(HostInterface iface) {
		if (iface instanceof QethInterface qeth) {
			String what = (qeth instanceof HiperSocketsInterface ? "HiperSockets" : "OSA") + " layer " + Hosts.layer(qeth);
			// NetworkManager accepts only its own s390 options (valid_s390_opts, libnm-core nm-setting-wired.c):
			// layer2 is one, the VNIC characteristics are not; chzdev -e persists those (setup.sh, zknet_qeth)
			List<String> options = HostFacts.chzdevAttributes(qeth).stream().filter(o -> o.startsWith("layer2=")).toList();
			String master = Links.bondOf(qeth).map(BondInterface::getName).orElse(null);
			// a bond's member takes the bond's MTU and carries no address of its own (bonding.rst)
			return new Link(qeth.getName(), Kind.QETH, qeth.getName(), master != null ? List.of() : Addresses.of(qeth), master != null ? 0 : qeth.getMtu(),
					HostFacts.triplet(qeth).replace(':', ','), options, null, null,
					what + ", device " + HostFacts.readDevice(qeth) + (master != null ? ", member of bond " + master : ""), master, null, null, List.of(), Ipv6.NONE);
		}
		if (iface instanceof VlanInterface vlan) {
			String parent = Links.parent(vlan).map(HostInterface::getName).orElse("?");
			return new Link(vlan.getName(), Kind.VLAN, vlan.getName(), Addresses.of(vlan), vlan.getMtu(), null, List.of(), null, null,
					"VLAN " + vlan.getVlanId() + " on " + parent, null, new Vlan(parent, vlan.getVlanId()), null, List.of(), Ipv6.NONE);
		}
		if (iface instanceof BondInterface bond) {
			List<String> members = Links.members(bond).stream().map(QethInterface::getName).toList();
			return new Link(bond.getName(), Kind.BOND, bond.getName(), Addresses.of(bond), bond.getMtu(), null, List.of(), null, null,
					"bond (" + HostFacts.bondMode(Links.mode(bond)) + ") of " + String.join(", ", members), null, null, new Bond(bond.getName(), members, bondOptions(bond)), List.of(),
					Ipv6.NONE);
		}
		OvsBridge bridge = (OvsBridge) iface;
		String uplink = !bridge.isRouted() && bridge.getUplink() != null ? bridge.getUplink().getName() : null;
		Bond bond = null;
		String what = bridge.isRouted() ? "routed OVS bridge" : "OVS bridge attached to " + uplink;
		if (!bridge.getBondMembers().isEmpty()) {
			bond = ovsBond(bridge);
			what = "OVS bridge with the Open vSwitch bond " + bond.port() + " (" + bond.option("bond_mode") + ") of " + String.join(", ", bond.members());
		}
		return new Link(bridge.getName(), Kind.OVS_BRIDGE, HostFacts.port(bridge), Addresses.of(bridge), bridge.getMtu(), null,
				List.of(), uplink, null, what, null, null, bond, List.copyOf(bridge.getTrunks()), Ipv6.NONE);
	}

	/** A bridge's Open vSwitch bond: its port (BRIDGE-bond), members and bond_mode. */
	static Bond ovsBond(OvsBridge bridge) {
		return new Bond(HostFacts.ovsBondPort(bridge), Links.ovsBondMembers(bridge).stream().map(QethInterface::getName).toList(),
				List.of("bond_mode=" + Links.ovsBondMode(bridge).getLiteral()));
	}

	/** The bonding driver's options in the order they must be set (bonding.rst; docs/vlans-and-bonds.md): mode, fail_over_mac, miimon, primary. */
	static List<String> bondOptions(BondInterface bond) {
		List<String> options = new ArrayList<>();
		options.add("mode=" + HostFacts.bondMode(Links.mode(bond)));
		if (Links.mode(bond) == BondMode.ACTIVE_BACKUP) {
			options.add("fail_over_mac=" + Links.failOverMac(bond).getLiteral());
		}
		options.add("miimon=" + Links.miimon(bond));
		if (Links.mode(bond) == BondMode.ACTIVE_BACKUP) {
			Links.primary(bond).ifPresent(p -> options.add("primary=" + p.getName()));
		}
		return options;
	}

	/** The link whose connected subnet holds the gateway: the one the kernel picks. */
	private static String deviceFor(List<Link> links, Optional<IpAddress> gateway) {
		if (gateway.isEmpty()) {
			return null;
		}
		for (Link link : links) {
			for (IpPrefix address : gateway.get().isIpv6() ? link.ipv6().addresses() : link.addresses()) {
				if (address.contains(gateway.get())) {
					return link.port();
				}
			}
		}
		return null;
	}
}
