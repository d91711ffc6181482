package org.zkvm.dsl.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.xtext.validation.Check;
import org.zkvm.dsl.analysis.DeviceRange;
import org.zkvm.dsl.analysis.MalformedValueException;
import org.zkvm.dsl.analysis.QethDevices;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.Links;
import org.zkvm.dsl.topology.ZvmLans;
import org.zkvm.dsl.topology.ZvmLinks;
import org.zkvm.dsl.zknet.Cec;
import org.zkvm.dsl.zknet.Chpid;
import org.zkvm.dsl.zknet.Guest;
import org.zkvm.dsl.zknet.GuestLan;
import org.zkvm.dsl.zknet.HiperSocketsInterface;
import org.zkvm.dsl.zknet.IqdChpid;
import org.zkvm.dsl.zknet.LinkInterface;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.OsaChpid;
import org.zkvm.dsl.zknet.OsaInterface;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.PointToPointKind;
import org.zkvm.dsl.zknet.PointToPointLink;
import org.zkvm.dsl.zknet.QethInterface;
import org.zkvm.dsl.zknet.VnicCharacteristic;
import org.zkvm.dsl.zknet.Vswitch;
import org.zkvm.dsl.zknet.ZvmGuest;
import org.zkvm.dsl.zknet.ZvmNic;

/** qeth layers, HiperSockets LANs, bridge uplinks, device triplets and legacy drivers (facts §1.2-§1.5, §2, §6, §7). */
public class LayerDeviceValidator extends ZknetCheckBase {

	/** The HiperSockets interfaces on a LAN, from every LPAR of the network. */
	static List<HiperSocketsInterface> membersOf(IqdChpid lan, Iterable<Lpar> lpars) {
		List<HiperSocketsInterface> result = new ArrayList<>();
		for (Lpar lpar : lpars) {
			for (HiperSocketsInterface hs : Hosts.members(lpar, HiperSocketsInterface.class)) {
				if (hs.getLan() == lan) {
					result.add(hs);
				}
			}
		}
		return result;
	}

	/** The layer the LAN must run: 3 with a z/OS, z/VSE or z/VM partner on it, else the majority's. */
	static int lanLayer(IqdChpid lan, List<HiperSocketsInterface> members) {
		if (lan.isExternalBridged()) {
			return 2;
		}
		int layer2 = 0;
		int layer3 = 0;
		for (HiperSocketsInterface hs : members) {
			if (Hosts.isLayer3Only(Hosts.lparOf(hs))) {
				return 3;
			}
			if (Hosts.layer(hs) == 2) {
				layer2++;
			} else {
				layer3++;
			}
		}
		return layer2 > layer3 ? 2 : 3;
	}

	/** Whether guests use the interface as their port to the LAN (an attached bridge's uplink or a MacVTap uplink). */
	static boolean carriesGuests(QethInterface qeth) {
		Lpar lpar = Hosts.lparOf(qeth);
		if (lpar == null) {
			return false;
		}
		for (OvsBridge bridge : Hosts.members(lpar, OvsBridge.class)) {
			if (!bridge.isRouted() && bridge.getUplink() == qeth) {
				return true;
			}
		}
		for (var guest : Hosts.members(lpar, Guest.class)) {
			for (var member : guest.getMembers()) {
				if (member instanceof Nic nic && nic.getUplink() == qeth) {
					return true;
				}
			}
		}
		return false;
	}

	@Check
	public void checkLanLayers(IqdChpid lan) {
		List<HiperSocketsInterface> members = membersOf(lan, network(lan).lpars());
		int layer = lanLayer(lan, members);
		boolean partner = members.stream().anyMatch(hs -> Hosts.isLayer3Only(Hosts.lparOf(hs)));
		for (HiperSocketsInterface hs : members) {
			if (Hosts.layer(hs) == layer || Hosts.isLayer3Only(Hosts.lparOf(hs)) || (partner && carriesGuests(hs))) {
				continue; // a layer 3 partner's wrong layer is layer.l3-partner; guests facing one are layer.guest-to-l3
			}
			String why = lan.isExternalBridged() ? "LAN " + lan.getName() + " is external-bridged, which requires layer 2 (facts §1.3)"
					: "LAN " + lan.getName() + " has layer " + layer + " interfaces, and HiperSockets does not convert between layer 2 and layer 3: "
							+ "they cannot talk to each other (facts §1.3)";
			report(IssueCodes.LAYER_HIPERSOCKETS_MIX, hs.getName() + " runs layer " + Hosts.layer(hs) + " but " + why + "; set layer " + layer,
					hs, hs.getLayer() != 0 ? Z.getQethInterface_Layer() : Z.getHostInterface_Name(), String.valueOf(layer));
		}
	}

