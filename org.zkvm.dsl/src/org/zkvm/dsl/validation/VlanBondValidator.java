package org.zkvm.dsl.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;
import org.zkvm.dsl.generator.HostFacts;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.Links;
import org.zkvm.dsl.zknet.BondInterface;
import org.zkvm.dsl.zknet.BondMode;
import org.zkvm.dsl.zknet.FailOverMac;
import org.zkvm.dsl.zknet.Forwarding;
import org.zkvm.dsl.zknet.Guest;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.LinkInterface;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.OsaChpid;
import org.zkvm.dsl.zknet.OsaInterface;
import org.zkvm.dsl.zknet.OvsBondMode;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.ProxyArp;
import org.zkvm.dsl.zknet.QethInterface;
import org.zkvm.dsl.zknet.VlanInterface;

/**
 * VLANs and bonds (docs/vlans-and-bonds.md): redundancy of a bond's members (chpid, OSA feature),
 * their layer and MTU, the modes shared OSA ports allow, members used on their own, VLAN ids, MTUs
 * and parents, and guests' access ports.
 */
public class VlanBondValidator extends ZknetCheckBase {

	@Check
	public void checkRedundancy(BondInterface bond) {
		List<QethInterface> members = Links.members(bond);
		for (int i = 0; i < members.size(); i++) {
			if (Hosts.layer(members.get(i)) == 3) {
				report(IssueCodes.BOND_LAYER, members.get(i).getName() + " runs layer 3: a qeth device joins a bond only in layer 2, where it has a MAC "
						+ "of its own registered with the OSA (IBM, qeth device driver functions: bonding no in layer 3); set layer 2 on "
						+ members.get(i).getName(), bond, Z.getBondInterface_Members(), i);
				return;
			}
		}
		checkMembers(bond.getName(), members, bond, Z.getBondInterface_Members());
	}

	@Check
	public void checkRedundancy(OvsBridge bridge) {
		if (!bridge.getBondMembers().isEmpty()) {
			checkMembers("the Open vSwitch bond of " + bridge.getName(), Links.ovsBondMembers(bridge), bridge, Z.getOvsBridge_BondMembers());
			if (Links.ovsBondMode(bridge) == OvsBondMode.BALANCE_TCP) {
				report(IssueCodes.BOND_MODE, "balance-tcp needs LACP with the switch, which zknet does not set up, and OSA ports dedicated to this LPAR "
						+ "(IBM: dedicate OSA devices planned for 802.3ad); use active-backup, the one mode for members on different switches "
						+ "(Open vSwitch, bonding.rst)", bridge, Z.getOvsBridge_BondMode());
			}
		}
	}

	/**
	 * Two members on one chpid or one OSA feature fail together (IBM Linux Health Checker,
	 * net_bond_qeth_ineffective). A layer 3 member: bond.layer for a Linux bond, layer.attach-l3 for an
	 * Open vSwitch bond (LayerDeviceValidator), not both.
	 */
	private void checkMembers(String bond, List<QethInterface> members, HostInterface owner, EStructuralFeature feature) {
		for (int i = 0; i < members.size(); i++) {
			QethInterface member = members.get(i);
			for (int j = 0; j < i; j++) {
				QethInterface other = members.get(j);
				if (other == member) {
					report(IssueCodes.BOND_MEMBER, member.getName() + " is listed twice in " + bond, owner, feature, i);
					return;
				}
				String shared = sharedHardware(member, other);
				if (shared != null) {
					report(IssueCodes.BOND_SAME_CHPID, member.getName() + " and " + other.getName() + " of " + bond + " share " + shared
							+ ": they fail together, so the bond gives neither path redundancy nor bandwidth (IBM Linux Health Checker, "
							+ "net_bond_qeth_ineffective); put the members on chpids of different OSA features, cabled to different switches",
							owner, feature, i);
					return;
				}
			}
		}
	}

	private static String sharedHardware(QethInterface one, QethInterface other) {
		if (one instanceof OsaInterface a && other instanceof OsaInterface b && a.getChpid() instanceof OsaChpid x && b.getChpid() instanceof OsaChpid y) {
			if (x == y) {
				return "chpid " + x.getName();
			}
			if (x.getFeature() != null && Objects.equals(x.getFeature(), y.getFeature()) && Hosts.cecOf(x) == Hosts.cecOf(y)) {
				return "OSA feature " + x.getFeature() + " (chpids " + x.getName() + " and " + y.getName() + ")";
			}
		}
		return null;
	}

