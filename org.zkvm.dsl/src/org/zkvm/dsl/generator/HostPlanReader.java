package org.zkvm.dsl.generator;

import static org.zkvm.dsl.generator.HostFacts.portName;

import java.util.ArrayList;
import java.util.List;

import org.zkvm.dsl.generator.HostPlan.Access;
import org.zkvm.dsl.generator.HostPlan.ArpMatch;
import org.zkvm.dsl.generator.HostPlan.Bridge;
import org.zkvm.dsl.generator.HostPlan.Filters;
import org.zkvm.dsl.generator.HostPlan.ForwardMatch;
import org.zkvm.dsl.generator.HostPlan.InterfaceSetting;
import org.zkvm.dsl.generator.HostPlan.Kernel;
import org.zkvm.dsl.generator.HostPlan.Masquerade;
import org.zkvm.dsl.generator.HostPlan.ProxyEntry;
import org.zkvm.dsl.generator.HostPlan.OvsRow;
import org.zkvm.dsl.generator.HostPlan.Qeth;
import org.zkvm.dsl.generator.HostPlan.RuleSet;
import org.zkvm.dsl.topology.Addresses;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.ReversePathFilter;
import org.zkvm.dsl.zknet.ArpFilter;
import org.zkvm.dsl.zknet.ArpRule;
import org.zkvm.dsl.zknet.Distribution;
import org.zkvm.dsl.zknet.FilterAction;
import org.zkvm.dsl.zknet.ForwardFilter;
import org.zkvm.dsl.zknet.ForwardRule;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Management;
import org.zkvm.dsl.zknet.Nat;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.ProxyNdp;

/** Reads a host LPAR of the model into its HostPlan, once, through the topology package and HostFacts. */
final class HostPlanReader {
	private HostPlanReader() {
	}

	static HostPlan read(Lpar lpar) {
		NetworkPlan network = NetworkPlan.of(lpar);
		List<Access> management = Hosts.members(lpar, Management.class).stream().map(m -> new Access(m.getIface(), m.getAddress(), m.getGateway())).toList();
		// MTU and addresses as the network plan has them (a bond's member: none of its own)
		List<Qeth> qeth = HostFacts.qeth(lpar).stream().map(q -> {
			NetworkPlan.Link link = link(network, q.getName());
			return new Qeth(q.getName(), HostFacts.readDevice(q), HostFacts.triplet(q), HostFacts.chzdevAttributes(q), link.mtu(), link.allAddresses());
		}).toList();
		List<Bridge> bridges = HostFacts.bridges(lpar).stream().map(b -> bridge(lpar, b, link(network, b.getName()))).toList();
		List<NetworkManagerIds.Profile> profiles = lpar.getDistro() == Distribution.RHEL ? NetworkManagerIds.profiles(network) : List.of();
		return new HostPlan(lpar.getName(), "lpar " + Hosts.path(lpar), lpar.getDistro(), management, qeth, bridges, network, profiles, filters(lpar),
				kernel(lpar, network));
	}

	private static NetworkPlan.Link link(NetworkPlan network, String name) {
		return network.links().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
	}

	/** A bridge: its way out (uplink or Open vSwitch bond) and trunks as the network plan has them, and on RHEL the rows NetworkManager owns. */
	private static Bridge bridge(Lpar lpar, OvsBridge bridge, NetworkPlan.Link link) {
		String port = HostFacts.port(bridge);
		List<OvsRow> rows = new ArrayList<>();
		if (lpar.getDistro() == Distribution.RHEL) {
			// the profile ids NetworkManagerGenerator gives the bridge, its ports and interfaces
			String path = NetworkManagerIds.path(lpar);
			rows.add(new OvsRow("bridge", bridge.getName(), NetworkManagerIds.uuid(path, bridge.getName())));
			rows.add(new OvsRow("port", port, NetworkManagerIds.uuid(path, "ovs-port-" + port)));
			rows.add(new OvsRow("interface", port, NetworkManagerIds.uuid(path, "ovs-if-" + port)));
			if (link.lanPort() != null) {
				rows.add(new OvsRow("port", link.lanPort(), NetworkManagerIds.uuid(path, "ovs-port-" + link.lanPort())));
			}
			List<String> interfaces = link.uplink() != null ? List.of(link.uplink()) : link.bond() != null ? link.bond().members() : List.of();
			interfaces.forEach(i -> rows.add(new OvsRow("interface", i, NetworkManagerIds.uuid(path, i))));
		}
		return new Bridge(bridge.getName(), port, bridge.getMtu(), bridge.getTxqueuelen(), link.allAddresses(), link.uplink(), link.bond(), link.trunks(), rows);
	}