	@Check
	public void checkGuestLink(Nic nic) {
		Optional<LinkInterface> uplink = Hosts.attachedUplink(nic);
		if (uplink.isPresent() && uplink.get() instanceof HiperSocketsInterface hs && Hosts.layer(hs) == 2 && hs.getLan() != null && !hs.getLan().eIsProxy()) {
			for (HiperSocketsInterface other : membersOf(hs.getLan(), network(nic).lpars())) {
				Lpar partner = Hosts.lparOf(other);
				if (other != hs && (Hosts.isLayer3Only(partner) || Hosts.layer(other) == 3)) {
					report(IssueCodes.LAYER_GUEST_TO_L3, nic.getName() + " puts a layer 2 KVM guest directly on LAN " + hs.getLan().getName() + ", where "
							+ partner.getName() + " (" + other.getName() + ") runs layer 3: HiperSockets cannot convert, so they never talk (seed 002 finding 6); "
							+ "put the guest on a routed bridge and let the host route to the layer 3 partner",
							nic, nic.getUplink() != null ? Z.getNic_Uplink() : Z.getNic_Bridge());
					return;
				}
			}
		}
		if (nic.getUplink() != null && !nic.getUplink().eIsProxy() && Hosts.layer(nic.getUplink()) == 3) {
			report(IssueCodes.LAYER_ATTACH_L3, "MacVTap needs a layer 2 uplink, but " + nic.getUplink().getName() + " runs layer 3: the guest's MAC "
					+ "never reaches the wire (facts §2.2); switch " + nic.getUplink().getName() + " to layer 2", nic, Z.getNic_Uplink());
		}
	}

	@Check
	public void checkQeth(QethInterface qeth) {
		Lpar lpar = Hosts.lparOf(qeth);
		if (lpar != null && Hosts.isLayer3Only(lpar) && qeth.getLayer() == 2) {
			report(IssueCodes.LAYER_L3_PARTNER, lpar.getName() + " runs " + lpar.getOs().getLiteral() + ", whose TCP/IP uses layer 3 only "
					+ "(facts §7.4); set layer 3", qeth, Z.getQethInterface_Layer());
		}
		if (qeth instanceof HiperSocketsInterface hs && hs.getLan() != null && !hs.getLan().eIsProxy()) {
			Cec own = Hosts.cecOf(qeth);
			Cec lanCec = Hosts.cecOf(hs.getLan());
			if (own != null && lanCec != null && own != lanCec) {
				report(IssueCodes.HIPERSOCKETS_CROSS_CEC, "HiperSockets LAN " + hs.getLan().getName() + " is in CEC " + lanCec.getName() + ", but "
						+ lpar.getName() + " runs in " + own.getName() + ": HiperSockets never leaves its CEC (facts §1.5); "
						+ "connect the CECs through OSA instead", qeth, Z.getHiperSocketsInterface_Lan());
			}
		}
		checkTriplet(qeth);
	}

	private void checkTriplet(QethInterface qeth) {
		if (qeth.getDevice() == null) {
			return;
		}
		Chpid chpid = qeth instanceof OsaInterface osa ? osa.getChpid() : qeth instanceof HiperSocketsInterface hs ? hs.getLan() : null;
		Lpar lpar = Hosts.lparOf(qeth);
		List<QethDevices.Other> others = lpar == null ? List.of() : Hosts.members(lpar, QethInterface.class).stream().filter(other -> other != qeth)
				.map(other -> new QethDevices.Other(other.getName(), other.getDevice())).toList();
		QethDevices.check(qeth.getDevice(), devices(chpid), others).ifPresent(broken -> report(IssueCodes.DEVICE_TRIPLET,
				message(broken, chpid, lpar), qeth, Z.getQethInterface_Device()));
	}

	/** The chpid's devices; null when the chpid is unresolved or its range is malformed. */
	private static DeviceRange devices(Chpid chpid) {
		String range = chpid instanceof OsaChpid o ? o.getDevices() : chpid instanceof IqdChpid i ? i.getDevices() : null;
		if (chpid == null || chpid.eIsProxy() || range == null) {
			return null;
		}
		try {
			return DeviceRange.parse(range);
		} catch (MalformedValueException e) {
			return null;
		}
	}

