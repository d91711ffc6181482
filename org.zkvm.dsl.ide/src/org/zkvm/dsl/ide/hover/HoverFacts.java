package org.zkvm.dsl.ide.hover;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.zkvm.dsl.analysis.HiperSocketsFrame;
import org.zkvm.dsl.analysis.IsfcCapacity;
import org.zkvm.dsl.analysis.IsfcLayout;
import org.zkvm.dsl.analysis.MtuLimits;
import org.zkvm.dsl.analysis.PointToPointRates;
import org.zkvm.dsl.report.ReportText;
import org.zkvm.dsl.topology.Addresses;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.ProxyNeighbours;
import org.zkvm.dsl.topology.IsfcLinks;
import org.zkvm.dsl.topology.Links;
import org.zkvm.dsl.zknet.BondInterface;
import org.zkvm.dsl.zknet.BondMode;
import org.zkvm.dsl.zknet.Cec;
import org.zkvm.dsl.zknet.CtcGroup;
import org.zkvm.dsl.zknet.FiconChpid;
import org.zkvm.dsl.zknet.Guest;
import org.zkvm.dsl.zknet.HiperSocketsInterface;
import org.zkvm.dsl.zknet.IqdChpid;
import org.zkvm.dsl.zknet.IsfcLink;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Network;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.OsaChpid;
import org.zkvm.dsl.zknet.OperatingSystem;
import org.zkvm.dsl.zknet.Management;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.OsaInterface;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.PointToPointKind;
import org.zkvm.dsl.zknet.PointToPointLink;
import org.zkvm.dsl.zknet.ProxyNdp;
import org.zkvm.dsl.zknet.QethInterface;
import org.zkvm.dsl.zknet.VlanInterface;
import org.zkvm.dsl.zknet.ZvmSystem;

/**
 * What a planner wants to know when pointing at an element, in Markdown: the figures zknet derives
 * (an ISFC link's estimated capacity, an interface's effective MTU and layer, a chpid's speed), not
 * just what is written. The language server's hover and the Eclipse editor's hover show it.
 */
public final class HoverFacts {
	private HoverFacts() {
	}

	/** The facts about an element; empty when there is nothing to add to its comment. */
	public static Optional<String> of(EObject element) {
		List<String> lines = switch (element) {
			case IsfcLink link -> isfcLink(link);
			case CtcGroup group -> ctcGroup(group);
			case FiconChpid chpid -> List.of("**FICON chpid " + chpid.getName() + "** (" + generation(chpid) + ")",
					"- link speed: " + IsfcLinks.speed(chpid) + " Gb/s" + (chpid.getSpeed() != 0 ? " (negotiated, as written)" : " (the generation's top rate)"),
					"- ISFC: up to " + ReportText.mbps(IsfcCapacity.chpidMbps(IsfcLinks.speed(chpid))) + " MB/s one way with "
							+ IsfcLayout.CTCS_PER_CHPID + " CTCs streaming on it (seed 004)");
			case IqdChpid lan -> iqd(lan);
			case OsaChpid chpid -> List.of("**OSA-Express chpid " + chpid.getName() + "** (OSD)" + (chpid.getFeature() != null ? ", feature " + chpid.getFeature() : ""));
			case QethInterface qeth -> qeth(qeth);
			case OvsBridge bridge -> bridge(bridge);
			case BondInterface bond -> bond(bond);
			case VlanInterface vlan -> vlan(vlan);
			case Nic nic -> nic(nic);
			case Network network -> network(network);
			case Lpar lpar -> lpar(lpar);
			case Guest guest -> List.of("**KVM guest " + guest.getName() + "** on " + Hosts.path(Hosts.lparOf(guest)),
					"- " + count(guest.getMembers().stream().filter(Nic.class::isInstance).count(), "NIC"));
			case Cec cec -> List.of("**CEC " + cec.getName() + "**" + (cec.getMachine() != null ? " (" + cec.getMachine() + ")" : ""));
			case ZvmSystem system -> List.of("**z/VM system " + system.getName() + "**"
					+ (system.getLpar() != null && !system.getLpar().eIsProxy() ? " in LPAR " + Hosts.path(system.getLpar()) : ""));
			case PointToPointLink link -> pointToPoint(link);
			case Management management -> management(management);
			case ProxyNdp proxy -> proxyNdp(proxy);
			default -> List.of();
		};
		return lines.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", lines));
	}