	@Check
	public void checkBondSettings(BondInterface bond) {
		List<QethInterface> members = Links.members(bond);
		if (bond.getPrimary() != null && !bond.getPrimary().eIsProxy() && !members.contains(bond.getPrimary())) {
			report(IssueCodes.BOND_MEMBER, "primary " + bond.getPrimary().getName() + " is not a member of " + bond.getName(), bond, Z.getBondInterface_Primary());
		}
		BondMode mode = Links.mode(bond);
		if (mode == BondMode.LACP) {
			for (QethInterface member : members) {
				Lpar other = sharingLpar(member);
				if (other != null) {
					report(IssueCodes.BOND_MODE, "lacp (802.3ad) needs OSA ports dedicated to one LPAR, but " + other.getName() + " shares the chpid of "
							+ member.getName() + " (IBM: dedicate OSA devices planned for 802.3ad mode to a target LPAR); use active-backup",
							bond, Z.getBondInterface_Mode());
					return;
				}
			}
		} else if (mode != BondMode.ACTIVE_BACKUP) {
			report(IssueCodes.BOND_MODE, mode.getLiteral() + " spreads one bond's frames over OSA ports that each register their own MAC, and "
					+ "shared OSA ports deliver to the registered one only; IBM documents active-backup for shared OSA ports (and lacp for "
					+ "dedicated ones with a switch that runs LACP)", bond, Z.getBondInterface_Mode());
		}
		if (mode == BondMode.ACTIVE_BACKUP && Links.failOverMac(bond) != FailOverMac.ACTIVE) {
			report(IssueCodes.BOND_MODE, "fail-over-mac " + Links.failOverMac(bond).getLiteral() + " on OSA: IBM says to always set fail_over_mac "
					+ "to active (with none, packets go to the inactive member on shared OSA adapters; follow is not recommended for "
					+ "Linux on Z); leave it out, zknet writes active", bond, Z.getBondInterface_FailOverMac());
		}
		int mtu = Links.bondMtu(bond);
		for (int i = 0; i < members.size(); i++) {
			QethInterface member = members.get(i);
			if (member.getMtu() != 0 && member.getMtu() != mtu) {
				report(IssueCodes.BOND_MTU, member.getName() + " has MTU " + member.getMtu() + ", but bond " + bond.getName() + " sets "
						+ mtu + " on its members as they join (bonding.rst); give the bond the MTU and leave it out on the members", bond,
						Z.getBondInterface_Members(), i);
				return;
			}
		}
	}

	/** Another LPAR with an OSA interface on the member's chpid (the port is shared). */
	private static Lpar sharingLpar(QethInterface member) {
		if (!(member instanceof OsaInterface osa) || osa.getChpid() == null || osa.getChpid().eIsProxy() || Hosts.cecOf(member) == null) {
			return null;
		}
		for (var element : Hosts.cecOf(member).getMembers()) {
			if (element instanceof Lpar lpar && lpar != Hosts.lparOf(member)
					&& Hosts.members(lpar, OsaInterface.class).stream().anyMatch(o -> o.getChpid() == osa.getChpid())) {
				return lpar;
			}
		}
		return null;
	}

	/** A bond member belongs to its bond: no addresses, no second bond, bridge, VLAN, MacVTap or kernel setting of its own. */
	@Check
	public void checkMemberUse(QethInterface qeth) {
		Lpar lpar = Hosts.lparOf(qeth);
		List<BondInterface> bonds = Hosts.members(lpar, BondInterface.class).stream().filter(b -> b.getMembers().contains(qeth)).toList();
		List<OvsBridge> ovsBonds = Hosts.members(lpar, OvsBridge.class).stream().filter(b -> b.getBondMembers().contains(qeth)).toList();
		if (bonds.size() + ovsBonds.size() == 0) {
			return;
		}
		String bond = !bonds.isEmpty() ? "bond " + bonds.get(0).getName() : "the Open vSwitch bond of " + ovsBonds.get(0).getName();
		String use = null;
		if (bonds.size() + ovsBonds.size() > 1) {
			use = "is also a member of another bond";
		} else if (!qeth.getAddresses().isEmpty()) {
			use = "has addresses of its own, which stop working once it is enslaved; give them to the bond";
		} else if (Hosts.members(lpar, OvsBridge.class).stream().anyMatch(b -> b.getUplink() == qeth)) {
			use = "is also a bridge's uplink";
		} else if (Hosts.members(lpar, VlanInterface.class).stream().anyMatch(v -> v.getParent() == qeth)) {
			use = "carries a VLAN of its own; put the VLAN on the bond";
		} else if (Hosts.members(lpar, Guest.class).stream().flatMap(g -> g.getMembers().stream()).anyMatch(m -> m instanceof Nic n && n.getUplink() == qeth)) {
			use = "is a MacVTap uplink";
		} else if (Hosts.members(lpar, Forwarding.class).stream().anyMatch(f -> f.getInterfaces().contains(qeth))
				|| Hosts.members(lpar, ProxyArp.class).stream().anyMatch(p -> p.getInterfaces().contains(qeth))) {
			use = "has forwarding or proxy-arp of its own: the kernel decides those on the bond";
		}
		if (use != null) {
			report(IssueCodes.BOND_MEMBER, qeth.getName() + " is a member of " + bond + " and " + use, qeth, Z.getHostInterface_Name());
		}
	}