	private static String message(QethDevices.Broken broken, Chpid chpid, Lpar lpar) {
		return switch (broken) {
			case QethDevices.NotCanonical b -> "bus-ID '" + b.text() + "' is not in the form 0.<ssid>.<devno> with 4 lowercase hexadecimal digits, e.g. "
					+ b.example() + ": chzdev, sysfs and udev use that form (facts §1.2)";
			case QethDevices.Count b -> "a qeth device is a triplet of read, write and data devices: give the read device alone or all three, not "
					+ b.count() + " (facts §1.2)";
			case QethDevices.Write b -> "the write device must be the read device + 1 (" + b.expected() + "), not " + b.written()
					+ ": the qeth group cannot be set online (facts §1.2)";
			case QethDevices.Data b -> "the data device " + b.data() + " must be a third device of the same subchannel set (facts §1.2)";
			case QethDevices.OffChpid b -> "device " + b.device() + (b.impliedBy() != null ? " (implied by " + b.impliedBy() + ")" : "")
					+ " is not on chpid " + (chpid instanceof IqdChpid i ? i.getId() : chpid.getName()) + ", whose devices are " + b.devices()
					+ ": all three devices of a qeth group must be on the same chpid (facts §1.2)";
			case QethDevices.Shared b -> "device " + b.read() + " is also used by " + b.other() + " in " + lpar.getName()
					+ ": a qeth device belongs to one interface";
		};
	}

	@Check
	public void checkUplink(OvsBridge bridge) {
		if (bridge.isRouted()) {
			return;
		}
		var feature = bridge.getBondMembers().isEmpty() ? Z.getOvsBridge_Uplink() : Z.getOvsBridge_BondMembers();
		// the qeth ports the guests' frames leave by: the uplink's own, a VLAN's parent, a bond's members, the Open vSwitch bond's members
		for (QethInterface port : Links.qethUnder(bridge)) {
			String through = port == bridge.getUplink() ? "" : " (under " + (bridge.getUplink() != null ? bridge.getUplink().getName() : "the bond") + ")";
			if (Hosts.layer(port) == 3) {
				report(IssueCodes.LAYER_ATTACH_L3, "an OVS bridge needs a layer 2 port, but " + port.getName() + through + " runs layer 3: it has no MAC of its "
						+ "own per guest and Linux sees no ARP (facts §2.2); switch " + port.getName() + " to layer 2", bridge, feature);
				return;
			}
			if (!(port.getVnicc().contains(VnicCharacteristic.LEARNING) && port.getVnicc().contains(VnicCharacteristic.FLOODING))) {
				report(IssueCodes.LAYER_ATTACH_VNICC, port.getName() + through + " is attached to " + bridge.getName() + " without VNIC learning and flooding: "
						+ "the card only delivers frames for MACs registered on it, so the guests' MACs stay unknown and they get no traffic "
						+ "(facts §2.3); add 'vnicc learning, flooding' to " + port.getName(), bridge, feature);
				return;
			}
		}
	}

	/** A virtual CTC takes a read and a write device on each guest (facts §6.2); an IUCV link none. */
	@Check
	public void checkVirtualDevices(PointToPointLink link) {
		if (link.getKind() == PointToPointKind.IUCV) {
			if (link.getLeftDevice() != null || link.getRightDevice() != null) {
				reportError(IssueCodes.ZVM_DEVICES, "an IUCV link has no virtual devices: netiucv connects to the partner's user ID; remove 'vdev'",
						link, link.getLeftDevice() != null ? Z.getPointToPointLink_LeftDevice() : Z.getPointToPointLink_RightDevice());
			}
			return;
		}
		for (ZvmGuest guest : java.util.Arrays.asList(link.getLeft(), link.getRight())) {
			if (guest == null || guest.eIsProxy()) {
				continue;
			}
			Integer mine = ZvmLinks.readDevices(guest).get(link);
			if (mine == null || ZvmLinks.declaredDevice(link, guest).isEmpty()) {
				continue;
			}
			if (mine + 1 > 0xFFFF) {
				reportError(IssueCodes.ZVM_DEVICES, link.getName() + " needs a read and a write device from " + ZvmLinks.vdev(mine)
						+ ", past FFFF, the last device number: give it FFFE or lower", link,
						guest == link.getLeft() ? Z.getPointToPointLink_LeftDevice() : Z.getPointToPointLink_RightDevice());
				continue;
			}
			List<Integer> nicDevices = ZvmLans.nicDevices(guest);
			if (nicDevices.contains(mine) || nicDevices.contains(mine + 1)) {
				ZvmNic nic = ZvmLans.nics(guest).stream().filter(n -> ZvmLans.device(n).map(d -> d <= mine + 1 && mine <= d + 2).orElse(false)).findFirst()
						.orElse(null);
				reportError(IssueCodes.ZVM_DEVICES, link.getName() + " takes " + guest.getName() + "'s virtual devices " + ZvmLinks.vdev(mine) + " and "
						+ ZvmLinks.vdev(mine + 1) + ", but " + (nic == null ? "a NIC" : "NIC " + nic.getName()) + " takes them (a NICDEF takes three)",
						link, guest == link.getLeft() ? Z.getPointToPointLink_LeftDevice() : Z.getPointToPointLink_RightDevice());
				continue;
			}
			// the declared devices come first, in declaration order: each link is compared with the ones before it
			for (var other : ZvmLinks.readDevices(guest).entrySet()) {
				if (other.getKey() == link) {
					break;
				}
				if (Math.abs(other.getValue() - mine) < 2) {
					reportError(IssueCodes.ZVM_DEVICES, link.getName() + " takes " + guest.getName() + "'s virtual devices " + ZvmLinks.vdev(mine) + " and "
							+ ZvmLinks.vdev(mine + 1) + " (read and write), but " + other.getKey().getName() + " takes " + ZvmLinks.vdev(other.getValue())
							+ " and " + ZvmLinks.vdev(other.getValue() + 1) + ": give each virtual CTC its own pair",
							link, guest == link.getLeft() ? Z.getPointToPointLink_LeftDevice() : Z.getPointToPointLink_RightDevice());
					break;
				}
			}
		}
	}

