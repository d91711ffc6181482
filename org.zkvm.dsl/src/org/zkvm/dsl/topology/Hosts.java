package org.zkvm.dsl.topology;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.zkvm.dsl.analysis.BusId;
import org.zkvm.dsl.analysis.GuestNicIdentity;
import org.zkvm.dsl.analysis.HiperSocketsFrame;
import org.zkvm.dsl.analysis.MtuLimits;
import org.zkvm.dsl.zknet.BondInterface;
import org.zkvm.dsl.zknet.Cec;
import org.zkvm.dsl.zknet.Distribution;
import org.zkvm.dsl.zknet.AcceptRa;
import org.zkvm.dsl.zknet.Forwarding;
import org.zkvm.dsl.zknet.Guest;
import org.zkvm.dsl.zknet.HiperSocketsInterface;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.IqdChpid;
import org.zkvm.dsl.zknet.LinkInterface;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.LparMember;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.OperatingSystem;
import org.zkvm.dsl.zknet.OsaInterface;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.ProxyArp;
import org.zkvm.dsl.zknet.QethInterface;
import org.zkvm.dsl.zknet.VlanInterface;
import org.zkvm.dsl.zknet.ZknetPackage;
import org.zkvm.dsl.zknet.ZvmGuest;

/** Effective values of hosts and their interfaces, with the defaults Linux applies. */
public final class Hosts {
	private Hosts() {
	}

	/** The guest's distribution: its own 'distro', or its host's when it names none. */
	public static Distribution distribution(Guest guest) {
		return written(guest, ZknetPackage.Literals.GUEST__DISTRO) ? guest.getDistro() : lparOf(guest).getDistro();
	}

	/** Whether the model's text writes a feature: an enum attribute set to its default value is not 'set' for EMF. */
	public static boolean written(EObject element, EStructuralFeature feature) {
		return !NodeModelUtils.findNodesForFeature(element, feature).isEmpty();
	}

	/** An LPAR's id as the model writes it (0x21 stays hex, 11 decimal): LPAR ids are read in hex on the HMC and in IOCDS, so zknet does not convert. */
	public static String lparIdText(Lpar lpar) {
		var nodes = NodeModelUtils.findNodesForFeature(lpar, ZknetPackage.Literals.LPAR__LPAR_ID);
		return nodes.isEmpty() ? String.valueOf(lpar.getLparId()) : NodeModelUtils.getTokenText(nodes.get(0));
	}

	public static Lpar lparOf(EObject element) {
		return EcoreUtil2.getContainerOfType(element, Lpar.class);
	}

	public static Cec cecOf(EObject element) {
		return EcoreUtil2.getContainerOfType(element, Cec.class);
	}

	public static <T extends LparMember> List<T> members(Lpar lpar, Class<T> type) {
		List<T> result = new ArrayList<>();
		for (LparMember member : lpar.getMembers()) {
			if (type.isInstance(member)) {
				result.add(type.cast(member));
			}
		}
		return result;
	}

	public static List<HostInterface> interfaces(Lpar lpar) {
		return members(lpar, HostInterface.class);
	}

	/** z/OS, z/VSE and z/VM TCP/IP run layer 3 only (facts §7.4). */
	public static boolean isLayer3Only(Lpar lpar) {
		OperatingSystem os = lpar.getOs();
		return os == OperatingSystem.ZOS || os == OperatingSystem.ZVSE || os == OperatingSystem.ZVM;
	}

	/** The name udev gives a qeth device (enc + its read bus-ID, facts §1.2), or empty where the bus-ID does not parse (device.triplet says why). */
	public static Optional<String> predictableName(QethInterface qeth) {
		try {
			return Optional.of(BusId.parse(qeth.getDevice().split(",")[0].strip()).predictableName());
		} catch (RuntimeException malformed) {
			return Optional.empty();
		}
	}

