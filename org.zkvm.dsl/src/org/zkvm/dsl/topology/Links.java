package org.zkvm.dsl.topology;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.zkvm.dsl.analysis.MtuLimits;
import org.zkvm.dsl.zknet.BondInterface;
import org.zkvm.dsl.zknet.BondMode;
import org.zkvm.dsl.zknet.FailOverMac;
import org.zkvm.dsl.zknet.HiperSocketsInterface;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.LinkInterface;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.OsaChpid;
import org.zkvm.dsl.zknet.OsaInterface;
import org.zkvm.dsl.zknet.OvsBondMode;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.QethInterface;
import org.zkvm.dsl.zknet.VlanInterface;
import org.zkvm.dsl.zknet.ZknetPackage;

/**
 * VLANs and bonds read as what they stand on (docs/vlans-and-bonds.md): the qeth ports under a
 * link, the VLAN its frames carry on the LAN, the layer the LAN sees, and a bond's effective
 * settings.
 */
public final class Links {
	private Links() {
	}

	/** The default link monitor interval zknet writes for a bond (ms; bonding.rst: 0 would disable it). */
	public static final int DEFAULT_MIIMON = 100;

	/** The qeth ports under an interface: itself, a VLAN's parent's, a bond's members, an Open vSwitch bond's members or an attached bridge's uplink's. */
	public static List<QethInterface> qethUnder(HostInterface iface) {
		Set<QethInterface> result = new LinkedHashSet<>();
		collect(iface, result, new LinkedHashSet<>());
		return new ArrayList<>(result);
	}

	private static void collect(HostInterface iface, Set<QethInterface> result, Set<HostInterface> seen) {
		if (iface == null || iface.eIsProxy() || !seen.add(iface)) {
			return;
		}
		if (iface instanceof QethInterface qeth) {
			result.add(qeth);
		} else if (iface instanceof VlanInterface vlan) {
			collect(vlan.getParent(), result, seen);
		} else if (iface instanceof BondInterface bond) {
			bond.getMembers().forEach(m -> collect(m, result, seen));
		} else if (iface instanceof OvsBridge bridge && !bridge.isRouted()) {
			if (!bridge.getBondMembers().isEmpty()) {
				ovsBondMembers(bridge).forEach(m -> collect(m, result, seen));
			} else {
				collect(bridge.getUplink(), result, seen);
			}
		}
	}

	/** The interface a VLAN is on, resolved, or empty. */
	public static Optional<LinkInterface> parent(VlanInterface vlan) {
		return vlan.getParent() != null && !vlan.getParent().eIsProxy() ? Optional.of(vlan.getParent()) : Optional.empty();
	}

	/** The bond mode zknet writes: as the model says, else active-backup (the mode IBM documents for OSA, docs/vlans-and-bonds.md). */
	public static BondMode mode(BondInterface bond) {
		return Hosts.written(bond, ZknetPackage.Literals.BOND_INTERFACE__MODE) ? bond.getMode() : BondMode.ACTIVE_BACKUP;
	}

	public static int miimon(BondInterface bond) {
		return bond.getMiimon() != 0 ? bond.getMiimon() : DEFAULT_MIIMON;
	}

	/**
	 * fail_over_mac: as the model says, else 'active' for active-backup (each OSA port keeps the MAC
	 * it registered with the OSA; the bond takes the active member's, docs/vlans-and-bonds.md) and
	 * 'none' for the other modes, which ignore it.
	 */
	public static FailOverMac failOverMac(BondInterface bond) {
		if (Hosts.written(bond, ZknetPackage.Literals.BOND_INTERFACE__FAIL_OVER_MAC)) {
			return bond.getFailOverMac();
		}
		return mode(bond) == BondMode.ACTIVE_BACKUP ? FailOverMac.ACTIVE : FailOverMac.NONE;
	}

	/** The bond's members, resolved, in the order written. */
	public static List<QethInterface> members(BondInterface bond) {
		return bond.getMembers().stream().filter(m -> m != null && !m.eIsProxy()).toList();
	}

	/** The members of a bridge's Open vSwitch bond, resolved, in the order written (none without one). */
	public static List<QethInterface> ovsBondMembers(OvsBridge bridge) {
		return bridge.getBondMembers().stream().filter(m -> m != null && !m.eIsProxy()).toList();
	}

	/** An Open vSwitch bond's bond_mode: as written, else active-backup (the one mode for members on different switches, docs/vlans-and-bonds.md). */
	public static OvsBondMode ovsBondMode(OvsBridge bridge) {
		return Hosts.written(bridge, ZknetPackage.Literals.OVS_BRIDGE__BOND_MODE) ? bridge.getBondMode() : OvsBondMode.ACTIVE_BACKUP;
	}

	/** The member active-backup prefers: 'primary', else the first member. */
	public static Optional<QethInterface> primary(BondInterface bond) {
		if (bond.getPrimary() != null && !bond.getPrimary().eIsProxy()) {
			return Optional.of(bond.getPrimary());
		}
		return members(bond).stream().findFirst();
	}

	/** The MTU a bond runs: as written, else 1500 (bond devices start at 1500 and set it on their members, bonding.rst). */
	public static int bondMtu(BondInterface bond) {
		return bond.getMtu() != 0 ? bond.getMtu() : MtuLimits.ETHERNET;
	}

	/** The Open vSwitch bridge whose bond a qeth port is a member of, if any. */
	public static Optional<OvsBridge> ovsBondOf(QethInterface qeth) {
		Lpar lpar = Hosts.lparOf(qeth);
		return lpar == null ? Optional.empty() : Hosts.members(lpar, OvsBridge.class).stream().filter(b -> b.getBondMembers().contains(qeth)).findFirst();
	}

	/** The Linux bond a qeth port is a member of, if any. */
	/**
	 * The chpid a qeth port fails with: an OSA port's CHPID, a HiperSockets interface's IQD chpid
	 * (by its LAN name); "?" where the reference does not resolve. Bond members on one chpid fail
	 * together (bond.same-chpid; the report and the lab's member-down proof group them by it).
	 */
	public static String chpid(QethInterface qeth) {
		EObject chpid = qeth instanceof HiperSocketsInterface hs ? hs.getLan() : qeth instanceof OsaInterface osa ? osa.getChpid() : null;
		return chpid == null || chpid.eIsProxy() ? "?" : String.valueOf(chpid.eGet(chpid.eClass().getEStructuralFeature("name")));
	}

	/** The OSA feature (the adapter card) an OSA port's chpid is on, or null where the model does not name it. */
	public static String feature(QethInterface qeth) {
		return qeth instanceof OsaInterface osa && osa.getChpid() instanceof OsaChpid chpid && !chpid.eIsProxy() ? chpid.getFeature() : null;
	}

	public static Optional<BondInterface> bondOf(QethInterface qeth) {
		Lpar lpar = Hosts.lparOf(qeth);
		return lpar == null ? Optional.empty() : Hosts.members(lpar, BondInterface.class).stream().filter(b -> b.getMembers().contains(qeth)).findFirst();
	}

}