	/** A NICDEF takes three virtual devices, vdev to vdev+2 (the qeth read, write and data devices). */
	@Check
	public void checkNicDevices(ZvmNic nic) {
		Optional<Integer> mine = ZvmLans.device(nic);
		if (mine.isEmpty() || !(nic.eContainer() instanceof ZvmGuest guest)) {
			return;
		}
		if (mine.get() + 2 > 0xFFFF) {
			reportError(IssueCodes.ZVM_DEVICES, nic.getName() + " needs three virtual devices from " + ZvmLinks.vdev(mine.get())
					+ ", past FFFF, the last device number: start it at FFFD or lower", nic, Z.getZvmNic_Device());
			return;
		}
		for (ZvmNic other : ZvmLans.nics(guest)) {
			if (other == nic) {
				return;
			}
			Optional<Integer> theirs = ZvmLans.device(other);
			if (theirs.isPresent() && Math.abs(theirs.get() - mine.get()) < 3) {
				reportError(IssueCodes.ZVM_DEVICES, nic.getName() + " takes " + guest.getName() + "'s virtual devices " + ZvmLinks.vdev(mine.get()) + "-"
						+ ZvmLinks.vdev(mine.get() + 2) + " (a NICDEF's three), but " + other.getName() + " takes " + ZvmLinks.vdev(theirs.get()) + "-"
						+ ZvmLinks.vdev(theirs.get() + 2) + ": give each NIC its own three", nic, Z.getZvmNic_Device());
				return;
			}
		}
	}

	/** CP fails over to a VSWITCH's next uplink port; with one port, or all on one OSA chpid, one failure takes the guests off the LAN. */
	@Check
	public void checkVswitchUplinks(Vswitch vswitch) {
		Set<Object> chpids = new java.util.HashSet<>();
		vswitch.getUplinks().forEach(u -> chpids.add(u.getChpid() == null || u.getChpid().eIsProxy() ? "?" : u.getChpid()));
		if (vswitch.getUplinks().size() < 2) {
			report(IssueCodes.ZVM_VSWITCH_UPLINKS, "VSWITCH " + vswitch.getName() + " has one uplink port: when its OSA port, chpid or switch fails, every guest on "
					+ vswitch.getName() + " is off the LAN; add a backup port on another chpid (CP fails over to it)", vswitch, Z.getZvmMember_Name());
		} else if (chpids.size() == 1 && !chpids.contains("?")) {
			report(IssueCodes.ZVM_VSWITCH_UPLINKS, "VSWITCH " + vswitch.getName() + "'s uplink ports are all on one OSA chpid: one OSA feature or chpid failure "
					+ "takes every guest on " + vswitch.getName() + " off the LAN; put the backup port on another chpid", vswitch, Z.getZvmMember_Name());
		}
	}

