package org.zkvm.dsl.topology;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.zknet.ArpFilter;
import org.zkvm.dsl.zknet.ArpRule;
import org.zkvm.dsl.zknet.ForwardFilter;
import org.zkvm.dsl.zknet.ForwardRule;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.HostRoute;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Nat;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.QethInterface;

/** The ARP and forward filter rules the seed's setup uses, derived for one host (seed 002, "arptables" and "Firewall"). */
public final class FilterRules {
	private FilterRules() {
	}

	/** The host's own guest subnets (routed bridges) that lie in a LAN. */
	public static List<Ipv4Prefix> localGuestsIn(Lpar lpar, Ipv4Prefix lan) {
		List<Ipv4Prefix> result = new ArrayList<>();
		for (OvsBridge bridge : Hosts.members(lpar, OvsBridge.class)) {
			if (bridge.isRouted()) {
				for (Ipv4Prefix address : Addresses.of(bridge)) {
					if (lan.subnet().contains(address.subnet()) && !result.contains(address.subnet())) {
						result.add(address.subnet());
					}
				}
			}
		}
		return result;
	}

	/**
	 * ARP filter rules for a DROP policy: on each proxy_arp uplink the host's own addresses and its
	 * local guests, everything on a proxy_arp bridge, and the host's own addresses on every other
	 * layer 2 interface (a DROP policy drops the host's own ARP there too, facts §4.4).
	 */
	public static List<String> arpAccepts(Lpar lpar) {
		List<HostInterface> proxy = Hosts.proxyArpInterfaces(lpar);
		List<String> rules = new ArrayList<>();
		for (HostInterface iface : Hosts.interfaces(lpar)) {
			if (!Hosts.isLayer2(iface)) {
				continue;
			}
			if (iface instanceof OvsBridge) {
				if (proxy.contains(iface)) {
					rules.add("accept in " + iface.getName());
				}
				continue;
			}
			for (Ipv4Prefix address : Addresses.of(iface)) {
				rules.add("accept to " + address.address() + " in " + iface.getName());
				if (proxy.contains(iface)) {
					for (Ipv4Prefix guests : localGuestsIn(lpar, address)) {
						rules.add("accept to " + guests + " in " + iface.getName());
					}
				}
			}
		}
		return rules;
	}

	public static List<String> arpFilterBlock(Lpar lpar) {
		List<String> lines = new ArrayList<>();
		lines.add("arp-filter policy drop {");
		for (String rule : arpAccepts(lpar)) {
			lines.add("\t" + rule);
		}
		lines.add("}");
		return lines;
	}

	public static boolean hasArpRule(Lpar lpar, String rule) {
		for (ArpFilter filter : Hosts.members(lpar, ArpFilter.class)) {
			for (ArpRule r : filter.getRules()) {
				String text = "accept" + (r.getTarget() != null ? " to " + r.getTarget() : "") + (r.getIface() != null ? " in " + r.getIface().getName() : "");
				if (text.equals(rule)) {
					return true;
				}
			}
		}
		return false;
	}

	/** The interfaces the host forwards on, in declaration order. */
	public static List<HostInterface> forwardingInterfaces(Lpar lpar) {
		return Hosts.forwardsGlobally(lpar) ? Hosts.interfaces(lpar) : Hosts.forwardedInterfaces(lpar);
	}

	/** The interfaces a host needs to forward on: everything its routing plan touches. */
	public static List<HostInterface> interfacesNeedingForwarding(Lpar lpar) {
		Set<HostInterface> result = new LinkedHashSet<>();
		for (HostInterface iface : Hosts.interfaces(lpar)) {
			if (iface instanceof OvsBridge bridge && bridge.isRouted()) {
				result.add(iface);
			}
		}
		result.addAll(Hosts.proxyArpInterfaces(lpar));
		for (ForwardFilter filter : Hosts.members(lpar, ForwardFilter.class)) {
			for (ForwardRule rule : filter.getRules()) {
				add(result, rule.getInInterface());
				add(result, rule.getOutInterface());
			}
		}
		for (HostRoute route : Hosts.members(lpar, HostRoute.class)) {
			add(result, route.getDevice());
		}
		for (Nat nat : Hosts.members(lpar, Nat.class)) {
			add(result, nat.getBridge());
			add(result, nat.getOutInterface());
		}
		List<HostInterface> ordered = new ArrayList<>();
		for (HostInterface iface : Hosts.interfaces(lpar)) {
			if (result.contains(iface)) {
				ordered.add(iface);
			}
		}
		return ordered.isEmpty() ? Hosts.interfaces(lpar) : ordered;
	}

	private static void add(Set<HostInterface> set, HostInterface iface) {
		if (iface != null && !iface.eIsProxy()) {
			set.add(iface);
		}
	}

	/** The seed's forward rules: each routed bridge with each other forwarding interface, NAT replies only when established. */
	public static List<String> forwardAccepts(Lpar lpar) {
		List<String> rules = new ArrayList<>();
		List<HostInterface> forwarding = forwardingInterfaces(lpar);
		for (OvsBridge bridge : Hosts.members(lpar, OvsBridge.class)) {
			if (!bridge.isRouted()) {
				continue;
			}
			for (HostInterface other : forwarding) {
				if (other == bridge || other instanceof OvsBridge) {
					continue;
				}
				boolean natted = Hosts.members(lpar, Nat.class).stream().anyMatch(n -> n.getBridge() == bridge && n.getOutInterface() == other);
				if (natted) {
					rules.add("accept in " + bridge.getName() + " out " + other.getName());
					rules.add("accept in " + other.getName() + " out " + bridge.getName() + " established");
				} else if (other instanceof QethInterface) {
					rules.add("accept in " + other.getName() + " out " + bridge.getName());
					rules.add("accept in " + bridge.getName() + " out " + other.getName());
				}
			}
		}
		return rules;
	}

	public static boolean hasForwardRule(Lpar lpar, String rule) {
		for (ForwardFilter filter : Hosts.members(lpar, ForwardFilter.class)) {
			for (ForwardRule r : filter.getRules()) {
				String text = "accept" + (r.getInInterface() != null ? " in " + r.getInInterface().getName() : "")
						+ (r.getOutInterface() != null ? " out " + r.getOutInterface().getName() : "") + (r.isEstablished() ? " established" : "");
				if (text.equals(rule)) {
					return true;
				}
			}
		}
		return false;
	}
}
