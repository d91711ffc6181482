package org.zkvm.dsl.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;
import org.zkvm.dsl.analysis.InterfaceNames;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.PointToPointLink;

/** Names that become Linux interface names, and so reach scripts, sysctl keys and XML (facts §2.4). */
public class NameValidator extends ZknetCheckBase {

	@Check
	public void checkInterface(HostInterface iface) {
		check(iface.getName(), "interface", iface, Z.getHostInterface_Name());
		if (iface instanceof OvsBridge bridge && bridge.getVnic() != null) {
			check(bridge.getVnic(), "internal port", bridge, Z.getOvsBridge_Vnic());
		}
	}

	@Check
	public void checkNic(Nic nic) {
		check(nic.getName(), "guest interface", nic, Z.getNic_Name());
	}

	@Check
	public void checkLink(PointToPointLink link) {
		check(link.getName(), "interface", link, Z.getZvmMember_Name());
	}

	private void check(String name, String what, EObject element, EStructuralFeature feature) {
		if (name == null) {
			return;
		}
		InterfaceNames.problem(name).ifPresent(problem -> report(IssueCodes.NAME_INTERFACE, "the " + what + " name '" + name + "' " + problem
				+ ": the kernel rejects it ('not a valid ifname'), and zknet will not put it into a root script; choose another name",
				element, feature));
	}
}