	@Check
	public void checkVlan(VlanInterface vlan) {
		if (vlan.getVlanId() < 1 || vlan.getVlanId() > 4094) {
			report(IssueCodes.VLAN_ID, "VLAN id " + vlan.getVlanId() + " is outside 1-4094 (IEEE 802.1Q: 0 tags priority only, 4095 is reserved; "
					+ "the kernel refuses 4095)", vlan, Z.getVlanInterface_VlanId());
			return;
		}
		LinkInterface parent = Links.parent(vlan).orElse(null);
		if (parent == null) {
			return;
		}
		if (parent instanceof VlanInterface) {
			report(IssueCodes.VLAN_PARENT, parent.getName() + " is a VLAN itself: zknet plans one 802.1Q tag per frame; put " + vlan.getName()
					+ " on " + parent.getName() + "'s parent", vlan, Z.getVlanInterface_Parent());
			return;
		}
		if (parent instanceof QethInterface qeth && Links.bondOf(qeth).isPresent()) {
			report(IssueCodes.VLAN_PARENT, parent.getName() + " is a member of bond " + Links.bondOf(qeth).get().getName() + ": put the VLAN on the bond",
					vlan, Z.getVlanInterface_Parent());
			return;
		}
		for (VlanInterface other : Hosts.members(Hosts.lparOf(vlan), VlanInterface.class)) {
			if (other == vlan) {
				break;
			}
			if (other.getParent() == parent && other.getVlanId() == vlan.getVlanId()) {
				report(IssueCodes.VLAN_ID, "VLAN " + vlan.getVlanId() + " on " + parent.getName() + " is also " + other.getName()
						+ ": the kernel has one VLAN device per id and parent", vlan, Z.getVlanInterface_VlanId());
				return;
			}
		}
		int limit = Hosts.mtu(parent);
		if (vlan.getMtu() != 0 && vlan.getMtu() > limit) {
			report(IssueCodes.VLAN_MTU, "MTU " + vlan.getMtu() + " of " + vlan.getName() + " is above " + limit + " of its parent " + parent.getName()
					+ ": the kernel refuses a VLAN MTU above its parent's (vlan_dev_change_mtu); set " + limit + " or raise " + parent.getName()
					+ "'s", vlan, Z.getHostInterface_Mtu(), String.valueOf(limit));
		}
	}

	/** A guest's access port on a VLAN: the uplink must carry it, and a routed bridge's untagged internal port never sees it. */
	@Check
	public void checkAccessPort(Nic nic) {
		OvsBridge bridge = nic.getBridge();
		if (nic.getVlan() == 0 || bridge == null || bridge.eIsProxy()) {
			return;
		}
		if (nic.getVlan() < 1 || nic.getVlan() > 4094) {
			report(IssueCodes.VLAN_ID, "VLAN id " + nic.getVlan() + " is outside 1-4094", nic, Z.getNic_Vlan());
			return;
		}
		if (bridge.isRouted()) {
			report(IssueCodes.VLAN_ACCESS_PORT, nic.getName() + " is an access port of VLAN " + nic.getVlan() + " on the routed bridge "
					+ bridge.getName() + ", whose internal port " + HostFacts.port(bridge) + " (the guests' gateway) is untagged: the guest "
					+ "reaches nobody; leave 'vlan' out on a routed bridge", nic, Z.getNic_Vlan());
		} else if (!bridge.getTrunks().isEmpty() && !bridge.getTrunks().contains(nic.getVlan())) {
			report(IssueCodes.VLAN_ACCESS_PORT, nic.getName() + " is an access port of VLAN " + nic.getVlan() + ", but the uplink of " + bridge.getName()
					+ " carries only VLANs " + bridge.getTrunks() + ": its frames never leave the host; add " + nic.getVlan() + " to 'trunks'",
					nic, Z.getNic_Vlan());
		}
	}

	@Check
	public void checkTrunks(OvsBridge bridge) {
		Map<Integer, Integer> seen = new HashMap<>();
		for (int i = 0; i < bridge.getTrunks().size(); i++) {
			int id = bridge.getTrunks().get(i);
			if (id < 1 || id > 4094 || seen.put(id, i) != null) {
				report(IssueCodes.VLAN_ID, id < 1 || id > 4094 ? "VLAN id " + id + " is outside 1-4094" : "VLAN " + id + " is listed twice", bridge,
						Z.getOvsBridge_Trunks(), i);
				return;
			}
		}
		if (bridge.isRouted() && !bridge.getTrunks().isEmpty()) {
			report(IssueCodes.VLAN_ACCESS_PORT, "a routed bridge has no uplink to carry VLANs: leave 'trunks' out", bridge, Z.getOvsBridge_Trunks());
		}
	}
}