	/** The layer a qeth interface runs: as written, else layer 2 for OSA and layer 3 for HiperSockets (facts §1.3). */
	public static int layer(QethInterface qeth) {
		if (qeth.getLayer() != 0) {
			return qeth.getLayer();
		}
		return qeth instanceof HiperSocketsInterface ? 3 : 2;
	}

	/**
	 * The layer a link's frames have on its LAN: a qeth device's own; a VLAN's parent's; a bond's
	 * members' (3 if any member runs layer 3, which bond.layer reports).
	 */
	public static int layer(LinkInterface link) {
		if (link instanceof QethInterface qeth) {
			return layer(qeth);
		}
		List<QethInterface> under = Links.qethUnder(link);
		return under.stream().anyMatch(q -> layer(q) == 3) ? 3 : 2;
	}

	public static boolean isLayer2(HostInterface iface) {
		return iface instanceof OvsBridge || (iface instanceof LinkInterface link && layer(link) == 2);
	}

	/**
	 * Whether two qeth interfaces can be on one LAN: two HiperSockets interfaces only on the same
	 * HiperSockets LAN (it never leaves its CEC, facts §1.5), HiperSockets and OSA never, two OSA
	 * ports always (their switches may join them).
	 */
	public static boolean sameHiperSocketsLan(QethInterface one, QethInterface other) {
		if (one instanceof HiperSocketsInterface a && other instanceof HiperSocketsInterface b) {
			return a.getLan() != null && a.getLan() == b.getLan();
		}
		return !(one instanceof HiperSocketsInterface) && !(other instanceof HiperSocketsInterface);
	}

	/** The LAN a qeth interface is on, in words: its HiperSockets LAN or its OSA chpid, qualified. */
	public static String lanName(QethInterface qeth) {
		if (qeth instanceof HiperSocketsInterface hs && hs.getLan() != null && !hs.getLan().eIsProxy()) {
			Cec cec = cecOf(hs.getLan());
			return "HiperSockets LAN " + (cec != null ? cec.getName() + "." : "") + hs.getLan().getName();
		}
		Cec cec = cecOf(qeth);
		return qeth instanceof OsaInterface osa && osa.getChpid() != null && !osa.getChpid().eIsProxy()
				? "OSA chpid " + (cec != null ? cec.getName() + "." : "") + osa.getChpid().getName() : "its LAN";
	}

	public static HiperSocketsFrame frame(IqdChpid lan) {
		if (lan == null || lan.eIsProxy() || lan.getFrame() == 0) {
			return HiperSocketsFrame.DEFAULT;
		}
		return HiperSocketsFrame.ofBytes(lan.getFrame()).orElse(HiperSocketsFrame.DEFAULT);
	}

	/** The MTU range Linux accepts on a qeth interface. */
	public static MtuLimits.Range mtuRange(QethInterface qeth) {
		if (qeth instanceof HiperSocketsInterface hs) {
			return MtuLimits.hipersockets(frame(hs.getLan()));
		}
		return MtuLimits.osa(layer(qeth));
	}

	/** The MTU of a host interface: as written, else the Linux default. */
	public static int mtu(HostInterface iface) {
		if (iface.getMtu() != 0) {
			return iface.getMtu();
		}
		if (iface instanceof HiperSocketsInterface hs) {
			return frame(hs.getLan()).mtu();
		}
		if (iface instanceof OsaInterface osa) {
			return MtuLimits.osaDefault(layer(osa));
		}
		if (iface instanceof VlanInterface vlan) {
			// a VLAN device starts with its parent's MTU (vlan_dev.c); a VLAN on itself stops here
			return Links.parent(vlan).filter(p -> p != vlan).map(Hosts::mtu).orElse(MtuLimits.ETHERNET);
		}
		if (iface instanceof BondInterface bond) {
			return Links.bondMtu(bond);
		}
		OvsBridge bridge = (OvsBridge) iface;
		if (!bridge.getBondMembers().isEmpty()) {
			return Links.ovsBondMembers(bridge).stream().mapToInt(Hosts::mtu).min().orElse(MtuLimits.ETHERNET);
		}
		if (!bridge.isRouted() && bridge.getUplink() != null && !bridge.getUplink().eIsProxy()) {
			return mtu(bridge.getUplink());
		}
		return MtuLimits.ETHERNET;
	}

