package org.zkvm.dsl.lab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.zkvm.dsl.analysis.GuestNicIdentity;
import org.zkvm.dsl.analysis.IpAddress;
import org.zkvm.dsl.analysis.Ipv4Address;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.generator.HostFacts;
import org.zkvm.dsl.generator.HostPlan;
import org.zkvm.dsl.generator.Shell;
import org.zkvm.dsl.lab.LabNetwork.Action;
import org.zkvm.dsl.lab.LabNetwork.GuestNic;
import org.zkvm.dsl.lab.LabNetwork.Node;
import org.zkvm.dsl.lab.LabNetwork.NodeKind;
import org.zkvm.dsl.lab.LabNetwork.Port;
import org.zkvm.dsl.lab.LabNetwork.PortKind;
import org.zkvm.dsl.lab.LabNetwork.Route;
import org.zkvm.dsl.lab.LabNetwork.RpFilter;
import org.zkvm.dsl.lab.LabNetwork.RpFilters;
import org.zkvm.dsl.lab.LabNetwork.Segment;
import org.zkvm.dsl.lab.LabNetwork.SegmentKind;
import org.zkvm.dsl.lab.LabNetwork.VlanAccess;
import org.zkvm.dsl.topology.Addresses;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.Links;
import org.zkvm.dsl.topology.ReversePathFilter;
import org.zkvm.dsl.topology.Routes;
import org.zkvm.dsl.topology.ZvmLans;
import org.zkvm.dsl.zknet.BondInterface;
import org.zkvm.dsl.zknet.Cec;
import org.zkvm.dsl.zknet.Distribution;
import org.zkvm.dsl.zknet.Guest;
import org.zkvm.dsl.zknet.GuestRoute;
import org.zkvm.dsl.zknet.HiperSocketsInterface;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.HostRoute;
import org.zkvm.dsl.zknet.InterfaceAddress;
import org.zkvm.dsl.zknet.LinkInterface;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Model;
import org.zkvm.dsl.zknet.Network;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.OperatingSystem;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.QethInterface;
import org.zkvm.dsl.zknet.RpFilterMode;
import org.zkvm.dsl.zknet.VlanInterface;
import org.zkvm.dsl.zknet.ZvmCluster;
import org.zkvm.dsl.zknet.ZvmGuest;

/**
 * Reads the model as the lab builds it (see {@link LabNetwork}). An OSA port is on the LAN of the
 * network its address is in; a HiperSockets interface on its IQD chpid's LAN; a guest NIC on its
 * bridge, or on its MacVTap uplink's LAN. Every network with an OSA port on it becomes an outside
 * node whose one host is the network's gateway, or else its highest free address.
 */
public final class LabNetworkBuilder {

	private final List<Node> nodes = new ArrayList<>();
	private final Map<String, Segment> segments = new LinkedHashMap<>();
	private final List<Network> networks = new ArrayList<>();
	private final Set<Ipv4Address> used = new HashSet<>();

	private LabNetworkBuilder() {
	}

	public static LabNetwork build(List<Model> models) {
		return new LabNetworkBuilder().read(models);
	}