	private static List<String> management(Management management) {
		Lpar lpar = Hosts.lparOf(management);
		String name = management.getIface();
		Optional<HostInterface> modelled = lpar == null ? Optional.empty()
				: Hosts.interfaces(lpar).stream().filter(i -> name != null && (name.equals(i.getName())
						|| i instanceof OvsBridge bridge && name.equals(bridge.getVnic()))).findFirst();
		List<String> lines = new ArrayList<>();
		lines.add("**Management path " + name + "**" + modelled.map(i -> " (the model's " + (i instanceof OsaInterface ? "OSA interface " : i instanceof OvsBridge ? "OVS bridge " : "HiperSockets interface ")
				+ i.getName() + ")")
				.orElse(" (an interface the model does not configure: no generated step touches it)"));
		if (management.getAddress() != null) {
			lines.add("- the admin reaches the host at " + management.getAddress() + (management.getGateway() != null ? " via " + management.getGateway() : ""));
		}
		lines.add("- setup.sh --check refuses a plan that would take it down, rename it, re-address it or enslave it, or move the admin's session off its route");
		return lines;
	}

	private static List<String> isfcLink(IsfcLink link) {
		IsfcLayout layout = IsfcLinks.layout(link);
		List<String> lines = new ArrayList<>();
		lines.add("**ISFC logical link " + IsfcLinks.name(link) + "**");
		if (layout.ctcs().isEmpty()) {
			lines.add("- no FICON CTCs yet");
			return lines;
		}
		String chpids = layout.chpidShares().stream().map(s -> s.chpid() + " (" + s.gbps() + " Gb/s, " + ReportText.ctcs(s.ctcs()) + ")")
				.collect(Collectors.joining(", "));
		lines.add("- " + ReportText.ctcs(layout.ctcs().size()) + " on chpids " + chpids);
		IsfcCapacity.Step whole = new IsfcCapacity(layout).whole();
		lines.add("- estimated capacity " + direction(whole.fromOrdering()));
		lines.add("- estimated capacity " + direction(whole.fromOther()));
		lines.add("- " + layout.orderingSystem() + " orders the link (it streams on its lowest device numbers)");
		layout.arrangementProblem().ifPresent(problem -> lines.add("- ⚠ " + problem));
		lines.add("");
		lines.add("_Seed 004: 87.5 MB/s one way per Gb/s of chpid speed, prorated by the CTCs the sender streams on._");
		return lines;
	}

	private static String direction(IsfcCapacity.Direction d) {
		return d.from() + " → " + d.to() + ": **" + ReportText.mbps(d.mbps()) + " MB/s** (" + ReportText.distribution(d) + ")";
	}

	private static List<String> ctcGroup(CtcGroup group) {
		int count = IsfcLinks.devices(group.getDevices()).size();
		int gbps = IsfcLinks.speed(group.getChpid());
		String chpid = group.getChpid() == null || group.getChpid().eIsProxy() ? "?" : group.getChpid().getName();
		return List.of("**" + ReportText.ctcs(count) + "** " + group.getDevices() + " on chpid " + chpid
				+ (gbps > 0 ? " (" + gbps + " Gb/s)" : " (not a FICON chpid)"), "- remote devices " + group.getRemoteDevices());
	}

	private static List<String> iqd(IqdChpid lan) {
		HiperSocketsFrame frame = Hosts.frame(lan);
		return List.of("**HiperSockets LAN " + lan.getName() + "** on IQD chpid " + lan.getId(),
				"- frame size " + frame + (lan.getFrame() == 0 ? " (IOCP default)" : "") + ": MTU " + frame.mtu() + " (facts §1.1)",
				"- " + (lan.isExternalBridged() ? "bridged to an external OSA LAN" : "internal to the CEC"));
	}

	private static List<String> qeth(QethInterface qeth) {
		List<String> lines = new ArrayList<>();
		String kind = qeth instanceof OsaInterface ? "OSA interface " : "HiperSockets interface ";
		lines.add("**" + kind + qeth.getName() + "** on " + Hosts.path(Hosts.lparOf(qeth)));
		int layer = Hosts.layer(qeth);
		lines.add("- layer " + layer + (qeth.getLayer() == 0 ? " (the default)" : ""));
		lines.add("- MTU " + Hosts.mtu(qeth) + (qeth.getMtu() == 0 ? " (the Linux default)" : "") + ", allowed " + Hosts.mtuRange(qeth));
		lines.add("- device " + qeth.getDevice());
		if (qeth instanceof HiperSocketsInterface hs && hs.getLan() != null && !hs.getLan().eIsProxy()) {
			lines.add("- LAN " + hs.getLan().getName() + ", frame " + Hosts.frame(hs.getLan()));
		}
		addresses(qeth, lines);
		return lines;
	}

