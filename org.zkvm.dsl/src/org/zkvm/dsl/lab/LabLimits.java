package org.zkvm.dsl.lab;

import java.util.List;
import java.util.Optional;

import org.eclipse.xtext.EcoreUtil2;
import org.zkvm.dsl.topology.Addresses;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.Links;
import org.zkvm.dsl.zknet.BondInterface;
import org.zkvm.dsl.zknet.BondMode;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.Model;
import org.zkvm.dsl.zknet.QethInterface;
import org.zkvm.dsl.zknet.VlanInterface;

/**
 * What the lab cannot build, so that it refuses a model instead of building something else. The
 * kernels of the machines zknet is tested on have neither 802.1Q nor bonding (CONFIG_VLAN_8021Q and
 * CONFIG_BONDING unset; docs/vlans-and-bonds.md): the lab stands in for Linux bonds and VLAN devices
 * with Open vSwitch (which does active-backup bonds and VLAN tags in its userspace datapath), so a
 * bond in another mode, or a VLAN on a device that keeps addresses of its own, it cannot build; nor
 * can the distributions' own daemons bring bonds and VLANs up at a reboot (--boot).
 */
public final class LabLimits {
	private LabLimits() {
	}

	/** The first element of the models the lab cannot build, in words, or empty. */
	public static Optional<String> unbuilt(List<Model> models) {
		for (Model model : models) {
			for (HostInterface iface : EcoreUtil2.getAllContentsOfType(model, HostInterface.class)) {
				if (iface instanceof BondInterface bond && Links.mode(bond) != BondMode.ACTIVE_BACKUP) {
					return Optional.of(Hosts.path(bond) + " is a bond in mode " + Links.mode(bond).getLiteral()
							+ ": the lab's stand-in for the kernel's bonding driver (an Open vSwitch bond) does active-backup only");
				}
				if (iface instanceof VlanInterface vlan && Links.parent(vlan).filter(p -> p instanceof QethInterface && !Addresses.of(p).isEmpty()).isPresent()) {
					return Optional.of(Hosts.path(vlan) + " is a VLAN on a device with addresses of its own: the lab's stand-in for the kernel's 802.1Q driver"
							+ " makes the parent a switch port and cannot keep them");
				}
			}
		}
		return Optional.empty();
	}

	/** The first Linux bond or VLAN device of the models, in words, or empty: the reboot (--boot) cannot bring it up with this kernel. */
	public static Optional<String> unbootable(List<Model> models) {
		for (Model model : models) {
			for (HostInterface iface : EcoreUtil2.getAllContentsOfType(model, HostInterface.class)) {
				if (iface instanceof VlanInterface || iface instanceof BondInterface) {
					return Optional.of(Hosts.path(iface) + " is a Linux " + (iface instanceof VlanInterface ? "VLAN device" : "bond")
							+ ": NetworkManager, systemd-networkd and wicked make it with the kernel's " + (iface instanceof VlanInterface ? "802.1Q" : "bonding")
							+ " driver, which this kernel does not have");
				}
			}
		}
		return Optional.empty();
	}
}