	/** GROUP is an ETHERNET option of DEFINE VSWITCH; RDEV takes at most three real devices (z/VM 7.4, DEFINE VSWITCH Statement). */
	@Check
	public void checkVswitchGroup(Vswitch vswitch) {
		if (vswitch.getGroup() != null && ZvmLans.layer(vswitch) != 2) {
			reportError(IssueCodes.ZVM_VSWITCH_GROUP, "link aggregation ('group') is for ETHERNET VSWITCHes only: make " + vswitch.getName()
					+ " 'ethernet' or list its ports as backups", vswitch, Z.getVswitch_Group());
		} else if (vswitch.getGroup() == null && vswitch.getUplinks().size() > 3) {
			reportError(IssueCodes.ZVM_VSWITCH_GROUP, "RDEV takes at most three real devices (one active, two backups): " + vswitch.getName() + " lists "
					+ vswitch.getUplinks().size() + "; aggregate them with 'group' (ETHERNET) or list three", vswitch, Z.getZvmMember_Name());
		}
	}

	@Check
	public void checkVlan(ZvmNic nic) {
		if (nic.getVlan() == 0 || nic.getLan() == null || nic.getLan().eIsProxy()) {
			return;
		}
		if (nic.getLan() instanceof Vswitch vswitch && !vswitch.isVlanAware()) {
			reportError(IssueCodes.ZVM_LAN_VLAN, "VSWITCH " + vswitch.getName() + " is not VLAN aware: it cannot grant " + nic.getName() + " VLAN " + nic.getVlan()
					+ "; declare it 'vlan-aware' or leave the VLAN out", nic, Z.getZvmNic_Vlan());
		} else if (nic.getLan() instanceof GuestLan lan) {
			reportError(IssueCodes.ZVM_LAN_VLAN, "guest LAN " + lan.getName() + " has no VLANs (zknet grants VLANs on VSWITCHes): leave the VLAN out", nic,
					Z.getZvmNic_Vlan());
		} else if (nic.eContainer() instanceof ZvmGuest guest) {
			// MODIFY VSWITCH ... GRANT userid VLAN n: an access port's VLAN is the user's, not the NIC's
			for (ZvmNic other : ZvmLans.nics(guest)) {
				if (other == nic) {
					return;
				}
				if (other.getLan() == nic.getLan() && other.getVlan() != nic.getVlan()) {
					reportError(IssueCodes.ZVM_LAN_VLAN, guest.getName() + "'s NICs " + other.getName() + " and " + nic.getName() + " are on " + nic.getLan().getName()
							+ " with VLANs " + other.getVlan() + " and " + nic.getVlan() + ", but the VSWITCH grants a VLAN to the user ID, not to a NIC: "
							+ "put them on one VLAN, or on two VSWITCHes", nic, Z.getZvmNic_Vlan());
					return;
				}
			}
		}
	}

	/** COUPLE, IUCV CONNECT and NICDEF ... LAN SYSTEM reach devices, users and LANs of the guest's own z/VM system only. */
	@Check
	public void checkSameSystem(PointToPointLink link) {
		ZvmGuest left = link.getLeft();
		ZvmGuest right = link.getRight();
		if (left == null || right == null || left.eIsProxy() || right.eIsProxy() || left.getSystem() == null || right.getSystem() == null
				|| left.getSystem().eIsProxy() || right.getSystem().eIsProxy() || left.getSystem() == right.getSystem()) {
			return;
		}
		reportError(IssueCodes.ZVM_CROSS_SYSTEM, left.getName() + " runs on " + left.getSystem().getName() + " and " + right.getName() + " on "
				+ right.getSystem().getName() + ": " + (link.getKind() == PointToPointKind.CTC ? "COUPLE joins virtual CTCs" : "IUCV connects guests")
				+ " of one z/VM system only; link guests of one system, or use a VSWITCH with OSA uplinks between the systems", link, Z.getPointToPointLink_Right());
	}

	@Check
	public void checkNicSystem(ZvmNic nic) {
		if (nic.getLan() == null || nic.getLan().eIsProxy() || !(nic.eContainer() instanceof ZvmGuest guest) || guest.getSystem() == null
				|| nic.getLan().getSystem() == null || guest.getSystem() == nic.getLan().getSystem()) {
			return;
		}
		reportError(IssueCodes.ZVM_CROSS_SYSTEM, nic.getLan().getName() + " is on " + nic.getLan().getSystem().getName() + ", but " + guest.getName()
				+ " runs on " + guest.getSystem().getName() + ": NICDEF ... LAN SYSTEM couples to a LAN of the guest's own system", nic, Z.getZvmNic_Lan());
	}

	@Check
	public void checkLegacy(PointToPointLink link) {
		if (link.getKind() == PointToPointKind.IUCV) {
			report(IssueCodes.IUCV_LEGACY, "netiucv is only kept for compatibility and has been removed from current Linux kernels "
					+ "(facts §6.1): a current distribution cannot bring this link up; use a virtual CTC, a z/VM guest LAN or a VSWITCH for new setups",
					link, Z.getPointToPointLink_Kind());
		}
	}
}