	private static List<String> bridge(OvsBridge bridge) {
		List<String> lines = new ArrayList<>();
		lines.add("**Open vSwitch bridge " + bridge.getName() + "** on " + Hosts.path(Hosts.lparOf(bridge)));
		if (bridge.isRouted()) {
			lines.add("- routed: the host routes between its guests and the LPAR's interfaces");
		} else if (bridge.getUplink() != null && !bridge.getUplink().eIsProxy()) {
			lines.add("- attached to " + bridge.getUplink().getName() + " (layer " + Hosts.layer(bridge.getUplink()) + ")");
		} else if (!Links.ovsBondMembers(bridge).isEmpty()) {
			lines.add("- an Open vSwitch bond (" + Links.ovsBondMode(bridge).getLiteral() + ") of:");
			Links.ovsBondMembers(bridge).forEach(m -> lines.add("  - " + member(m)));
		}
		if (!bridge.getTrunks().isEmpty()) {
			lines.add("- its port to the LAN carries VLANs " + String.join(", ", bridge.getTrunks().stream().map(String::valueOf).toList()));
		}
		lines.add("- MTU " + Hosts.mtu(bridge) + (bridge.getMtu() == 0 ? " (not written: " + (bridge.isRouted() ? "Ethernet default)" : "the uplink's)") : ""));
		lines.add("- " + count(Hosts.nicsOn(bridge).size(), "guest NIC"));
		addresses(bridge, lines);
		return lines;
	}

	/** A bond: its settings as zknet writes them, and each member with the chpid and OSA feature it fails with. */
	private static List<String> bond(BondInterface bond) {
		List<String> lines = new ArrayList<>();
		lines.add("**Bond " + bond.getName() + "** on " + Hosts.path(Hosts.lparOf(bond)));
		lines.add("- mode " + Links.mode(bond).getLiteral() + ", miimon " + Links.miimon(bond) + " ms"
				+ (Links.mode(bond) == BondMode.ACTIVE_BACKUP ? ", fail_over_mac " + Links.failOverMac(bond).getLiteral()
						+ Links.primary(bond).map(p -> ", primary " + p.getName()).orElse("") : ""));
		lines.add("- MTU " + Links.bondMtu(bond) + (bond.getMtu() == 0 ? " (not written)" : "") + ", set on every member");
		lines.add("- members:");
		Links.members(bond).forEach(m -> lines.add("  - " + member(m)));
		addresses(bond, lines);
		return lines;
	}

	private static String member(QethInterface qeth) {
		String where = qeth instanceof OsaInterface osa && osa.getChpid() instanceof OsaChpid chpid
				? "chpid " + chpid.getName() + (chpid.getFeature() != null ? ", feature " + chpid.getFeature() : ", feature not named") : Hosts.lanName(qeth);
		return qeth.getName() + " (" + where + ", layer " + Hosts.layer(qeth) + ")";
	}

	/** A VLAN: its parent and the MTU it gets (at most the parent's). */
	private static List<String> vlan(VlanInterface vlan) {
		List<String> lines = new ArrayList<>();
		lines.add("**VLAN " + vlan.getVlanId() + " interface " + vlan.getName() + "** on " + Hosts.path(Hosts.lparOf(vlan)));
		Links.parent(vlan).ifPresent(p -> lines.add("- on " + p.getName() + " (" + Hosts.lanName(p) + "), whose MTU is " + Hosts.mtu(p)));
		lines.add("- MTU " + Hosts.mtu(vlan) + (vlan.getMtu() == 0 ? " (not written: the parent's)" : ""));
		addresses(vlan, lines);
		return lines;
	}

	private static List<String> nic(Nic nic) {
		List<String> lines = new ArrayList<>();
		lines.add("**Guest NIC " + nic.getName() + "** of " + Hosts.path(nic.eContainer()));
		if (nic.getBridge() != null && !nic.getBridge().eIsProxy()) {
			lines.add("- on OVS bridge " + nic.getBridge().getName() + (nic.getVlan() != 0 ? ", access port of VLAN " + nic.getVlan() : ""));
		} else if (nic.getUplink() != null && !nic.getUplink().eIsProxy()) {
			lines.add("- MacVTap on " + nic.getUplink().getName());
		}
		lines.add("- MTU " + Hosts.mtu(nic) + (nic.getMtu() == 0 ? " (not written)" : ""));
		Hosts.attachedUplink(nic).ifPresent(uplink -> lines.add("- leaves the CEC through " + uplink.getName() + ", MTU " + Hosts.mtu(uplink)));
		addresses(nic, lines);
		return lines;
	}