	private LabNetwork read(List<Model> models) {
		List<Lpar> lpars = new ArrayList<>();
		List<ZvmCluster> clusters = new ArrayList<>();
		for (Model model : models) {
			for (EObject element : model.getElements()) {
				if (element instanceof Network network) {
					networks.add(network);
				} else if (element instanceof Cec cec) {
					cec.getMembers().stream().filter(Lpar.class::isInstance).map(Lpar.class::cast).forEach(lpars::add);
				} else if (element instanceof ZvmCluster cluster) {
					clusters.add(cluster);
				}
			}
		}
		for (Lpar lpar : lpars) {
			Hosts.interfaces(lpar).forEach(i -> Addresses.of(i).forEach(a -> used.add(a.address())));
			Hosts.members(lpar, Guest.class).forEach(g -> nics(g).forEach(n -> Addresses.of(n).forEach(a -> used.add(a.address()))));
		}
		clusters.forEach(c -> c.getMembers().stream().filter(ZvmGuest.class::isInstance).map(ZvmGuest.class::cast)
				.forEach(g -> ZvmLans.nics(g).forEach(n -> Addresses.of(n).forEach(a -> used.add(a.address())))));
		Map<String, Integer> idCount = new HashMap<>();
		lpars.forEach(l -> idCount.merge(Hosts.endpoint(l), 1, Integer::sum));
		for (Lpar lpar : lpars) {
			if (lpar.getOs() == OperatingSystem.ZVM && Hosts.interfaces(lpar).isEmpty()) {
				continue;
			}
			String id = Hosts.endpoint(lpar) + (idCount.get(Hosts.endpoint(lpar)) > 1 ? " (" + Hosts.cecOf(lpar).getName() + ")" : "");
			addLpar(id, lpar);
		}
		clusters.forEach(cluster -> nodes.addAll(ZvmGuestNodes.of(cluster, id -> lan(id), networks)));
		addOutsideNodes();
		return new LabNetwork(List.copyOf(nodes), List.copyOf(segments.values()));
	}

	private void addLpar(String id, Lpar lpar) {
		NodeKind kind = lpar.getOs() == OperatingSystem.KVM ? NodeKind.KVM_HOST
				: lpar.getOs() == OperatingSystem.LINUX ? NodeKind.LINUX_LPAR : NodeKind.PARTNER;
		List<Port> ports = new ArrayList<>();
		for (HostInterface iface : Hosts.interfaces(lpar)) {
			if (iface instanceof QethInterface qeth && Links.bondOf(qeth).isEmpty()) {
				ports.add(new Port(qeth.getName(), segmentOf(qeth), Addresses.of(qeth), Hosts.mtu(qeth), PortKind.VETH, Hosts.layer(qeth) == 3, null, null, null,
						chpid(qeth)));
			} else if (iface instanceof QethInterface qeth) {
				// a bond member: cabled to its own switch, no end of its own (the bond answers for the host)
				// on the LAN of the bond's network where the bond has addresses of its own (its untagged frames), else on its chpid's
				BondInterface bond = Links.bondOf(qeth).get();
				ports.add(new Port(qeth.getName(), Addresses.of(bond).isEmpty() ? segmentOf(qeth) : segmentOf(bond), List.of(), Hosts.mtu(qeth),
						PortKind.MEMBER, Hosts.layer(qeth) == 3, bond.getName(), null, null, chpid(qeth)));
			} else if (iface instanceof VlanInterface vlan) {
				ports.add(new Port(vlan.getName(), segmentOf(vlan), Addresses.of(vlan), Hosts.mtu(vlan), PortKind.VLAN, Hosts.layer(vlan) == 3,
						Links.parent(vlan).map(LinkInterface::getName).orElse(null), null));
			} else if (iface instanceof BondInterface bond) {
				// a bond's members carry no address of their own: the bond is the host's port on the LAN
				ports.add(new Port(bond.getName(), segmentOf(bond), Addresses.of(bond), Hosts.mtu(bond), PortKind.BOND, false, null, null));
			} else if (iface instanceof OvsBridge bridge) {
				String segment = ovsSegment(id, bridge);
				ports.add(new Port(HostFacts.port(bridge), segment, Addresses.of(bridge), Hosts.mtu(bridge), PortKind.OVS_INTERNAL, false, null, null));
			}
		}
		boolean host = kind != NodeKind.PARTNER;
		if (!host) {
			// z/OS, z/VSE, z/VM TCP/IP: no generated files, the model's addresses and routes only
			nodes.add(new Node(id, kind, null, ports, partnerRoutes(lpar), List.of(), List.of(), RpFilters.KERNEL, null, null, List.of(), null));
			return;
		}
		// the host as its generated files set it up: the same HostPlan setup.sh, sysctl.d and the filters render
		HostPlan plan = HostPlan.of(lpar);
		List<Route> routes = plan.network().routes().stream().filter(r -> !r.isIpv6())
				.map(r -> new Route((Ipv4Prefix) r.prefix(), (Ipv4Address) r.gateway().orElse(null), r.deviceNamed() ? r.device() : null)).toList();
		List<String> forwarding = plan.kernel().forwardsGlobally() ? ports.stream().map(Port::name).toList() : setting(plan, "forwarding").keySet().stream().toList();
		List<String> proxyArp = setting(plan, "proxy_arp").keySet().stream().toList();
		Map<String, RpFilter> rpFilters = new LinkedHashMap<>();
		setting(plan, "rp_filter").forEach((iface, value) -> rpFilters.put(iface, RpFilter.values()[value]));
		String folder = Shell.fileName(Hosts.cecOf(lpar).getName()) + "/" + Shell.fileName(lpar.getName());
		nodes.add(new Node(id, kind, null, ports, routes, forwarding, proxyArp, new RpFilters(rp(ReversePathFilter.all(lpar.getDistro())),
				rp(ReversePathFilter.allAfterZknet(lpar)), rp(ReversePathFilter.interfaceDefault(lpar.getDistro())), rpFilters),
				arpFilter(plan.filters().arp()), forwardFilter(plan.filters().forward()), nats(plan.filters().nat()), folder));
		if (kind == NodeKind.KVM_HOST) {
			for (Guest guest : Hosts.members(lpar, Guest.class)) {
				addGuest(id, guest, folder + "/guests/" + Shell.fileName(guest.getName()));
			}
		}
	}