	static Filters filters(Lpar lpar) {
		List<String> ports = Hosts.members(lpar, HostInterface.class).stream().map(HostFacts::portName).toList();
		ArpFilter arp = HostFacts.arpFilter(lpar);
		ForwardFilter forward = HostFacts.forwardFilter(lpar);
		List<Masquerade> nat = Hosts.members(lpar, Nat.class).stream()
				.filter(n -> n.getOutInterface() != null && !n.getOutInterface().eIsProxy() && n.getBridge() != null && !n.getBridge().eIsProxy())
				.map(n -> new Masquerade(n.getOutInterface().getName(), Addresses.of(n.getBridge()).stream().map(a -> a.subnet()).toList())).toList();
		return new Filters(ports, arp == null ? null : new RuleSet<>(arp.getRules().stream().map(HostPlanReader::arpMatch).toList(), drop(arp.getPolicy())),
				forward == null ? null : new RuleSet<>(forward.getRules().stream().map(HostPlanReader::forwardMatch).toList(), drop(forward.getPolicy())),
				nat, HostFacts.legacyFirewall(lpar), Hosts.interfaces(lpar).stream().anyMatch(Addresses::hasIpv6),
				Hosts.forwardsIpv6(lpar) && !Hosts.forwardsGlobally(lpar, true) ? Hosts.forwardedInterfaces(lpar, true).stream().map(HostFacts::portName).toList() : List.of());
	}

	private static ArpMatch arpMatch(ArpRule rule) {
		return new ArpMatch(rule.getIface() == null ? null : portName(rule.getIface()), rule.getTarget(), rule.getSender(), drop(rule.getAction()));
	}

	private static ForwardMatch forwardMatch(ForwardRule rule) {
		return new ForwardMatch(rule.getInInterface() == null ? null : portName(rule.getInInterface()),
				rule.getOutInterface() == null ? null : portName(rule.getOutInterface()), rule.getSource(), rule.getDestination(), rule.isEstablished(),
				drop(rule.getAction()));
	}

	private static boolean drop(FilterAction action) {
		return action == FilterAction.DROP;
	}

	/** forwarding, proxy_arp and rp_filter per interface, in that order, as the model asks for them. */
	private static Kernel kernel(Lpar lpar, NetworkPlan network) {
		List<InterfaceSetting> settings = new ArrayList<>();
		for (HostInterface iface : Hosts.forwardedInterfaces(lpar)) {
			settings.add(new InterfaceSetting(portName(iface), "forwarding", 1));
		}
		for (HostInterface iface : Hosts.proxyArpInterfaces(lpar)) {
			settings.add(new InterfaceSetting(portName(iface), "proxy_arp", 1));
		}
		ReversePathFilter.written(lpar).forEach((iface, mode) -> settings.add(new InterfaceSetting(portName(iface), "rp_filter", mode.getValue())));
		// IPv6: accept_ra=2 before forwarding, or writing forwarding=1 drops the default routes learned
		// from router advertisements at once (addrconf.c, rt6_purge_dflt_routers; docs/ipv6.md)
		for (String name : Hosts.acceptRaInterfaces(lpar)) {
			HostInterface iface = Hosts.interfaces(lpar).stream().filter(i -> name.equals(i.getName())).findFirst().orElse(null);
			settings.add(new InterfaceSetting(iface != null ? portName(iface) : name, "accept_ra", 2, true));
		}
		for (ProxyNdp proxy : Hosts.members(lpar, ProxyNdp.class)) {
			if (proxy.getInterface() != null && !proxy.getInterface().eIsProxy()) {
				settings.add(new InterfaceSetting(portName(proxy.getInterface()), "proxy_ndp", 1, true));
			}
		}
		List<ProxyEntry> proxies = new ArrayList<>();
		network.links().forEach(l -> l.ipv6().proxies().forEach(a -> proxies.add(new ProxyEntry(l.port(), a.toString()))));
		return new Kernel(ReversePathFilter.describe(lpar.getDistro()), ReversePathFilter.text(ReversePathFilter.unnamed(lpar)), ReversePathFilter.lowersAll(lpar),
				Hosts.forwardsGlobally(lpar), Hosts.forwardsIpv6(lpar), settings, proxies);
	}
}