	private static List<String> network(Network network) {
		List<String> lines = new ArrayList<>();
		lines.add("**Network " + network.getName() + "** " + network.getCidr() + (network.isExternal() ? " (outside the CEC)" : ""));
		Addresses.cidr(network).ifPresent(prefix -> lines.add("- " + (1L << (32 - prefix.length())) + " addresses"));
		if (network.getGateway() != null) {
			lines.add("- gateway " + network.getGateway());
		}
		if (network.getMtu() != 0) {
			lines.add("- MTU " + network.getMtu());
		}
		return lines;
	}

	private static List<String> lpar(Lpar lpar) {
		List<String> lines = new ArrayList<>();
		lines.add("**LPAR " + Hosts.path(lpar) + "** (" + lpar.getOs().getLiteral() + ", id " + Hosts.lparIdText(lpar) + ")");
		lines.add("- " + count(Hosts.interfaces(lpar).size(), "interface"));
		long guests = lpar.getMembers().stream().filter(Guest.class::isInstance).count();
		if (guests > 0) {
			lines.add("- " + count(guests, "KVM guest"));
		}
		if (lpar.getOs() == OperatingSystem.KVM) {
			lines.add("- IP forwarding: " + (Hosts.forwardsGlobally(lpar) ? "global" : Hosts.forwardedInterfaces(lpar).isEmpty() ? "off"
					: Hosts.forwardedInterfaces(lpar).stream().map(i -> i.getName()).collect(Collectors.joining(", "))));
			if (Hosts.forwardsIpv6(lpar)) {
				lines.add("- IPv6 forwarding: " + (Hosts.forwardsGlobally(lpar, true) ? "global"
						: "in on " + Hosts.forwardedInterfaces(lpar, true).stream().map(i -> i.getName()).collect(Collectors.joining(", "))
								+ " (conf.all.forwarding, confined by the forward filter)"));
			}
		}
		return lines;
	}

	/** The entries proxy NDP installs: listed, or derived from what the host routes elsewhere (docs/ipv6.md). */
	private static List<String> proxyNdp(ProxyNdp proxy) {
		HostInterface iface = proxy.getInterface();
		Lpar lpar = Hosts.lparOf(proxy);
		if (iface == null || iface.eIsProxy() || lpar == null) {
			return List.of();
		}
		List<String> lines = new ArrayList<>();
		var entries = ProxyNeighbours.entries(lpar, iface);
		lines.add("**Proxy NDP on " + iface.getName() + "**: answers neighbour solicitations for " + (entries.isEmpty() ? "nothing"
				: entries.size() + (entries.size() == 1 ? " address" : " addresses") + (proxy.getAddresses().isEmpty() ? ", derived" : ", as listed")));
		entries.forEach(a -> lines.add("- " + a));
		lines.add("");
		lines.add("_IPv6 has no blanket proxy: each address needs its entry (`ip -6 neigh add proxy`), and the interface must forward IPv6._");
		return lines;
	}

	private static List<String> pointToPoint(PointToPointLink link) {
		PointToPointRates.Driver driver = link.getKind() == PointToPointKind.IUCV ? PointToPointRates.Driver.IUCV : PointToPointRates.Driver.CTC;
		PointToPointRates.Estimate e = PointToPointRates.estimate(driver, link.getMtu());
		MtuLimits.Range range = driver == PointToPointRates.Driver.IUCV ? MtuLimits.iucv() : MtuLimits.ctc();
		return List.of("**" + driver + " link " + link.getName() + "**, MTU " + link.getMtu() + " (allowed " + range + ")",
				"- about **" + ReportText.rate(e.mbps()) + " MB/s** (" + ReportText.basis(e) + "), " + ReportText.fraction(e.fractionOfCmsIucv())
						+ " of CMS/IUCV at the same size",
				"", "_Seed 003, measured on " + PointToPointRates.MEASURED_ON + "._");
	}

	private static void addresses(EObject owner, List<String> lines) {
		var addresses = Addresses.all(owner);
		if (!addresses.isEmpty()) {
			lines.add("- address " + addresses.stream().map(Object::toString).collect(Collectors.joining(", ")));
		}
	}

	private static String generation(FiconChpid chpid) {
		String literal = chpid.getGeneration().getLiteral();
		return "FICON " + Character.toUpperCase(literal.charAt(0)) + literal.substring(1);
	}

	private static String count(long n, String noun) {
		return n + " " + noun + (n == 1 ? "" : "s");
	}
}
