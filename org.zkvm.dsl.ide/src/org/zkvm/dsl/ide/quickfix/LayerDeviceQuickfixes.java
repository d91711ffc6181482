package org.zkvm.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.editor.quickfix.DiagnosticResolutionAcceptor;
import org.eclipse.xtext.ide.editor.quickfix.QuickFix;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.Links;
import org.zkvm.dsl.validation.IssueCodes;
import org.zkvm.dsl.zknet.Guest;
import org.zkvm.dsl.zknet.HiperSocketsInterface;
import org.zkvm.dsl.zknet.LinkInterface;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.OsaInterface;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.QethInterface;
import org.zkvm.dsl.zknet.VnicCharacteristic;

/** Fixes of the layer and device checks (LayerDeviceValidator). */
public class LayerDeviceQuickfixes extends QuickfixBase {

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
			Optional<OvsBridge> routed = Hosts.members(Hosts.lparOf(nic), OvsBridge.class).stream().filter(OvsBridge::isRouted).findFirst();
			if (nic.getBridge() == null && routed.isEmpty()) {
				return; // a MacVTap guest on a host without a routed bridge: nothing to route through
			}
			Hosts.attachedUplink(nic).ifPresent(uplink -> {
				boolean sharedByMacvtap = nic.getUplink() != null && Hosts.members(Hosts.lparOf(nic), Guest.class).stream()
						.flatMap(g -> EcoreUtil2.getAllContentsOfType(g, Nic.class).stream()).anyMatch(n -> n != nic && n.getUplink() == uplink);
				if (uplink instanceof QethInterface qeth && uplink.eResource() == nic.eResource() && !sharedByMacvtap) {
					setLayer(qeth, 3, changes); // the host routes to the layer 3 partner on the partner's layer
					removeVnicc(qeth, changes);
				}
			});
			if (nic.getBridge() != null && !nic.getBridge().isRouted()) {
				OvsBridge bridge = nic.getBridge();
				var nodes = TextChanges.nodes(bridge, Z.getOvsBridge_Uplink());
				String text = changes.text();
				int attached = text.lastIndexOf("attached", nodes.get(0).getOffset());
				changes.replace(attached, nodes.get(0).getEndOffset() - attached, "routed");
			} else if (nic.getUplink() != null) {
				var nodes = TextChanges.nodes(nic, Z.getNic_Uplink());
				int macvtap = changes.text().lastIndexOf("macvtap", nodes.get(0).getOffset());
				changes.replace(macvtap, nodes.get(0).getEndOffset() - macvtap, "on " + routed.get().getName());
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
			// the qeth ports under the way out: the uplink itself, a VLAN's parent, a bond's or an Open vSwitch bond's members
			List<QethInterface> ports = bridge != null ? Links.qethUnder(bridge)
					: nic != null && nic.getUplink() != null ? Links.qethUnder(nic.getUplink()) : List.of();
			for (QethInterface port : ports) {
				if (Hosts.layer(port) != 3 || port.eResource() != element.eResource() || layer3PartnersOnLan(port)) {
					continue; // on a HiperSockets LAN with layer 3 members, layer 2 would cut the host off them: route instead
				}
				setLayer(port, 2, changes);
				if (bridge != null) {
					addVnicc(port, changes);
				}
			}
		}));
		acceptor.accept("Route the guests instead (routed bridge)", edits((diagnostic, element, changes) -> {
			if (element instanceof OvsBridge bridge && !bridge.isRouted() && bridge.getUplink() != null && layer3PartnersOnLan(bridge.getUplink())) {
				var nodes = TextChanges.nodes(bridge, Z.getOvsBridge_Uplink());
				int attached = changes.text().lastIndexOf("attached", nodes.get(0).getOffset());
				changes.replace(attached, nodes.get(0).getEndOffset() - attached, "routed");
			}
		}));
	}

	/** Whether the uplink is a HiperSockets device whose LAN has other members at layer 3 (facts §1.3: no conversion between layers). */
	private static boolean layer3PartnersOnLan(LinkInterface uplink) {
		if (!(uplink instanceof HiperSocketsInterface hs) || hs.getLan() == null) {
			return false;
		}
		return EcoreUtil2.getAllContentsOfType(EcoreUtil2.getRootContainer(uplink), HiperSocketsInterface.class).stream()
				.anyMatch(other -> other != hs && other.getLan() == hs.getLan() && Hosts.layer(other) == 3);
	}

	@QuickFix(IssueCodes.LAYER_ATTACH_VNICC)
	public void enableVnicc(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Enable VNIC learning and flooding on the uplink", edits((diagnostic, element, changes) -> {
			if (element instanceof OvsBridge bridge) {
				// every qeth port under the bridge's way out: its uplink, a VLAN's parent, a bond's members
				Links.qethUnder(bridge).stream().filter(q -> q.eResource() == bridge.eResource()).forEach(q -> addVnicc(q, changes));
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