	/** A guest NIC's MTU: as written; else its OVS bridge's (the generator writes it into the domain XML), or 1500 on MacVTap. */
	public static int mtu(Nic nic) {
		if (nic.getMtu() != 0) {
			return nic.getMtu();
		}
		if (nic.getBridge() != null && !nic.getBridge().eIsProxy()) {
			return mtu(nic.getBridge());
		}
		return MtuLimits.ETHERNET;
	}

	/**
	 * The way out under a NIC: the uplink of its attached bridge or its MacVTap uplink (a qeth device,
	 * a VLAN or a bond); empty when routed or when the bridge's uplink is an Open vSwitch bond.
	 */
	public static Optional<LinkInterface> attachedUplink(Nic nic) {
		if (nic.getUplink() != null && !nic.getUplink().eIsProxy()) {
			return Optional.of(nic.getUplink());
		}
		OvsBridge bridge = nic.getBridge();
		if (bridge != null && !bridge.eIsProxy() && !bridge.isRouted() && bridge.getUplink() != null && !bridge.getUplink().eIsProxy()) {
			return Optional.of(bridge.getUplink());
		}
		return Optional.empty();
	}

	/** The LAN a link is on, in words: a qeth device's LAN, 'VLAN N of' it for a VLAN, its members' for a bond. */
	public static String lanName(LinkInterface link) {
		if (link instanceof QethInterface qeth) {
			return lanName(qeth);
		}
		List<QethInterface> under = Links.qethUnder(link);
		String lans = under.isEmpty() ? "its LAN" : String.join(" and ", under.stream().map(Hosts::lanName).distinct().toList());
		return link instanceof VlanInterface vlan ? "VLAN " + vlan.getVlanId() + " of " + lans : lans;
	}

	/** Whether 'forwarding global' turns IPv4 forwarding on for every interface. */
	public static boolean forwardsGlobally(Lpar lpar) {
		return forwardsGlobally(lpar, false);
	}

	/** Whether 'forwarding global' ('forwarding ipv6 global' for IPv6) turns forwarding on for every interface. */
	public static boolean forwardsGlobally(Lpar lpar, boolean ipv6) {
		return members(lpar, Forwarding.class).stream().anyMatch(f -> f.isIpv6() == ipv6 && f.isGlobal());
	}

	/** Whether the kernel forwards IPv4 packets received on the interface (facts §4.1). */
	public static boolean forwards(Lpar lpar, HostInterface iface) {
		return forwards(lpar, iface, false);
	}

	/** Whether the kernel forwards packets of the family received on the interface. */
	public static boolean forwards(Lpar lpar, HostInterface iface, boolean ipv6) {
		for (Forwarding forwarding : members(lpar, Forwarding.class)) {
			if (forwarding.isIpv6() == ipv6 && (forwarding.isGlobal() || forwarding.getInterfaces().contains(iface))) {
				return true;
			}
		}
		return false;
	}

	/** The interfaces listed in IPv4 'forwarding on ...' statements, resolved, each once, in the order written. */
	public static List<HostInterface> forwardedInterfaces(Lpar lpar) {
		return forwardedInterfaces(lpar, false);
	}

	/** The interfaces listed in 'forwarding [ipv6] on ...' statements of the family, resolved, each once, in the order written. */
	public static List<HostInterface> forwardedInterfaces(Lpar lpar, boolean ipv6) {
		Set<HostInterface> result = new LinkedHashSet<>();
		for (Forwarding forwarding : members(lpar, Forwarding.class)) {
			if (forwarding.isIpv6() == ipv6) {
				forwarding.getInterfaces().stream().filter(i -> i != null && !i.eIsProxy()).forEach(result::add);
			}
		}
		return new ArrayList<>(result);
	}

