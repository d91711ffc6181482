package org.zkvm.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.editor.quickfix.AbstractDeclarativeIdeQuickfixProvider;
import org.eclipse.xtext.ide.editor.quickfix.DiagnosticResolutionAcceptor;
import org.eclipse.xtext.ide.editor.quickfix.ITextModification;
import org.eclipse.xtext.ide.editor.quickfix.QuickFix;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.zkvm.dsl.analysis.DeviceRange;
import org.zkvm.dsl.analysis.IsfcLayout;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.topology.Addresses;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.IsfcLinks;
import org.zkvm.dsl.validation.IssueCodes;
import org.zkvm.dsl.zknet.ArpFilter;
import org.zkvm.dsl.zknet.ArpRule;
import org.zkvm.dsl.zknet.CtcGroup;
import org.zkvm.dsl.zknet.FilterAction;
import org.zkvm.dsl.zknet.ForwardFilter;
import org.zkvm.dsl.zknet.Forwarding;
import org.zkvm.dsl.zknet.Guest;
import org.zkvm.dsl.zknet.GuestRoute;
import org.zkvm.dsl.zknet.HiperSocketsInterface;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.HostRoute;
import org.zkvm.dsl.zknet.InterfaceAddress;
import org.zkvm.dsl.zknet.IsfcLink;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.LparMember;
import org.zkvm.dsl.zknet.Management;
import org.zkvm.dsl.zknet.Nat;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.OsaInterface;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.PointToPointLink;
import org.zkvm.dsl.zknet.ProxyArp;
import org.zkvm.dsl.zknet.QethInterface;
import org.zkvm.dsl.zknet.RpFilter;
import org.zkvm.dsl.zknet.VnicCharacteristic;
import org.zkvm.dsl.zknet.ZknetPackage;
import org.zkvm.dsl.zknet.ZvmCluster;
import org.zkvm.dsl.zknet.ZvmMember;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

/**
 * Every quick fix of the catalogue (docs/checks.md, column "Fix"), as text edits on the document.
 * The language server offers them as code actions; the Eclipse editor calls the same provider.
 */
public class ZknetQuickfixProvider extends AbstractDeclarativeIdeQuickfixProvider {

	private static final ZknetPackage Z = ZknetPackage.eINSTANCE;

	/** A fix computed from the element at the diagnostic; empty when it does not apply. */
	private interface Fix {
		void apply(Diagnostic diagnostic, EObject element, TextChanges changes);
	}

	private static ITextModification edits(Fix fix) {
		return (Diagnostic diagnostic, EObject element, Document document) -> {
			TextChanges changes = new TextChanges(document);
			if (element != null) {
				fix.apply(diagnostic, element, changes);
			}
			List<TextEdit> edits = changes.edits();
			return edits;
		};
	}

	/** The issue data of a diagnostic, whether it arrives as Java strings or as JSON from a client. */
	static List<String> data(Diagnostic diagnostic) {
		Object data = diagnostic.getData();
		List<String> result = new ArrayList<>();
		if (data instanceof String[] strings) {
			result.addAll(List.of(strings));
		} else if (data instanceof JsonArray array) {
			for (JsonElement e : array) {
				result.add(e.isJsonNull() ? null : e.getAsString());
			}
		} else if (data instanceof List<?> list) {
			list.forEach(o -> result.add(String.valueOf(o)));
		}
		return result;
	}

	// ------------------------------------------------------------------ ISFC

