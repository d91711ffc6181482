package org.zkvm.dsl.ide.quickfix;

import java.util.List;

import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.editor.quickfix.DiagnosticResolutionAcceptor;
import org.eclipse.xtext.ide.editor.quickfix.QuickFix;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.validation.IssueCodes;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.PointToPointLink;
import org.zkvm.dsl.zknet.QethInterface;

/** Fixes of the MTU checks (MtuValidator). */
public class MtuQuickfixes extends QuickfixBase {

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
}