	/**
	 * Whether the host forwards IPv6 at all ('forwarding ipv6 on ...' or 'global'): Linux forwards IPv6
	 * only with net.ipv6.conf.all.forwarding=1 (ip6_forward; the per-interface key sets the interface's
	 * router behaviour, and force_forwarding exists only from Linux 6.17), which makes every interface a
	 * router; zknet's forward filter then drops IPv6 arriving on the others (docs/ipv6.md).
	 */
	public static boolean forwardsIpv6(Lpar lpar) {
		return members(lpar, Forwarding.class).stream().anyMatch(Forwarding::isIpv6);
	}

	/** The interfaces that accept router advertisements while forwarding ('accept-ra on', accept_ra=2), each once. */
	public static List<String> acceptRaInterfaces(Lpar lpar) {
		Set<String> result = new LinkedHashSet<>();
		for (AcceptRa accept : members(lpar, AcceptRa.class)) {
			accept.getInterfaces().stream().filter(i -> i != null).forEach(result::add);
		}
		return new ArrayList<>(result);
	}

	/** The interfaces proxy_arp is enabled on, resolved, each once, in the order written. */
	public static List<HostInterface> proxyArpInterfaces(Lpar lpar) {
		Set<HostInterface> result = new LinkedHashSet<>();
		for (ProxyArp proxyArp : members(lpar, ProxyArp.class)) {
			proxyArp.getInterfaces().stream().filter(i -> i != null && !i.eIsProxy()).forEach(result::add);
		}
		return new ArrayList<>(result);
	}

	/** The guests' NICs on a bridge, in the order declared. */
	public static List<Nic> nicsOn(OvsBridge bridge) {
		List<Nic> result = new ArrayList<>();
		Lpar lpar = lparOf(bridge);
		if (lpar == null) {
			return result;
		}
		for (Guest guest : members(lpar, Guest.class)) {
			for (var member : guest.getMembers()) {
				if (member instanceof Nic nic && nic.getBridge() == bridge) {
					result.add(nic);
				}
			}
		}
		return result;
	}

	/** 'guest LPAR.guest', 'LPAR name', 'network name': how reports name a workload's end. */
	public static String endpoint(EObject element) {
		if (element == null || element.eIsProxy()) {
			return "?";
		}
		String kind = element instanceof Guest ? "guest " : element instanceof Lpar ? "LPAR " : element instanceof ZvmGuest ? "z/VM guest " : "network ";
		return kind + path(element);
	}

	/** A guest NIC's place in the site, CEC/LPAR.GUEST.NIC: what its MAC derives from. */
	public static String sitePath(Nic nic) {
		Cec cec = cecOf(nic);
		return (cec != null ? cec.getName() : "") + "/" + path(nic);
	}

	/** A guest NIC's MAC (GuestNicIdentity). */
	public static String mac(Nic nic) {
		return GuestNicIdentity.mac(sitePath(nic));
	}

	/** A guest NIC's position among its guest's NICs (0 for the first): its virtio-ccw device number follows from it. */
	public static int nicPosition(Nic nic) {
		return nic.eContainer() instanceof Guest guest ? guest.getMembers().stream().filter(Nic.class::isInstance).toList().indexOf(nic) : 0;
	}

	/** LPAR.interface, LPAR.guest.nic: how messages name an element. */
	public static String path(EObject element) {
		List<String> parts = new ArrayList<>();
		for (EObject e = element; e != null; e = e.eContainer()) {
			if (e instanceof Cec) {
				break;
			}
			var feature = e.eClass().getEStructuralFeature("name");
			if (feature != null && e.eGet(feature) instanceof String name) {
				parts.add(0, name);
			}
		}
		return String.join(".", parts);
	}
}