	@QuickFix(IssueCodes.ISFC_CTCS_PER_CHPID)
	public void limitCtcsPerChpid(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Drop the CTCs beyond 4 per chpid", edits((diagnostic, element, changes) -> {
			IsfcLink link = EcoreUtil2.getContainerOfType(element, IsfcLink.class);
			if (link != null) {
				rewriteCtcs(link, limitPerChpid(link), changes);
			}
		}));
		acceptor.accept("Move the CTCs beyond 4 per chpid to the link's other chpids", edits((diagnostic, element, changes) -> {
			IsfcLink link = EcoreUtil2.getContainerOfType(element, IsfcLink.class);
			if (link != null) {
				moveToSpareChpids(link).ifPresent(ctcs -> rewriteCtcs(link, ctcs, changes));
			}
		}));
	}

	@QuickFix(IssueCodes.ISFC_CHPID_ORDER)
	public void reorderChpids(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Reassign the CTC devices: fast chpids at both extremes of the ordering system's list", edits((diagnostic, element, changes) -> {
			IsfcLink link = EcoreUtil2.getContainerOfType(element, IsfcLink.class);
			if (link == null) {
				return;
			}
			List<CtcLine> ctcs = ctcLines(link);
			Map<String, CtcLine> byChpid = new LinkedHashMap<>();
			ctcs.forEach(c -> byChpid.putIfAbsent(c.chpidKey, c));
			List<CtcLine> reordered = new ArrayList<>();
			for (IsfcLayout.Ctc ctc : IsfcLinks.layout(link).recommended()) {
				CtcLine chpid = byChpid.get(ctc.chpid());
				reordered.add(new CtcLine(ctc.leftDevice(), ctc.rightDevice(), chpid.chpidKey, chpid.chpidText, chpid.remoteChpidText));
			}
			if (reordered.size() == ctcs.size()) {
				rewriteCtcs(link, reordered, changes);
			}
		}));
	}

	@QuickFix(IssueCodes.SSI_MEMBERS)
	public void addMissingLink(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Add the missing ISFC logical link", edits((diagnostic, element, changes) -> {
			List<String> names = data(diagnostic);
			ZvmCluster cluster = EcoreUtil2.getContainerOfType(element, ZvmCluster.class);
			if (names.size() < 2 || cluster == null || cluster.getMembers().isEmpty()) {
				return;
			}
			ZvmMember last = cluster.getMembers().get(cluster.getMembers().size() - 1);
			changes.insertLinesAfter(last, List.of("isfc " + names.get(0) + " <-> " + names.get(1) + " {",
					"\t// the FICON CTCs of this link: ctc DEVICES chpid CHPID remote DEVICES", "}"));
		}));
	}

	/** One CTC as the fix writes it back: its devices, and its chpids as the user wrote them. */
	private record CtcLine(int left, int right, String chpidKey, String chpidText, String remoteChpidText) {
	}

	private static List<CtcLine> ctcLines(IsfcLink link) {
		List<CtcLine> result = new ArrayList<>();
		for (CtcGroup group : link.getCtcs()) {
			List<Integer> local = IsfcLinks.devices(group.getDevices());
			List<Integer> remote = IsfcLinks.devices(group.getRemoteDevices());
			String key = group.getChpid() == null || group.getChpid().eIsProxy() ? "?" : group.getChpid().getName();
			String chpid = TextChanges.written(group, Z.getCtcGroup_Chpid(), 0);
			String remoteChpid = group.getRemoteChpid() == null ? null : TextChanges.written(group, Z.getCtcGroup_RemoteChpid(), 0);
			for (int i = 0; i < Math.min(local.size(), remote.size()); i++) {
				result.add(new CtcLine(local.get(i), remote.get(i), key, chpid, remoteChpid));
			}
		}
		return result;
	}

	private static List<CtcLine> limitPerChpid(IsfcLink link) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		List<CtcLine> kept = new ArrayList<>();
		for (CtcLine ctc : ctcLines(link)) {
			if (counts.merge(ctc.chpidKey, 1, Integer::sum) <= IsfcLayout.CTCS_PER_CHPID) {
				kept.add(ctc);
			}
		}
		return kept;
	}

	private static Optional<List<CtcLine>> moveToSpareChpids(IsfcLink link) {
		List<CtcLine> ctcs = ctcLines(link);
		Map<String, Integer> counts = new LinkedHashMap<>();
		Map<String, CtcLine> first = new LinkedHashMap<>();
		for (CtcLine ctc : ctcs) {
			counts.merge(ctc.chpidKey, 1, Integer::sum);
			first.putIfAbsent(ctc.chpidKey, ctc);
		}
		Map<String, Integer> seen = new LinkedHashMap<>();
		List<CtcLine> result = new ArrayList<>();
		for (CtcLine ctc : ctcs) {
			if (seen.merge(ctc.chpidKey, 1, Integer::sum) <= IsfcLayout.CTCS_PER_CHPID) {
				result.add(ctc);
				continue;
			}
			Optional<String> spare = counts.entrySet().stream().filter(e -> e.getValue() < IsfcLayout.CTCS_PER_CHPID).map(Map.Entry::getKey).findFirst();
			if (spare.isEmpty()) {
				return Optional.empty();
			}
			counts.merge(spare.get(), 1, Integer::sum);
			counts.merge(ctc.chpidKey, -1, Integer::sum);
			CtcLine target = first.get(spare.get());
			result.add(new CtcLine(ctc.left, ctc.right, target.chpidKey, target.chpidText, target.remoteChpidText));
		}
		return Optional.of(result);
	}

	/** Writes the link's CTCs back as groups of consecutive devices on the same chpids. */
	private static void rewriteCtcs(IsfcLink link, List<CtcLine> ctcs, TextChanges changes) {
		if (link.getCtcs().isEmpty()) {
			return;
		}
		List<String> lines = new ArrayList<>();
		int i = 0;
		while (i < ctcs.size()) {
			CtcLine start = ctcs.get(i);
			int j = i;
			while (j + 1 < ctcs.size() && sameChpids(start, ctcs.get(j + 1)) && ctcs.get(j + 1).left == ctcs.get(j).left + 1
					&& ctcs.get(j + 1).right == ctcs.get(j).right + 1) {
				j++;
			}
			CtcLine end = ctcs.get(j);
			lines.add("ctc " + range(start.left, end.left) + " chpid " + start.chpidText + " remote " + range(start.right, end.right)
					+ (start.remoteChpidText != null ? " chpid " + start.remoteChpidText : ""));
			i = j + 1;
		}
		CtcGroup firstGroup = link.getCtcs().get(0);
		CtcGroup lastGroup = link.getCtcs().get(link.getCtcs().size() - 1);
		var firstNode = NodeModelUtils.getNode(firstGroup);
		var lastNode = NodeModelUtils.getNode(lastGroup);
		String indent = changes.indentation(firstGroup);
		changes.replace(firstNode.getOffset(), lastNode.getEndOffset() - firstNode.getOffset(), String.join("\n" + indent, lines));
	}

	private static boolean sameChpids(CtcLine a, CtcLine b) {
		return a.chpidText.equals(b.chpidText) && java.util.Objects.equals(a.remoteChpidText, b.remoteChpidText);
	}

	private static String range(int first, int last) {
		return first == last ? DeviceRange.format(first) : DeviceRange.format(first) + "-" + DeviceRange.format(last);
	}

	// ------------------------------------------------------------------ ARP, forwarding, routing

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

	private static int offsetOf(Diagnostic diagnostic, TextChanges changes) {
		String text = changes.text();
		int line = diagnostic.getRange().getStart().getLine();
		int offset = 0;
		for (int l = 0; l < line && offset >= 0; l++) {
			offset = text.indexOf('\n', offset) + 1;
		}
		return offset + diagnostic.getRange().getStart().getCharacter();
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
		acceptor.accept("Remove the other interface's address in the same subnet", edits((diagnostic, element, changes) ->
				proxyArpTarget(diagnostic, element, changes).ifPresent(iface -> {
					Lpar lpar = Hosts.lparOf(iface);
					for (Ipv4Prefix mine : Addresses.of(iface)) {
						for (HostInterface other : Hosts.interfaces(lpar)) {
							for (InterfaceAddress address : other == iface ? List.<InterfaceAddress>of() : other.getAddresses()) {
								if (Addresses.resolve(address).map(a -> a.subnet().equals(mine.subnet())).orElse(false)) {
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

	private static void setLayer(QethInterface qeth, int layer, TextChanges changes) {
		if (qeth.getLayer() != 0) {
			changes.replaceFeature(qeth, Z.getQethInterface_Layer(), String.valueOf(layer));
		} else {
			changes.insertAfterFeature(qeth, qeth instanceof OsaInterface ? Z.getOsaInterface_Chpid() : Z.getQethInterface_Device(), " layer " + layer);
		}
	}

	@QuickFix(IssueCodes.ARP_NO_FORWARDING)
	public void enableForwarding(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Enable forwarding on this interface", edits((diagnostic, element, changes) ->
				proxyArpTarget(diagnostic, element, changes).ifPresent(iface -> addForwarding(Hosts.lparOf(element), List.of(iface), element, changes))));
	}

	private static void addForwarding(Lpar lpar, List<HostInterface> interfaces, EObject anchor, TextChanges changes) {
		List<Forwarding> statements = Hosts.members(lpar, Forwarding.class).stream().filter(f -> !f.isGlobal()).toList();
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
				List<String> names = FilterRules.interfacesNeedingForwarding(Hosts.lparOf(forwarding)).stream().map(HostInterface::getName).toList();
				changes.replaceElement(forwarding, List.of("forwarding on " + String.join(", ", names)));
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

	/**
	 * A fix that writes the value the validator computed (the diagnostic's first data item) into one
	 * feature of the element of that type around the diagnostic.
	 */
	private static <T extends EObject> Fix writeComputedValue(Class<T> type, org.eclipse.emf.ecore.EStructuralFeature feature) {
		return (diagnostic, element, changes) -> {
			T target = EcoreUtil2.getContainerOfType(element, type);
			List<String> data = data(diagnostic);
			if (target != null && !data.isEmpty()) {
				changes.replaceFeature(target, feature, data.get(0));
			}
		};
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
				QethInterface out = nat.getOutInterface();
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

	@QuickFix(IssueCodes.RP_ASYMMETRIC)
	public void looseRpFilter(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Set rp_filter to loose (2) on this interface", edits((diagnostic, element, changes) -> {
			// the distribution's strict default, reported at the route: the model says loose for the interface
			if (element instanceof HostRoute route && data(diagnostic).size() == 1) {
				changes.insertLinesAfter(route, List.of("rp-filter loose on " + data(diagnostic).get(0)));
				return;
			}
			if (!(element instanceof RpFilter filter)) {
				return;
			}
			var nodes = TextChanges.nodes(filter, Z.getRpFilter_Interfaces());
			int offset = offsetOf(diagnostic, changes);
			for (int i = 0; i < nodes.size(); i++) {
				if (nodes.get(i).getOffset() <= offset && offset < nodes.get(i).getEndOffset()) {
					if (filter.getInterfaces().size() == 1) {
						changes.replaceFeature(filter, Z.getRpFilter_Mode(), "loose");
					} else {
						changes.removeListItem(filter, Z.getRpFilter_Interfaces(), i);
						changes.insertLinesAfter(filter, List.of("rp-filter loose on " + filter.getInterfaces().get(i).getName()));
					}
					return;
				}
			}
		}));
	}

	// ------------------------------------------------------------------ MTU

	// ------------------------------------------------------------------ the management path (safe on a live host)

	@QuickFix(IssueCodes.MGMT_ENSLAVED)
	public void giveTheBridgeTheManagementAddress(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Give the bridge's port the management address (setup moves it there as the uplink joins)", edits((diagnostic, element, changes) -> {
			List<String> data = data(diagnostic);
			if (element instanceof Management management && data.size() == 2 && !data.get(1).isEmpty()) {
				interfaceNamed(management, data.get(0)).ifPresent(bridge -> changes.insertAtEnd(bridge, " address " + data.get(1)));
			}
		}));
	}

	@QuickFix(IssueCodes.MGMT_READDRESSED)
	public void addTheManagementAddress(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Add the management address to the interface", edits((diagnostic, element, changes) -> {
			List<String> data = data(diagnostic);
			if (element instanceof Management management && data.size() == 2) {
				interfaceNamed(management, data.get(0)).ifPresent(iface -> changes.insertAtEnd(iface, " address " + data.get(1)));
			}
		}));
	}

	@QuickFix(IssueCodes.OVS_UPLINK_ADDRESS)
	public void moveUplinkAddressesToTheBridge(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Move the uplink's addresses to the bridge's port", edits((diagnostic, element, changes) -> {
			if (element instanceof OvsBridge bridge && bridge.getUplink() != null && !bridge.getUplink().eIsProxy()) {
				StringBuilder moved = new StringBuilder();
				for (InterfaceAddress address : bridge.getUplink().getAddresses()) {
					var node = NodeModelUtils.getNode(address);
					moved.append(' ').append(changes.text(), node.getOffset(), node.getEndOffset());
					changes.deleteWithLeadingBlanks(node.getOffset(), node.getEndOffset());
				}
				changes.insertAtEnd(bridge, moved.toString());
			}
		}));
	}

	private static java.util.Optional<HostInterface> interfaceNamed(Management management, String name) {
		Lpar lpar = Hosts.lparOf(management);
		return lpar == null ? java.util.Optional.empty() : Hosts.interfaces(lpar).stream().filter(i -> name.equals(i.getName())).findFirst();
	}

	@QuickFix(IssueCodes.MTU_GUEST_BRIDGE)
	public void alignGuestMtu(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Align the guest MTU to the bridge", edits(writeComputedValue(Nic.class, Z.getNic_Mtu())));
	}

	@QuickFix(IssueCodes.MTU_ATTACHED_UPLINK)
	public void lowerToUplinkMtu(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Lower the guest (and bridge) MTU to the uplink MTU", edits((diagnostic, element, changes) -> {
			Nic nic = EcoreUtil2.getContainerOfType(element, Nic.class);
			List<String> data = data(diagnostic);
			if (nic == null || data.isEmpty()) {
				return;
			}
			String limit = data.get(0);
			OvsBridge bridge = nic.getBridge();
			if (bridge == null) {
				setNicMtu(nic, limit, changes);
				return;
			}
			setBridgeMtu(bridge, limit, changes);
			for (Nic other : Hosts.nicsOn(bridge)) {
				if (other.getMtu() != 0) {
					changes.replaceFeature(other, Z.getNic_Mtu(), limit);
				}
			}
		}));
	}

	private static void setNicMtu(Nic nic, String mtu, TextChanges changes) {
		if (nic.getMtu() != 0) {
			changes.replaceFeature(nic, Z.getNic_Mtu(), mtu);
		} else {
			changes.insertAfterFeature(nic, nic.getUplink() != null ? Z.getNic_Uplink() : Z.getNic_Bridge(), " mtu " + mtu);
		}
	}

	private static void setBridgeMtu(OvsBridge bridge, String mtu, TextChanges changes) {
		if (bridge.getMtu() != 0) {
			changes.replaceFeature(bridge, Z.getHostInterface_Mtu(), mtu);
		} else if (bridge.isRouted()) {
			changes.insertAfterFeature(bridge, Z.getOvsBridge_Routed(), " mtu " + mtu);
		} else {
			changes.insertAfterFeature(bridge, Z.getOvsBridge_Uplink(), " mtu " + mtu);
		}
	}

	@QuickFix(IssueCodes.MTU_RANGE)
	public void clampMtu(DiagnosticResolutionAcceptor acceptor) {
		Fix link = writeComputedValue(PointToPointLink.class, Z.getPointToPointLink_Mtu());
		Fix qeth = writeComputedValue(QethInterface.class, Z.getHostInterface_Mtu());
		acceptor.accept("Set the largest MTU the device allows", edits((diagnostic, element, changes) ->
				(EcoreUtil2.getContainerOfType(element, PointToPointLink.class) != null ? link : qeth).apply(diagnostic, element, changes)));
	}

	@QuickFix(IssueCodes.MTU_HIPERSOCKETS_SMALL)
	public void raiseToHiperSocketsMtu(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Raise the bridge and guest MTU to the HiperSockets MTU", edits((diagnostic, element, changes) -> {
			OvsBridge bridge = EcoreUtil2.getContainerOfType(element, OvsBridge.class);
			List<String> data = data(diagnostic);
			if (bridge == null || data.isEmpty()) {
				return;
			}
			setBridgeMtu(bridge, data.get(0), changes);
			for (Nic nic : Hosts.nicsOn(bridge)) {
				if (nic.getMtu() != 0) {
					changes.replaceFeature(nic, Z.getNic_Mtu(), data.get(0));
				}
			}
		}));
	}

	// ------------------------------------------------------------------ layers

	@QuickFix(IssueCodes.LAYER_HIPERSOCKETS_MIX)
	public void alignLayer(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Set the LAN's layer on this interface", edits((diagnostic, element, changes) -> {
			HiperSocketsInterface hs = EcoreUtil2.getContainerOfType(element, HiperSocketsInterface.class);
			List<String> data = data(diagnostic);
			if (hs != null && !data.isEmpty()) {
				setLayer(hs, Integer.parseInt(data.get(0)), changes);
			}
		}));
	}

	@QuickFix(IssueCodes.LAYER_GUEST_TO_L3)
	public void routeToLayer3(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Connect the guest through host routing (routed bridge)", edits((diagnostic, element, changes) -> {
			Nic nic = EcoreUtil2.getContainerOfType(element, Nic.class);
			if (nic == null) {
				return;
			}
			Hosts.attachedUplink(nic).ifPresent(uplink -> {
				if (uplink.eResource() == nic.eResource()) {
					setLayer(uplink, 3, changes); // the host routes to the layer 3 partner on the partner's layer
					removeVnicc(uplink, changes);
				}
			});
			if (nic.getBridge() != null && !nic.getBridge().isRouted()) {
				OvsBridge bridge = nic.getBridge();
				var nodes = TextChanges.nodes(bridge, Z.getOvsBridge_Uplink());
				String text = changes.text();
				int attached = text.lastIndexOf("attached", nodes.get(0).getOffset());
				changes.replace(attached, nodes.get(0).getEndOffset() - attached, "routed");
			} else if (nic.getUplink() != null) {
				Hosts.members(Hosts.lparOf(nic), OvsBridge.class).stream().filter(OvsBridge::isRouted).findFirst().ifPresent(routed -> {
					var nodes = TextChanges.nodes(nic, Z.getNic_Uplink());
					int macvtap = changes.text().lastIndexOf("macvtap", nodes.get(0).getOffset());
					changes.replace(macvtap, nodes.get(0).getEndOffset() - macvtap, "on " + routed.getName());
				});
			}
		}));
	}

	@QuickFix(IssueCodes.LAYER_L3_PARTNER)
	public void setLayer3(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Set layer 3", edits((diagnostic, element, changes) -> {
			QethInterface qeth = EcoreUtil2.getContainerOfType(element, QethInterface.class);
			if (qeth != null) {
				setLayer(qeth, 3, changes);
			}
		}));
	}

	@QuickFix(IssueCodes.LAYER_ATTACH_L3)
	public void switchUplinkToLayer2(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Switch the uplink to layer 2", edits((diagnostic, element, changes) -> {
			OvsBridge bridge = element instanceof OvsBridge b ? b : null;
			Nic nic = EcoreUtil2.getContainerOfType(element, Nic.class);
			QethInterface uplink = bridge != null ? bridge.getUplink() : nic != null ? nic.getUplink() : null;
			if (uplink == null || uplink.eResource() != element.eResource()) {
				return;
			}
			setLayer(uplink, 2, changes);
			if (bridge != null) {
				addVnicc(uplink, changes);
			}
		}));
	}

	@QuickFix(IssueCodes.LAYER_ATTACH_VNICC)
	public void enableVnicc(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Enable VNIC learning and flooding on the uplink", edits((diagnostic, element, changes) -> {
			if (element instanceof OvsBridge bridge && bridge.getUplink() != null && bridge.getUplink().eResource() == bridge.eResource()) {
				addVnicc(bridge.getUplink(), changes);
			}
		}));
	}

	/** VNIC characteristics need layer 2 (facts §1.4). */
	private static void removeVnicc(QethInterface qeth, TextChanges changes) {
		var nodes = TextChanges.nodes(qeth, Z.getQethInterface_Vnicc());
		if (nodes.isEmpty()) {
			return;
		}
		int keyword = changes.text().lastIndexOf("vnicc", nodes.get(0).getOffset());
		changes.deleteWithLeadingBlanks(keyword, nodes.get(nodes.size() - 1).getEndOffset());
	}

	private static void addVnicc(QethInterface qeth, TextChanges changes) {
		List<String> missing = new ArrayList<>();
		if (!qeth.getVnicc().contains(VnicCharacteristic.LEARNING)) {
			missing.add("learning");
		}
		if (!qeth.getVnicc().contains(VnicCharacteristic.FLOODING)) {
			missing.add("flooding");
		}
		if (missing.isEmpty()) {
			return;
		}
		if (!qeth.getVnicc().isEmpty()) {
			changes.insertAfterFeature(qeth, Z.getQethInterface_Vnicc(), ", " + String.join(", ", missing));
		} else if (qeth.getLayer() != 0) {
			changes.insertAfterFeature(qeth, Z.getQethInterface_Layer(), " vnicc " + String.join(", ", missing));
		} else {
			changes.insertAfterFeature(qeth, qeth instanceof OsaInterface ? Z.getOsaInterface_Chpid() : Z.getQethInterface_Device(),
					" vnicc " + String.join(", ", missing));
		}
	}
}