	/** A partner LPAR's routes, as the model gives them. */
	private static List<Route> partnerRoutes(Lpar lpar) {
		List<Route> routes = new ArrayList<>();
		for (HostRoute route : Hosts.members(lpar, HostRoute.class)) {
			String device = route.getDevice() == null || route.getDevice().eIsProxy() ? null : HostFacts.portName(route.getDevice());
			Ipv4Address gateway = Routes.gateway(route).orElse(null);
			Routes.destinations(route).forEach(d -> routes.add(new Route(d, gateway, device)));
		}
		return routes;
	}

	/** The interfaces the plan sets a per-interface sysctl on, with its value, in the plan's order. */
	private static Map<String, Integer> setting(HostPlan plan, String parameter) {
		Map<String, Integer> result = new LinkedHashMap<>();
		plan.kernel().settings().stream().filter(s -> !s.ipv6() && s.parameter().equals(parameter)).forEach(s -> result.put(s.iface(), s.value()));
		return result;
	}

	/** A guest's: its distribution's, zknet sets none in a guest. */
	private static RpFilters guestRpFilters(Distribution distribution) {
		RpFilter all = rp(ReversePathFilter.all(distribution));
		return new RpFilters(all, all, rp(ReversePathFilter.interfaceDefault(distribution)), Map.of());
	}

	private static RpFilter rp(RpFilterMode mode) {
		return RpFilter.valueOf(mode.getName().toUpperCase());
	}

	private static GuestNic guestNic(Nic nic) {
		return new GuestNic(Hosts.mac(nic), GuestNicIdentity.kernelName(Hosts.nicPosition(nic)));
	}

	private void addGuest(String hostId, Guest guest, String folder) {
		List<Port> ports = new ArrayList<>();
		for (Nic nic : nics(guest)) {
			if (nic.getBridge() != null && !nic.getBridge().eIsProxy()) {
				ports.add(new Port(nic.getName(), ovsSegment(hostId, nic.getBridge()), Addresses.of(nic), Hosts.mtu(nic), PortKind.VETH, false, null,
						guestNic(nic), nic.getVlan() == 0 ? null : new VlanAccess(nic.getVlan(), accessLan(nic, nic.getVlan())), null));
			} else if (nic.getUplink() != null && !nic.getUplink().eIsProxy()) {
				ports.add(new Port(nic.getName(), segmentOf(nic.getUplink()), Addresses.of(nic), Hosts.mtu(nic), PortKind.MACVLAN, false,
						nic.getUplink().getName(), guestNic(nic)));
			}
		}
		List<Route> routes = new ArrayList<>();
		for (var member : guest.getMembers()) {
			// the lab's simulation is IPv4's: an IPv6 route is not in it (docs/ipv6.md, "The lab")
			if (member instanceof GuestRoute route && !Routes.isIpv6(route.getDestination(), route.getGateway())) {
				Ipv4Prefix destination = route.isDefaultRoute() ? new Ipv4Prefix(new Ipv4Address(0), 0)
						: Addresses.parsePrefix(route.getDestination()).map(Ipv4Prefix::subnet).orElse(null);
				if (destination != null) {
					String device = route.getDevice() == null || route.getDevice().eIsProxy() ? null : route.getDevice().getName();
					routes.add(new Route(destination, Addresses.parseAddress(route.getGateway()).orElse(null), device));
				}
			}
		}
		nodes.add(new Node(Hosts.endpoint(guest), NodeKind.GUEST, hostId, ports, routes, List.of(), List.of(),
				guestRpFilters(Hosts.distribution(guest)), null, null, List.of(), folder));
	}

