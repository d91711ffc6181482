package org.zkvm.dsl.lab;

import java.util.List;
import java.util.Optional;

import org.eclipse.xtext.EcoreUtil2;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.zknet.BondInterface;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.Model;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.VlanInterface;

/**
 * What the lab cannot build yet, so that it refuses a model instead of building something else: VLANs
 * and bonds (the kernels of the machines zknet is tested on have neither 802.1Q nor bonding,
 * CONFIG_VLAN_8021Q and CONFIG_BONDING unset; docs/vlans-and-bonds.md, "Not yet done").
 */
public final class LabLimits {
	private LabLimits() {
	}

	/** The first element of the models the lab cannot build, in words, or empty. */
	public static Optional<String> unbuilt(List<Model> models) {
		for (Model model : models) {
			for (HostInterface iface : EcoreUtil2.getAllContentsOfType(model, HostInterface.class)) {
				if (iface instanceof VlanInterface || iface instanceof BondInterface) {
					return Optional.of(Hosts.path(iface) + " is a " + (iface instanceof VlanInterface ? "VLAN" : "bond"));
				}
				if (iface instanceof OvsBridge bridge && (!bridge.getBondMembers().isEmpty() || !bridge.getTrunks().isEmpty())) {
					return Optional.of(Hosts.path(iface) + " has an Open vSwitch bond or trunks");
				}
			}
			for (Nic nic : EcoreUtil2.getAllContentsOfType(model, Nic.class)) {
				if (nic.getVlan() != 0) {
					return Optional.of(Hosts.path(nic) + " is an access port of VLAN " + nic.getVlan());
				}
			}
		}
		return Optional.empty();
	}
}
