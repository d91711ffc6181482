package org.zkvm.dsl.generator;

import java.util.List;

import org.zkvm.dsl.analysis.IpPrefix;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.zknet.Distribution;
import org.zkvm.dsl.zknet.Lpar;

/**
 * Everything generated for one host LPAR, read from the model once (HostPlanReader): setup.sh,
 * teardown.sh, sysctl.d, the filters and their boot unit, udev rules and the distribution's own
 * files all render this plan, so the files a host boots with cannot disagree with what setup.sh
 * applies. {@code network} is the part the distributions' files share with the guests'
 * (NetworkPlan); the rest is what only a host has.
 */
public record HostPlan(String name, String scope, Distribution distribution, List<Access> management, List<Qeth> qeth, List<Bridge> bridges,
		NetworkPlan network, List<NetworkManagerIds.Profile> networkManagerProfiles, Filters filters, Kernel kernel) {

	public static HostPlan of(Lpar lpar) {
		return HostPlanReader.read(lpar);
	}

	/** The host's filters and NAT alone, as its plan holds them (for checks that need no more of the plan). */
	public static Filters filtersOf(Lpar lpar) {
		return HostPlanReader.filters(lpar);
	}

	/** The admin's way in, which no step may take down (zknet-apply.sh). */
	public record Access(String iface, String address, String gateway) {
	}

	/** A qeth group device: read bus-ID, read:write:data, chzdev attributes (facts §1.2, §1.3). */
	public record Qeth(String name, String readDevice, String triplet, List<String> attributes, int mtu, List<IpPrefix> addresses) {
	}

	/**
	 * An Open vSwitch bridge: its internal port carries the addresses; {@code uplink} is the attached
	 * qeth port, VLAN or bond, {@code bond} its Open vSwitch bond, both null when it is routed;
	 * {@code trunks} the VLANs its port to the LAN carries (all when empty); {@code rows} the Open vSwitch rows NetworkManager owns on RHEL.
	 */
	public record Bridge(String name, String port, int mtu, int txqueuelen, List<IpPrefix> addresses, String uplink, NetworkPlan.Bond bond, List<Integer> trunks,
			List<OvsRow> rows) {

		public boolean routed() {
			return uplink == null && bond == null;
		}

		/** The port to the LAN, which carries the trunks: the uplink or the Open vSwitch bond's port. */
		public String lanPort() {
			return uplink != null ? uplink : bond != null ? bond.port() : null;
		}
	}

	/** An Open vSwitch row of a NetworkManager profile: table (bridge, port, interface), name and the profile's UUID (nm-ovsdb.c). */
	public record OvsRow(String table, String name, String uuid) {
	}

	/**
	 * The host's filters, confined to the model's interfaces ({@code ports}): ARP and forward filter
	 * (null when the model has none), NAT, whether they are written for arptables/iptables, and whether
	 * the host carries IPv6 (its forward filter then lets ICMPv6's error messages through, docs/ipv6.md),
	 * and the ports IPv6 may be forwarded from when 'forwarding ipv6 on' names them (empty: none, or global).
	 */
	public record Filters(List<String> ports, RuleSet<ArpMatch> arp, RuleSet<ForwardMatch> forward, List<Masquerade> nat, boolean legacy, boolean ipv6,
			List<String> ipv6Forwarding) {

		public boolean any() {
			return arp != null || forward != null || !nat.isEmpty() || !ipv6Forwarding.isEmpty();
		}
	}

	/** Rules in the model's order, then the policy. */
	public record RuleSet<R>(List<R> rules, boolean drop) {
	}

	/** An ARP rule: the device it applies on (or null), the target and sender prefixes as written (or null). */
	public record ArpMatch(String iface, String target, String sender, boolean drop) {
	}

	/** A forward rule: in and out devices, source and destination prefixes as written (each may be null). */
	public record ForwardMatch(String in, String out, String source, String destination, boolean established, boolean drop) {
	}

	/** What leaves {@code out} from the bridge's subnets is masqueraded (seed 002, Scenario IV). */
	public record Masquerade(String out, List<Ipv4Prefix> sources) {
	}

	/**
	 * The kernel settings (facts §4.1): the distribution's rp_filter and what an unnamed interface
	 * keeps, whether conf.all.rp_filter must go to 0, global forwarding, and the per-interface keys.
	 */
	public record Kernel(String rpFilterDefault, String rpFilterUnnamed, boolean lowersAll, boolean forwardsGlobally, boolean forwardsIpv6,
			List<InterfaceSetting> settings, List<ProxyEntry> proxies) {

		public boolean any() {
			return lowersAll || forwardsGlobally || forwardsIpv6 || !settings.isEmpty() || !proxies.isEmpty();
		}
	}

	/** One per-interface kernel setting (facts §4.1), of net.ipv4.conf or, for {@code ipv6}, net.ipv6.conf (docs/ipv6.md). */
	public record InterfaceSetting(String iface, String parameter, int value, boolean ipv6) {

		public InterfaceSetting(String iface, String parameter, int value) {
			this(iface, parameter, value, false);
		}

		/** The sysctl key, with dots in the interface name written as '/' (facts §2.4). */
		public String key() {
			return Shell.sysctl(iface, parameter, ipv6);
		}
	}

	/** A generated file setup.sh installs: its path in the host's output folder, where it goes, its mode (zknet_file). */
	public record InstalledFile(String file, String target, String mode) {
	}

	/** A proxy NDP entry: the host answers neighbour solicitations on {@code iface} for {@code address} (docs/ipv6.md). */
	public record ProxyEntry(String iface, String address) {
	}
}
