package org.zkvm.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.editor.quickfix.DiagnosticResolutionAcceptor;
import org.eclipse.xtext.ide.editor.quickfix.QuickFix;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.topology.Addresses;
import org.zkvm.dsl.topology.FilterRules;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.Routes;
import org.zkvm.dsl.validation.IssueCodes;
import org.zkvm.dsl.zknet.ArpFilter;
import org.zkvm.dsl.zknet.ArpRule;
import org.zkvm.dsl.zknet.FilterAction;
import org.zkvm.dsl.zknet.ForwardFilter;
import org.zkvm.dsl.zknet.Forwarding;
import org.zkvm.dsl.zknet.Guest;
import org.zkvm.dsl.zknet.GuestRoute;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.HostRoute;
import org.zkvm.dsl.zknet.InterfaceAddress;
import org.zkvm.dsl.zknet.LinkInterface;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.LparMember;
import org.zkvm.dsl.zknet.Nat;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.OsaInterface;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.ProxyArp;
import org.zkvm.dsl.zknet.QethInterface;

/** Fixes of the ARP, forwarding, routing and NAT checks (ArpRoutingValidator). */
public class ArpRoutingQuickfixes extends QuickfixBase {

	/** The interface a proxy-arp diagnostic is about: the reference under the diagnostic's start. */
	private static Optional<HostInterface> proxyArpTarget(Diagnostic diagnostic, EObject element, TextChanges changes) {
		if (!(element instanceof ProxyArp proxyArp)) {
			return Optional.empty();
		}
		var nodes = TextChanges.nodes(proxyArp, Z.getProxyArp_Interfaces());
		int offset = offsetOf(diagnostic, changes);
		for (int i = 0; i < nodes.size(); i++) {
			if (nodes.get(i).getOffset() <= offset && offset < nodes.get(i).getEndOffset()) {
				return Optional.ofNullable(proxyArp.getInterfaces().get(i));
			}
		}
		return Optional.empty();
	}

	private static void removeFromProxyArp(ProxyArp proxyArp, HostInterface iface, TextChanges changes) {
		int index = proxyArp.getInterfaces().indexOf(iface);
		if (proxyArp.getInterfaces().size() == 1) {
			changes.deleteLines(proxyArp);
		} else if (index >= 0) {
			changes.removeListItem(proxyArp, Z.getProxyArp_Interfaces(), index);
		}
	}

