package org.zkvm.dsl.lab;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.zkvm.dsl.analysis.Ipv4Address;
import org.zkvm.dsl.analysis.Ipv4Prefix;

/**
 * The modelled network as plain data, as the lab builds it: one node per KVM host, Linux LPAR,
 * partner LPAR, guest and outside network, each with its ports (devices), routes and the host's
 * forwarding, proxy_arp, ARP filter, forward filter and NAT. Ports that share a segment share one
 * layer 2 domain (a LAN switch, a HiperSockets LAN or an Open vSwitch bridge).
 */
public record LabNetwork(List<Node> nodes, List<Segment> segments) {

	public enum NodeKind {
		/** a KVM host: its setup.sh runs, its bridges are Open vSwitch */
		KVM_HOST,
		/** a Linux LPAR without guests: its setup.sh runs */
		LINUX_LPAR,
		/** z/OS, z/VSE or z/VM TCP/IP: a plain Linux namespace with the model's addresses and routes */
		PARTNER,
		/** a KVM guest: its network.sh runs */
		GUEST,
		/**
		 * a z/VM guest with IUCV or virtual CTC links: its network.sh runs (the s390 steps skipped), each
		 * link a veth pair through a switch of its own with the model's MTU
		 */
		ZVM_GUEST,
		/** a network outside the CEC (production, intranet), one host on it: the gateway or a free address */
		OUTSIDE
	}

	public enum SegmentKind {
		/** an OSA port's LAN or a HiperSockets LAN: a Linux bridge in a namespace of its own */
		SWITCH,
		/** an Open vSwitch bridge in its KVM host's namespace */
		OVS
	}

	public enum PortKind {
		/** one end of a veth pair; the other end is on the segment's switch, or an OVS port in the host */
		VETH,
		/** the internal port of an Open vSwitch bridge, made by setup.sh */
		OVS_INTERNAL,
		/** a MacVTap NIC: a macvlan on the host's OSA port, moved into the guest */
		MACVLAN,
		/** an 802.1Q VLAN device on another port of its node ({@code uplink} names it), made by setup.sh */
		VLAN,
		/** a bond over qeth ports of its node, made by setup.sh */
		BOND,
		/**
		 * a qeth port in a bond ({@code uplink} names the bond): one end of a veth pair to its switch, but
		 * no end of its own on the LAN (the bond sends and answers for the host)
		 */
		MEMBER
	}

	/**
	 * A device of a node. {@code layer3} marks a layer 3 qeth device, which has no ARP of its own on
	 * Z (the lab's veth has): a layer 3 LAN resolves only registered addresses (facts §7, item 4).
	 * A guest's NIC has the identity the guest finds it by ({@code guestNic}; null for other ports).
	 * A bond member has its chpid ({@code CEC.ID}): the ports that fail together when it does.
	 */
	public record Port(String name, String segment, List<Ipv4Prefix> addresses, int mtu, PortKind kind, boolean layer3, String uplink,
			GuestNic guestNic, VlanAccess access, String chpid) {

		public Port(String name, String segment, List<Ipv4Prefix> addresses, int mtu, PortKind kind, boolean layer3, String uplink, GuestNic guestNic) {
			this(name, segment, addresses, mtu, kind, layer3, uplink, guestNic, null, null);
		}

		public Optional<Ipv4Address> firstAddress() {
			return addresses.stream().findFirst().map(Ipv4Prefix::address);
		}

		/** The segment the port's frames are on: its VLAN's LAN for an access port, else its own segment. */
		public String lan() {
			return access == null ? segment : access.segment();
		}
	}

	/**
	 * A guest NIC that is an access port of a VLAN on its Open vSwitch bridge (libvirt's
	 * {@code <vlan><tag>}): the bridge tags its frames with {@code id} on the way out, so the NIC is on
	 * the VLAN's LAN ({@code segment}), not on the untagged LAN of the bridge's uplink.
	 */
	public record VlanAccess(int id, String segment) {
	}

	/** A guest NIC's MAC and the name the guest's kernel gives it before its files rename it (GuestNicIdentity). */
	public record GuestNic(String mac, String kernelName) {
	}

	/** A route: destination, optional gateway, optional device (resolved from the gateway when absent). */
	public record Route(Ipv4Prefix destination, Ipv4Address gateway, String device) {
	}

	public enum Action {
		ACCEPT, DROP
	}

	/** An ARP filter rule: null fields match anything. */
	public record ArpRule(Action action, Ipv4Prefix target, Ipv4Prefix sender, String in) {
	}