	private void addOutsideNodes() {
		for (Network network : networks) {
			String segment = "LAN of network " + network.getName();
			if (!segments.containsKey(segment)) {
				continue;
			}
			Optional<Ipv4Prefix> cidr = Addresses.cidr(network);
			if (cidr.isEmpty()) {
				continue;
			}
			Ipv4Address address = Addresses.parseAddress(network.getGateway()).orElseGet(() -> freeAddress(cidr.get()));
			used.add(address);
			int mtu = network.getMtu() != 0 ? network.getMtu() : segmentMtu(segment);
			Port port = new Port("lan0", segment, List.of(new Ipv4Prefix(address, cidr.get().length())), mtu, PortKind.VETH, false, null, null);
			nodes.add(new Node(Hosts.endpoint(network), NodeKind.OUTSIDE, null, List.of(port), probingRoutes(segment, cidr.get()), List.of(), List.of(),
					RpFilters.KERNEL, null, null, List.of(), null));
		}
	}

	/**
	 * The outside host tries every way in: a route to each of the model's other subnets through a
	 * host that has an address on this LAN (the owner of a guest subnet first). Whether the way is
	 * open is then the hosts' forwarding and filters alone, not a missing route out here.
	 */
	private List<Route> probingRoutes(String segment, Ipv4Prefix own) {
		List<Route> routes = new ArrayList<>();
		Set<Ipv4Prefix> seen = new HashSet<>();
		for (Node node : nodes) {
			for (Port port : node.ports()) {
				for (Ipv4Prefix address : port.addresses()) {
					Ipv4Prefix subnet = address.subnet();
					if (subnet.overlaps(own) || !seen.add(subnet)) {
						continue;
					}
					gatewayInto(segment, node).or(() -> anyGatewayInto(segment))
							.ifPresent(gateway -> routes.add(new Route(subnet, gateway, "lan0")));
				}
			}
		}
		return routes;
	}

	private Optional<Ipv4Address> gatewayInto(String segment, Node node) {
		Node host = node.kind() == NodeKind.GUEST ? hostOf(node) : node;
		if (host == null || host.kind() == NodeKind.PARTNER) {
			return Optional.empty();
		}
		return host.ports().stream().filter(p -> p.lan().equals(segment)).flatMap(p -> p.firstAddress().stream()).findFirst();
	}

	private Optional<Ipv4Address> anyGatewayInto(String segment) {
		return nodes.stream().filter(n -> n.kind() == NodeKind.KVM_HOST || n.kind() == NodeKind.LINUX_LPAR)
				.flatMap(n -> n.ports().stream()).filter(p -> p.lan().equals(segment)).flatMap(p -> p.firstAddress().stream()).findFirst();
	}

	private Node hostOf(Node guest) {
		return nodes.stream().filter(n -> n.id().equals(guest.host())).findFirst().orElse(null);
	}

	private Ipv4Address freeAddress(Ipv4Prefix cidr) {
		Ipv4Address candidate = cidr.networkAddress().plus((int) ((1L << (32 - cidr.length())) - 2));
		while (used.contains(candidate) && cidr.contains(candidate.plus(-1))) {
			candidate = candidate.plus(-1);
		}
		return candidate;
	}