	@QuickFix(IssueCodes.ARP_SAME_SUBNET)
	public void fixSameSubnet(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Turn proxy_arp off on this interface", edits((diagnostic, element, changes) ->
				proxyArpTarget(diagnostic, element, changes).ifPresent(iface -> removeFromProxyArp((ProxyArp) element, iface, changes))));
		acceptor.accept("Remove the other interface's address in the same (or, for OSA ports, an overlapping) subnet", edits((diagnostic, element, changes) ->
				proxyArpTarget(diagnostic, element, changes).ifPresent(iface -> {
					Lpar lpar = Hosts.lparOf(iface);
					for (Ipv4Prefix mine : Addresses.of(iface)) {
						for (HostInterface other : Hosts.interfaces(lpar)) {
							for (InterfaceAddress address : other == iface ? List.<InterfaceAddress>of() : other.getAddresses()) {
								// the cases arp.same-subnet reports: one subnet, or two OSA ports whose subnets nest
								boolean osaPair = iface instanceof OsaInterface && other instanceof OsaInterface;
								if (Addresses.resolve(address).map(a -> a.subnet().equals(mine.subnet()) || osaPair && a.overlaps(mine)).orElse(false)) {
									var node = NodeModelUtils.getNode(address);
									changes.deleteWithLeadingBlanks(node.getOffset(), node.getEndOffset());
								}
							}
						}
					}
				})));
	}

	@QuickFix(IssueCodes.ARP_UNFILTERED)
	public void addArpFilter(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Add an ARP filter: policy DROP, accept the host's own addresses and local guests on the uplink, all on the bridge",
				edits((diagnostic, element, changes) -> {
					Lpar lpar = Hosts.lparOf(element);
					if (lpar != null) {
						putArpFilter(lpar, changes);
					}
				}));
	}

	private static void putArpFilter(Lpar lpar, TextChanges changes) {
		List<String> block = FilterRules.arpFilterBlock(lpar);
		List<ArpFilter> filters = Hosts.members(lpar, ArpFilter.class);
		if (!filters.isEmpty()) {
			changes.replaceElement(filters.get(0), block);
			return;
		}
		List<ProxyArp> proxyArps = Hosts.members(lpar, ProxyArp.class);
		changes.insertLinesAfter(proxyArps.get(proxyArps.size() - 1), block);
	}

	@QuickFix(IssueCodes.ARP_LAYER3)
	public void fixLayer3ProxyArp(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Remove proxy_arp from this layer 3 interface", edits((diagnostic, element, changes) ->
				proxyArpTarget(diagnostic, element, changes).ifPresent(iface -> removeFromProxyArp((ProxyArp) element, iface, changes))));
		acceptor.accept("Switch the interface to layer 2", edits((diagnostic, element, changes) ->
				proxyArpTarget(diagnostic, element, changes).ifPresent(iface -> setLayer((QethInterface) iface, 2, changes))));
	}

	@QuickFix(IssueCodes.ARP_NO_FORWARDING)
	public void enableForwarding(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Enable forwarding on this interface", edits((diagnostic, element, changes) ->
				proxyArpTarget(diagnostic, element, changes).ifPresent(iface -> addForwarding(Hosts.lparOf(element), List.of(iface), element, changes))));
	}

	private static void addForwarding(Lpar lpar, List<HostInterface> interfaces, EObject anchor, TextChanges changes) {
		List<Forwarding> statements = Hosts.members(lpar, Forwarding.class).stream().filter(f -> !f.isGlobal() && !f.isIpv6()).toList();
		List<String> missing = interfaces.stream().filter(i -> !Hosts.forwards(lpar, i)).map(HostInterface::getName).toList();
		if (missing.isEmpty()) {
			return;
		}
		if (!statements.isEmpty()) {
			changes.insertAfterFeature(statements.get(0), Z.getForwarding_Interfaces(), ", " + String.join(", ", missing));
		} else {
			changes.insertLinesAfter(anchor, List.of("forwarding on " + String.join(", ", missing)));
		}
	}

	@QuickFix(IssueCodes.FWD_GLOBAL)
	public void forwardPerInterface(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Replace by forwarding per interface", edits((diagnostic, element, changes) -> {
			if (element instanceof Forwarding forwarding && forwarding.isGlobal()) {
				Lpar lpar = Hosts.lparOf(forwarding);
				List<String> names = (forwarding.isIpv6() ? Hosts.interfaces(lpar).stream().filter(Addresses::hasIpv6).toList()
						: FilterRules.interfacesNeedingForwarding(lpar)).stream().map(HostInterface::getName).toList();
				changes.replaceElement(forwarding, List.of("forwarding " + (forwarding.isIpv6() ? "ipv6 " : "") + "on " + String.join(", ", names)));
			}
		}));
	}

	@QuickFix(IssueCodes.FWD_POLICY_ACCEPT)
	public void dropForwardPolicy(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Set the forward policy to DROP with accepts for the involved interfaces", edits((diagnostic, element, changes) -> {
			Lpar lpar = Hosts.lparOf(element);
			if (lpar == null) {
				return;
			}
			List<ForwardFilter> filters = Hosts.members(lpar, ForwardFilter.class);
			List<String> rules = FilterRules.forwardAccepts(lpar);
			if (filters.isEmpty()) {
				List<String> block = new ArrayList<>();
				block.add("forward-filter policy drop {");
				rules.forEach(r -> block.add("\t" + r));
				block.add("}");
				List<Forwarding> forwarding = Hosts.members(lpar, Forwarding.class);
				changes.insertLinesAfter(forwarding.get(forwarding.size() - 1), block);
				return;
			}
			for (ForwardFilter filter : filters) {
				if (filter.getPolicy() == FilterAction.ACCEPT) {
					changes.replaceFeature(filter, Z.getForwardFilter_Policy(), "drop");
				}
			}
			ForwardFilter target = filters.get(0);
			for (String rule : rules) {
				if (!FilterRules.hasForwardRule(lpar, rule)) {
					if (TextChanges.nodes(target, Z.getForwardFilter_Rules()).isEmpty() && NodeModelUtils.getNode(target).getText().indexOf('{') < 0) {
						changes.insertAfterFeature(target, Z.getForwardFilter_Policy(), " {\n" + changes.indentation(target) + "\t" + String.join("\n" + changes.indentation(target) + "\t", rules) + "\n" + changes.indentation(target) + "}");
						return;
					}
					changes.insertBeforeClosingBrace(target, rule);
				}
			}
		}));
	}

	@QuickFix(IssueCodes.ROUTE_ASYMMETRIC)
	public void addMirrorRoute(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Add the mirror route on the peer host", edits((diagnostic, element, changes) -> {
			List<String> data = data(diagnostic);
			HostRoute route = EcoreUtil2.getContainerOfType(element, HostRoute.class);
			if (data.size() < 5 || route == null) {
				return;
			}
			Lpar peer = null;
			for (Lpar lpar : EcoreUtil2.getAllContentsOfType(EcoreUtil2.getRootContainer(route), Lpar.class)) {
				if (lpar.getName().equals(data.get(0))) {
					peer = lpar;
				}
			}
			if (peer == null) {
				return; // the peer is in another file: the message says what to add there
			}
			String line = "route subnet " + data.get(1) + "." + data.get(2) + " via " + data.get(3) + " dev " + data.get(4);
			List<HostRoute> routes = Hosts.members(peer, HostRoute.class);
			List<HostInterface> interfaces = Hosts.interfaces(peer);
			LparMember anchor = !routes.isEmpty() ? routes.get(routes.size() - 1) : interfaces.get(interfaces.size() - 1);
			changes.insertLinesAfter(anchor, List.of(line));
		}));
	}

	@QuickFix(IssueCodes.ROUTE_TWO_PATHS)
	public void restrictArpFilter(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Restrict the ARP filter on this interface to the local guests", edits((diagnostic, element, changes) -> {
			Lpar lpar = Hosts.lparOf(element);
			List<String> data = data(diagnostic);
			if (lpar == null || data.isEmpty()) {
				return;
			}
			HostInterface iface = Hosts.interfaces(lpar).stream().filter(i -> i.getName().equals(data.get(0))).findFirst().orElse(null);
			if (iface == null) {
				return;
			}
			ArpRule rule = EcoreUtil2.getContainerOfType(element, ArpRule.class);
			if (rule == null) {
				putArpFilter(lpar, changes);
				return;
			}
			List<String> local = new ArrayList<>();
			for (Ipv4Prefix lan : Addresses.of(iface)) {
				for (Ipv4Prefix guests : FilterRules.localGuestsIn(lpar, lan)) {
					String accept = "accept to " + guests + " in " + iface.getName();
					if (!FilterRules.hasArpRule(lpar, accept)) {
						local.add(accept);
					}
				}
			}
			if (local.isEmpty()) {
				changes.deleteLines(rule);
			} else {
				changes.replaceElement(rule, local);
			}
		}));
	}

	@QuickFix(IssueCodes.ROUTE_LOOP)
	public void removeStrayRoute(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Remove this route: it sends part of the host's own subnet away", edits((diagnostic, element, changes) -> {
			HostRoute route = EcoreUtil2.getContainerOfType(element, HostRoute.class);
			Lpar lpar = Hosts.lparOf(element);
			// only the route that carves the host's own subnet (a guest subnet behind its bridge, or a LAN it sits on): the
			// other host's route to it is the one that holds
			if (route != null && lpar != null && Routes.destinations(route).stream()
					.anyMatch(d -> Routes.connected(lpar).stream().anyMatch(c -> c.length() < d.length() && c.contains(d)))) {
				changes.deleteLines(route);
			}
		}));
	}

	@QuickFix(IssueCodes.ROUTE_GATEWAY)
	public void setGatewayToVnic(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Set the gateway to the bridge's internal port", edits(writeComputedValue(GuestRoute.class, Z.getGuestRoute_Gateway())));
	}

	@QuickFix(IssueCodes.NAT_SERVER)
	public void routeInsteadOfNat(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Route the guests instead of NAT (proxy_arp, forwarding and ARP filter on the uplink)", edits((diagnostic, element, changes) -> {
			Guest guest = EcoreUtil2.getContainerOfType(element, Guest.class);
			Lpar lpar = Hosts.lparOf(element);
			if (guest == null || lpar == null) {
				return;
			}
			for (Nat nat : Hosts.members(lpar, Nat.class)) {
				boolean ours = guest.getMembers().stream().anyMatch(m -> m instanceof Nic nic && nic.getBridge() == nat.getBridge());
				if (!ours || nat.getBridge() == null || nat.getOutInterface() == null) {
					continue;
				}
				OvsBridge bridge = nat.getBridge();
				LinkInterface out = nat.getOutInterface();
				changes.deleteLines(nat);
				List<ProxyArp> proxyArps = Hosts.members(lpar, ProxyArp.class);
				List<String> missingProxy = new ArrayList<>();
				for (HostInterface iface : List.of(bridge, out)) {
					if (!Hosts.proxyArpInterfaces(lpar).contains(iface)) {
						missingProxy.add(iface.getName());
					}
				}
				List<Forwarding> forwarding = Hosts.members(lpar, Forwarding.class);
				LparMember anchor = !forwarding.isEmpty() ? forwarding.get(forwarding.size() - 1) : Hosts.interfaces(lpar).get(Hosts.interfaces(lpar).size() - 1);
				addForwarding(lpar, List.of(bridge, out), anchor, changes);
				if (!missingProxy.isEmpty()) {
					if (!proxyArps.isEmpty()) {
						changes.insertAfterFeature(proxyArps.get(0), Z.getProxyArp_Interfaces(), ", " + String.join(", ", missingProxy));
					} else {
						changes.insertLinesAfter(anchor, List.of("proxy-arp on " + String.join(", ", missingProxy)));
					}
				}
				List<ArpFilter> filters = Hosts.members(lpar, ArpFilter.class);
				if (filters.isEmpty() || filters.get(0).getRules().isEmpty()) {
					// written after the other insertions at the same place
					List<String> block = new ArrayList<>();
					block.add("arp-filter policy drop {");
					for (String rule : FilterRules.arpAccepts(lpar)) {
						block.add("\t" + rule);
					}
					for (Ipv4Prefix guests : Addresses.of(bridge)) {
						String rule = "accept to " + guests.subnet() + " in " + out.getName();
						if (!block.contains("\t" + rule)) {
							block.add("\t" + rule);
						}
					}
					if (!block.contains("\taccept in " + bridge.getName())) {
						block.add("\taccept in " + bridge.getName());
					}
					block.add("}");
					if (filters.isEmpty()) {
						changes.insertLinesAfter(anchor, block);
					} else {
						changes.replaceElement(filters.get(0), block);
					}
				} else {
					for (Ipv4Prefix guests : Addresses.of(bridge)) {
						String rule = "accept to " + guests.subnet() + " in " + out.getName();
						if (!FilterRules.hasArpRule(lpar, rule)) {
							changes.insertBeforeClosingBrace(filters.get(0), rule);
						}
					}
					if (!FilterRules.hasArpRule(lpar, "accept in " + bridge.getName())) {
						changes.insertBeforeClosingBrace(filters.get(0), "accept in " + bridge.getName());
					}
				}
				List<ForwardFilter> forwardFilters = Hosts.members(lpar, ForwardFilter.class);
				String inbound = "accept in " + out.getName() + " out " + bridge.getName();
				if (!forwardFilters.isEmpty() && !FilterRules.hasForwardRule(lpar, inbound)) {
					changes.insertBeforeClosingBrace(forwardFilters.get(0), inbound);
				}
				return;
			}
		}));
	}
}
