package org.zkvm.dsl.scoping;

import java.util.Locale;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EcorePackage;
import org.zkvm.dsl.zknet.ZknetPackage;

/** How the user calls each kind of model element, for messages. */
public final class ElementKinds {
	private ElementKinds() {
	}

	public static String describe(EClass type) {
		ZknetPackage p = ZknetPackage.eINSTANCE;
		if (type == p.getNetwork()) return "network";
		if (type == p.getAddressScheme()) return "address scheme";
		if (type == p.getChpid()) return "chpid";
		if (type == p.getIqdChpid()) return "HiperSockets LAN";
		if (type == p.getLpar()) return "LPAR";
		if (type == p.getHostInterface()) return "host interface or bridge";
		if (type == p.getQethInterface()) return "OSA or HiperSockets interface";
		if (type == p.getOvsBridge()) return "Open vSwitch bridge";
		if (type == p.getNic()) return "guest NIC";
		if (type == p.getZvmSystem()) return "z/VM system";
		if (type == p.getZvmGuest()) return "z/VM guest";
		if (type == EcorePackage.Literals.EOBJECT) return "guest, LPAR, network or z/VM guest";
		// e.g. IsfcLink -> "isfc link"
		return type.getName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
	}
}