	/** A forward filter rule: null fields match anything. */
	public record ForwardRule(Action action, String in, String out, Ipv4Prefix from, Ipv4Prefix to, boolean established) {
	}

	/** Filter chains with their default policy; null when the model has none (everything passes). */
	public record ArpFilter(Action policy, List<ArpRule> rules) {
	}

	public record ForwardFilter(Action policy, List<ForwardRule> rules) {

		/** The first rule that takes a packet; {@code established} whether the node saw its connection's first packet. */
		public Optional<ForwardRule> match(String in, String out, Ipv4Address source, Ipv4Address destination, boolean established) {
			return rules.stream().filter(rule -> (rule.in() == null || rule.in().equals(in)) && (rule.out() == null || rule.out().equals(out))
					&& (rule.from() == null || rule.from().contains(source)) && (rule.to() == null || rule.to().contains(destination))
					&& (!rule.established() || established)).findFirst();
		}

		/** What the filter does with the packet: its first matching rule's action, or the policy. */
		public Action verdict(String in, String out, Ipv4Address source, Ipv4Address destination, boolean established) {
			return match(in, out, source, destination, established).map(ForwardRule::action).orElse(policy);
		}
	}

	/** Masquerade what leaves {@code out} from a source in one of {@code sources}. */
	public record Nat(List<Ipv4Prefix> sources, String out) {
	}

	/** rp_filter as the kernel numbers it: 0 off, 1 strict, 2 loose. */
	public enum RpFilter {
		OFF, STRICT, LOOSE;

		public int value() {
			return ordinal();
		}

		/** The mode in force: the kernel applies the larger of conf.all.rp_filter and conf.IFACE.rp_filter (ip-sysctl.rst). */
		public RpFilter atLeast(RpFilter all) {
			return value() >= all.value() ? this : all;
		}
	}

	/**
	 * A node's rp_filter: conf.all as its distribution leaves it ({@code distributionAll}, the
	 * state the node boots into) and as zknet's files leave it ({@code all}), every interface's own
	 * value from the distribution ({@code interfaceDefault}), and the model's per interface.
	 */
	public record RpFilters(RpFilter distributionAll, RpFilter all, RpFilter interfaceDefault, Map<String, RpFilter> interfaces) {
		public static final RpFilters KERNEL = new RpFilters(RpFilter.OFF, RpFilter.OFF, RpFilter.OFF, Map.of());
	}

	/**
	 * A node. {@code id} names it in the model ("LPAR Z13A.LPAR11", "guest LPAR11.vm11a", "network
	 * production"); {@code folder} is its generated folder relative to the output root, or null;
	 * {@code host} is a guest's KVM host.
	 */
	public record Node(String id, NodeKind kind, String host, List<Port> ports, List<Route> routes, List<String> forwarding, List<String> proxyArp,
			RpFilters rpFilters, ArpFilter arpFilter, ForwardFilter forwardFilter, List<Nat> nats, String folder) {

		/** The rp_filter mode in force on one of the node's interfaces once its files are applied. */
		public RpFilter rpFilter(String port) {
			return rpFilters.interfaces().getOrDefault(port, rpFilters.interfaceDefault()).atLeast(rpFilters.all());
		}

		public Optional<Port> port(String name) {
			return ports.stream().filter(p -> p.name().equals(name)).findFirst();
		}

		public boolean owns(Ipv4Address address) {
			return ports.stream().anyMatch(p -> p.addresses().stream().anyMatch(a -> a.address().equals(address)));
		}

		public Optional<Ipv4Address> firstAddress() {
			return ports.stream().flatMap(p -> p.addresses().stream()).findFirst().map(Ipv4Prefix::address);
		}
	}

	/**
	 * A layer 2 domain. For OVS: the host's node id and the bridge; {@code uplinks} are the OSA ports
	 * that attach it to the LAN (one, or the members of an Open vSwitch bond), none for a routed bridge.
	 * A LAN that the site's switches carry as an 802.1Q VLAN has its tag in {@code vlan} (0: untagged).
	 */
	public record Segment(String id, SegmentKind kind, String host, String bridge, List<String> uplinks, int vlan) {

		/** The port the bridge's frames leave by: the uplink, or an active-backup bond's first member until it fails over. */
		public String uplink() {
			return uplinks.isEmpty() ? null : uplinks.get(0);
		}
	}

	public Optional<Node> node(String id) {
		return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
	}

	public Optional<Segment> segment(String id) {
		return segments.stream().filter(s -> s.id().equals(id)).findFirst();
	}
}
