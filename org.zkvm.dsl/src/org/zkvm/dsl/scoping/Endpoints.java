package org.zkvm.dsl.scoping;

import org.eclipse.emf.ecore.EClass;
import org.zkvm.dsl.zknet.ZknetPackage;

/** What a workload may run between: KVM guests, LPARs (e.g. a z/OS partner), networks, z/VM guests. */
public final class Endpoints {
	private Endpoints() {
	}

	public static boolean isEndpointType(EClass type) {
		ZknetPackage p = ZknetPackage.eINSTANCE;
		return type == p.getGuest() || type == p.getLpar() || type == p.getNetwork() || type == p.getZvmGuest();
	}
}
