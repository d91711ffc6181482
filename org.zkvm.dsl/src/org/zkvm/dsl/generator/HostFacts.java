package org.zkvm.dsl.generator;

import java.util.ArrayList;
import java.util.List;

import org.zkvm.dsl.analysis.BusId;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.topology.Addresses;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.ReversePathFilter;
import org.zkvm.dsl.topology.Routes;
import org.zkvm.dsl.zknet.ArpFilter;
import org.zkvm.dsl.zknet.ArpRule;
import org.zkvm.dsl.zknet.FilterAction;
import org.zkvm.dsl.zknet.FirewallTools;
import org.zkvm.dsl.zknet.ForwardFilter;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.HostRoute;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.OperatingSystem;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.QethInterface;
import org.zkvm.dsl.zknet.RpFilter;
import org.zkvm.dsl.zknet.VnicCharacteristic;

/** What the templates of one host need, computed once from the model and the analysis package. */
public final class HostFacts {
	private HostFacts() {
	}

	public static boolean generatesHost(Lpar lpar) {
		return lpar.getOs() == OperatingSystem.KVM || lpar.getOs() == OperatingSystem.LINUX;
	}

	public static boolean legacyFirewall(Lpar lpar) {
		return lpar.getFirewall() == FirewallTools.LEGACY;
	}

	/** read:write:data for chzdev (facts §1.2); write = read + 1, data = read + 2 when only the read device is given. */
	public static String triplet(QethInterface qeth) {
		String[] parts = qeth.getDevice().split(",");
		if (parts.length == 3) {
			return parts[0].strip() + ":" + parts[1].strip() + ":" + parts[2].strip();
		}
		BusId read = BusId.parse(parts[0].strip());
		return read + ":" + read.next(1) + ":" + read.next(2);
	}

	public static String readDevice(QethInterface qeth) {
		return qeth.getDevice().split(",")[0].strip();
	}

	/** chzdev attributes: layer2 first (it is set offline, facts §1.3), then the VNIC characteristics. */
	public static List<String> chzdevAttributes(QethInterface qeth) {
		List<String> attributes = new ArrayList<>();
		attributes.add("layer2=" + (Hosts.layer(qeth) == 2 ? 1 : 0));
		for (VnicCharacteristic c : qeth.getVnicc()) {
			attributes.add("vnicc/" + c.getLiteral().replace('-', '_') + "=1");
		}
		return attributes;
	}

	public static List<Ipv4Prefix> addresses(HostInterface iface) {
		return Addresses.of(iface);
	}

	public static List<QethInterface> qeth(Lpar lpar) {
		return Hosts.members(lpar, QethInterface.class);
	}

	public static List<OvsBridge> bridges(Lpar lpar) {
		return Hosts.members(lpar, OvsBridge.class);
	}

	/** The internal port of a bridge: its vnic name, or the bridge's own interface. */
	public static String port(OvsBridge bridge) {
		return bridge.getVnic() != null ? bridge.getVnic() : bridge.getName();
	}

	/** The device that carries an interface's addresses: the internal port for a bridge. */
	public static String portName(HostInterface iface) {
		return iface instanceof OvsBridge bridge ? port(bridge) : iface.getName();
	}

	/** One per-interface kernel setting (facts §4.1). */
	public record InterfaceSetting(String iface, String parameter, int value) {
		/** The sysctl key, with dots in the interface name written as '/' (facts §2.4). */
		public String key() {
			return Shell.sysctl(iface, parameter);
		}
	}

	/** forwarding, proxy_arp and rp_filter per interface, in that order, as the model asks for them. */
	public static List<InterfaceSetting> interfaceSettings(Lpar lpar) {
		List<InterfaceSetting> settings = new ArrayList<>();
		for (HostInterface iface : Hosts.forwardedInterfaces(lpar)) {
			settings.add(new InterfaceSetting(portName(iface), "forwarding", 1));
		}
		for (HostInterface iface : Hosts.proxyArpInterfaces(lpar)) {
			settings.add(new InterfaceSetting(portName(iface), "proxy_arp", 1));
		}
		ReversePathFilter.written(lpar).forEach((iface, mode) -> settings.add(new InterfaceSetting(portName(iface), "rp_filter", mode.getValue())));
		return settings;
	}

	/** The devices of the model's interfaces: the only ones its ARP and forward filters apply to. */
	public static List<String> filteredPorts(Lpar lpar) {
		List<String> ports = new ArrayList<>();
		for (HostInterface iface : Hosts.members(lpar, HostInterface.class)) {
			ports.add(portName(iface));
		}
		return ports;
	}

	public static List<RpFilter> rpFilters(Lpar lpar) {
		return Hosts.members(lpar, RpFilter.class);
	}

	public static ArpFilter arpFilter(Lpar lpar) {
		List<ArpFilter> filters = Hosts.members(lpar, ArpFilter.class);
		return filters.isEmpty() ? null : filters.get(0);
	}

	public static ForwardFilter forwardFilter(Lpar lpar) {
		List<ForwardFilter> filters = Hosts.members(lpar, ForwardFilter.class);
		return filters.isEmpty() ? null : filters.get(0);
	}

	public static String policy(FilterAction action) {
		return action == FilterAction.DROP ? "DROP" : "ACCEPT";
	}

	/** arptables options of a rule, in the seed's order: -d, -s, -i. */
	public static String arptablesMatch(ArpRule rule) {
		StringBuilder b = new StringBuilder();
		if (rule.getTarget() != null) {
			b.append(" -d ").append(Shell.quote(rule.getTarget()));
		}
		if (rule.getSender() != null) {
			b.append(" -s ").append(Shell.quote(rule.getSender()));
		}
		if (rule.getIface() != null) {
			b.append(" -i ").append(Shell.quote(portName(rule.getIface())));
		}
		return b.toString();
	}

	/** A route's destination as ip and wicked write it: 'default' or a CIDR subnet. */
	public static String destination(HostRoute route) {
		if (route.isDefaultRoute()) {
			return "default";
		}
		List<Ipv4Prefix> destinations = Routes.destinations(route);
		return destinations.isEmpty() ? "?" : destinations.get(0).toString();
	}

	/** A route as 'ip route' arguments: destination [via gateway] [dev device] [metric n]. */
	public static String routeSpec(HostRoute route) {
		StringBuilder b = new StringBuilder(destination(route));
		Routes.gateway(route).ifPresent(g -> b.append(" via ").append(g));
		if (route.getDevice() != null) {
			b.append(" dev ").append(Shell.quote(portName(route.getDevice())));
		}
		if (route.getMetric() != 0) {
			b.append(" metric ").append(route.getMetric());
		}
		return b.toString();
	}

	public static List<HostRoute> routes(Lpar lpar) {
		return Hosts.members(lpar, HostRoute.class);
	}
}
