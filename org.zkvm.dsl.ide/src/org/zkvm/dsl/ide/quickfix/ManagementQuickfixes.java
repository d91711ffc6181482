package org.zkvm.dsl.ide.quickfix;

import java.util.List;
import java.util.Optional;

import org.eclipse.xtext.ide.editor.quickfix.DiagnosticResolutionAcceptor;
import org.eclipse.xtext.ide.editor.quickfix.QuickFix;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.validation.IssueCodes;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.InterfaceAddress;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Management;
import org.zkvm.dsl.zknet.OvsBridge;

/** Fixes of the management-path checks (ManagementValidator): safe on a live host. */
public class ManagementQuickfixes extends QuickfixBase {

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

	private static Optional<HostInterface> interfaceNamed(Management management, String name) {
		Lpar lpar = Hosts.lparOf(management);
		return lpar == null ? Optional.empty() : Hosts.interfaces(lpar).stream().filter(i -> name.equals(i.getName())).findFirst();
	}
}