	private int segmentMtu(String segment) {
		return nodes.stream().flatMap(n -> n.ports().stream()).filter(p -> p.lan().equals(segment)).mapToInt(Port::mtu).max().orElse(1500);
	}

	/**
	 * The LAN of a VLAN or a bond: its network's, where it has one (the site's switches join a VLAN's
	 * access ports and trunks); else a VLAN's own domain on its parent's LAN, or a bond's first member's LAN.
	 */
	private String segmentOf(LinkInterface link) {
		if (link instanceof QethInterface qeth) {
			return segmentOf(qeth);
		}
		Optional<Network> network = networkOf(link);
		if (network.isPresent()) {
			return lan("LAN of network " + network.get().getName(), link instanceof VlanInterface vlan ? vlan.getVlanId() : 0);
		}
		if (link instanceof VlanInterface vlan) {
			String parent = Links.parent(vlan).filter(p -> p != vlan).map(this::segmentOf).orElse("?");
			return lan(parent + " VLAN " + vlan.getVlanId(), vlan.getVlanId());
		}
		List<QethInterface> members = Links.qethUnder(link);
		return members.isEmpty() ? lan("LAN of " + link.getName()) : segmentOf(members.get(0));
	}

	private String segmentOf(QethInterface qeth) {
		Cec cec = Hosts.cecOf(qeth);
		if (qeth instanceof HiperSocketsInterface hs) {
			String lan = hs.getLan() == null || hs.getLan().eIsProxy() ? "?" : hs.getLan().getName();
			return lan("HiperSockets LAN " + cec.getName() + "." + lan);
		}
		Network network = networkOf(qeth).orElse(null);
		if (network != null) {
			return lan("LAN of network " + network.getName());
		}
		return lan("LAN of OSA chpid " + chpid(qeth));
	}

	/** The chpid a qeth port is on, as CEC.ID. */
	private static String chpid(QethInterface qeth) {
		return Hosts.cecOf(qeth).getName() + "." + Links.chpid(qeth);
	}

	private Optional<Network> networkOf(LinkInterface qeth) {
		for (InterfaceAddress address : qeth.getAddresses()) {
			if (address.getNetwork() != null && !address.getNetwork().eIsProxy()) {
				return Optional.of(address.getNetwork());
			}
		}
		List<Ipv4Prefix> addresses = new ArrayList<>(Addresses.of(qeth));
		// an OSA port without an address of its own is on the LAN of the guests behind it (attached bridge, MacVTap)
		for (Guest guest : Hosts.members(Hosts.lparOf(qeth), Guest.class)) {
			for (Nic nic : nics(guest)) {
				// an access port's frames cross the uplink tagged: its network is a VLAN's, not the uplink's own LAN
				if (nic.getVlan() == 0 && guestWayOut(nic).contains(qeth)) {
					for (InterfaceAddress address : nic.getAddresses()) {
						if (address.getNetwork() != null && !address.getNetwork().eIsProxy()) {
							return Optional.of(address.getNetwork());
						}
					}
					addresses.addAll(Addresses.of(nic));
				}
			}
		}
		for (Ipv4Prefix address : addresses) {
			for (Network network : networks) {
				if (Addresses.cidr(network).map(c -> c.contains(address.address())).orElse(false)) {
					return Optional.of(network);
				}
			}
		}
		return Optional.empty();
	}

	/** The interfaces under a guest NIC's way out: its MacVTap uplink or attached bridge's uplink, and the qeth ports under them. */
	private static Set<LinkInterface> guestWayOut(Nic nic) {
		Set<LinkInterface> result = new HashSet<>(Hosts.attachedUplink(nic).stream().toList());
		if (nic.getUplink() != null && !nic.getUplink().eIsProxy()) {
			result.addAll(Links.qethUnder(nic.getUplink()));
		} else if (nic.getBridge() != null && !nic.getBridge().eIsProxy()) {
			result.addAll(Links.qethUnder(nic.getBridge()));
		}
		return result;
	}

	private String ovsSegment(String hostId, OvsBridge bridge) {
		List<String> uplinks = bridge.isRouted() ? List.of() : bridge.getUplink() != null && !bridge.getUplink().eIsProxy() ? List.of(bridge.getUplink().getName())
				: Links.ovsBondMembers(bridge).stream().map(QethInterface::getName).toList();
		String id = "Open vSwitch " + Hosts.path(bridge);
		segments.putIfAbsent(id, new Segment(id, SegmentKind.OVS, hostId, bridge.getName(), uplinks, 0));
		return id;
	}

	/**
	 * The LAN of a guest NIC that is an access port of VLAN {@code id} on its bridge: its network's,
	 * as for a VLAN interface, else the VLAN's own domain on the bridge's uplink LAN.
	 */
	private String accessLan(Nic nic, int id) {
		Optional<Network> network = nic.getAddresses().stream().map(InterfaceAddress::getNetwork).filter(n -> n != null && !n.eIsProxy()).findFirst()
				.or(() -> Addresses.of(nic).stream().flatMap(a -> networks.stream().filter(n -> Addresses.cidr(n).map(c -> c.contains(a.address())).orElse(false)))
						.findFirst());
		if (network.isPresent()) {
			return lan("LAN of network " + network.get().getName(), id);
		}
		List<QethInterface> under = Links.qethUnder(nic.getBridge());
		return lan((under.isEmpty() ? "LAN of " + nic.getBridge().getName() : segmentOf(under.get(0))) + " VLAN " + id, id);
	}

	private String lan(String id) {
		return lan(id, 0);
	}

	/** A LAN of the site's switches; one that some port reaches as VLAN {@code vlan} is carried under that tag. */
	private String lan(String id, int vlan) {
		Segment known = segments.get(id);
		if (known == null || known.vlan() == 0 && vlan != 0) {
			segments.put(id, new Segment(id, SegmentKind.SWITCH, null, null, List.of(), vlan));
		}
		return id;
	}

	private static List<Nic> nics(Guest guest) {
		return guest.getMembers().stream().filter(Nic.class::isInstance).map(Nic.class::cast).toList();
	}

	private static LabNetwork.ArpFilter arpFilter(HostPlan.RuleSet<HostPlan.ArpMatch> filter) {
		if (filter == null) {
			return null;
		}
		// a rule with an IPv6 prefix never matches IPv4 (and ARP is IPv4's): it is no wildcard here
		List<LabNetwork.ArpRule> rules = filter.rules().stream().filter(r -> !IpAddress.isIpv6(r.target()) && !IpAddress.isIpv6(r.sender()))
				.map(r -> new LabNetwork.ArpRule(action(r.drop()), prefix(r.target()), prefix(r.sender()), r.iface())).toList();
		return new LabNetwork.ArpFilter(action(filter.drop()), rules);
	}

	/** The host's forward filter as the simulation reads it (the same the generated ruleset has), or null without one. */
	public static LabNetwork.ForwardFilter forwardFilter(Lpar lpar) {
		return forwardFilter(HostPlan.filtersOf(lpar).forward());
	}

	private static LabNetwork.ForwardFilter forwardFilter(HostPlan.RuleSet<HostPlan.ForwardMatch> filter) {
		if (filter == null) {
			return null;
		}
		// the simulation is IPv4's: a rule for IPv6 prefixes never matches its packets (and is no wildcard)
		List<LabNetwork.ForwardRule> rules = filter.rules().stream().filter(r -> !IpAddress.isIpv6(r.source()) && !IpAddress.isIpv6(r.destination()))
				.map(r -> new LabNetwork.ForwardRule(action(r.drop()), r.in(), r.out(),
				prefix(r.source()), prefix(r.destination()), r.established())).toList();
		return new LabNetwork.ForwardFilter(action(filter.drop()), rules);
	}

	private static List<LabNetwork.Nat> nats(List<HostPlan.Masquerade> nat) {
		return nat.stream().map(m -> new LabNetwork.Nat(m.sources(), m.out())).toList();
	}

	private static Action action(boolean drop) {
		return drop ? Action.DROP : Action.ACCEPT;
	}

	private static Ipv4Prefix prefix(String text) {
		return text == null ? null : Addresses.parsePrefix(text).orElse(null);
	}
}
