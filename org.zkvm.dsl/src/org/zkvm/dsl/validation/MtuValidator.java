package org.zkvm.dsl.validation;

import java.util.List;
import java.util.Optional;

import org.eclipse.xtext.validation.Check;
import org.zkvm.dsl.analysis.MtuLimits;
import org.zkvm.dsl.topology.Addresses;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.Links;
import org.zkvm.dsl.topology.ZvmLans;
import org.zkvm.dsl.zknet.Forwarding;
import org.zkvm.dsl.zknet.HiperSocketsInterface;
import org.zkvm.dsl.zknet.HostRoute;
import org.zkvm.dsl.zknet.LinkInterface;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.PointToPointKind;
import org.zkvm.dsl.zknet.PointToPointLink;
import org.zkvm.dsl.zknet.QethInterface;
import org.zkvm.dsl.zknet.ZvmNic;

/** MTUs of devices, bridges and guests (seed 002; facts §1.1, §2.1, §5.5, §5.6, §6). */
public class MtuValidator extends ZknetCheckBase {

	@Check
	public void checkQethRange(QethInterface qeth) {
		if (qeth.getMtu() == 0) {
			return;
		}
		MtuLimits.Range range = Hosts.mtuRange(qeth);
		if (!range.contains(qeth.getMtu())) {
			String device = qeth instanceof HiperSocketsInterface hs
					? "a HiperSockets interface on a " + Hosts.frame(hs.getLan()) + " frame LAN (MTU = frame size - 8K, facts §1.1)"
					: "a layer " + Hosts.layer(qeth) + " OSA interface (facts §2.1)";
			report(IssueCodes.MTU_RANGE, "MTU " + qeth.getMtu() + " is outside " + range + " for " + device
					+ ": 'ip link set mtu' fails and the interface keeps its old MTU; set at most " + range.max(),
					qeth, Z.getHostInterface_Mtu(), String.valueOf(range.clamp(qeth.getMtu())));
		}
	}

	/** A NIC on a VSWITCH or QDIO guest LAN carries an OSA's MTUs, on a HiperSockets guest LAN up to its frame size - 8K. */
	@Check
	public void checkNicRange(ZvmNic nic) {
		if (nic.getMtu() == 0 || nic.getLan() == null || nic.getLan().eIsProxy()) {
			return;
		}
		MtuLimits.Range range = ZvmLans.mtuRange(nic.getLan());
		if (!range.contains(nic.getMtu())) {
			report(IssueCodes.MTU_RANGE, "MTU " + nic.getMtu() + " is outside " + range + " for a NIC on " + nic.getLan().getName()
					+ ": 'ip link set mtu' fails and the interface keeps its old MTU; set at most " + range.max(), nic, Z.getZvmNic_Mtu(),
					String.valueOf(range.clamp(nic.getMtu())));
		}
	}

	@Check
	public void checkLinkRange(PointToPointLink link) {
		if (link.getMtu() == 0) {
			return;
		}
		MtuLimits.Range range = link.getKind() == PointToPointKind.IUCV ? MtuLimits.iucv() : MtuLimits.ctc();
		if (!range.contains(link.getMtu())) {
			String driver = link.getKind() == PointToPointKind.IUCV ? "netiucv (buffer 32768 - 4, facts §6.1)" : "ctcm (facts §6.2)";
			report(IssueCodes.MTU_RANGE, "MTU " + link.getMtu() + " is outside " + range + " for " + driver
					+ ": the driver refuses it; set at most " + range.max(), link, Z.getPointToPointLink_Mtu(),
					String.valueOf(range.clamp(link.getMtu())));
		}
	}

	@Check
	public void checkBridge(OvsBridge bridge) {
		Lpar lpar = Hosts.lparOf(bridge);
		if (!bridge.isRouted() && bridge.getUplink() != null && !bridge.getUplink().eIsProxy() && bridge.getMtu() != 0) {
			int uplink = Hosts.mtu(bridge.getUplink());
			if (bridge.getMtu() > uplink) {
				report(IssueCodes.MTU_OVS_REQUEST, "the internal port of " + bridge.getName() + " asks for MTU " + bridge.getMtu() + " but its port "
						+ bridge.getUplink().getName() + " has " + uplink + ": OVS pulls internal ports down to the smallest port MTU unless "
						+ "mtu_request is set, which the generated setup does (facts §5.5)", bridge, Z.getHostInterface_Mtu());
			}
		}
		if (lpar != null && bridge.isRouted() && Hosts.mtu(bridge) <= MtuLimits.ETHERNET) {
			Optional<HiperSocketsInterface> hs = routingHiperSockets(lpar);
			if (hs.isPresent()) {
				report(IssueCodes.MTU_HIPERSOCKETS_SMALL, "the guests on " + bridge.getName() + " are routed over HiperSockets ("
						+ hs.get().getName() + ", MTU " + Hosts.mtu(hs.get()) + ") with MTU " + Hosts.mtu(bridge)
						+ ": large transfers lose 4-5x throughput (seed 002); raise the bridge and guest MTU to " + Hosts.mtu(hs.get()),
						bridge, bridge.getMtu() != 0 ? Z.getHostInterface_Mtu() : Z.getHostInterface_Name(), String.valueOf(Hosts.mtu(hs.get())));
			}
		}
	}

	/** A HiperSockets interface the host forwards on or routes through. */
	private static Optional<HiperSocketsInterface> routingHiperSockets(Lpar lpar) {
		for (HostRoute route : Hosts.members(lpar, HostRoute.class)) {
			if (route.getDevice() instanceof HiperSocketsInterface hs) {
				return Optional.of(hs);
			}
		}
		for (Forwarding forwarding : Hosts.members(lpar, Forwarding.class)) {
			for (var iface : forwarding.getInterfaces()) {
				if (iface instanceof HiperSocketsInterface hs) {
					return Optional.of(hs);
				}
			}
		}
		return Optional.empty();
	}

	@Check
	public void checkNic(Nic nic) {
		OvsBridge bridge = nic.getBridge();
		// the bridge's MTU is its internal port's: it matters where the host sends on the bridge itself (routed, or an address on the
		// internal port); on an attached bridge without one, the uplink is the guests' neighbour (mtu.attached-uplink below)
		boolean hostOnBridge = bridge != null && !bridge.eIsProxy() && (bridge.isRouted() || !Addresses.of(bridge).isEmpty());
		if (hostOnBridge && nic.getMtu() != 0 && nic.getMtu() != Hosts.mtu(bridge)) {
			report(IssueCodes.MTU_GUEST_BRIDGE, "MTU " + nic.getMtu() + " of " + nic.getName() + " differs from " + Hosts.mtu(bridge) + " of bridge "
					+ bridge.getName() + ": the side with the larger MTU sends frames the other drops (seed 002: define guest and OVS MTU "
					+ "consistently, always); set " + Hosts.mtu(bridge), nic, Z.getNic_Mtu(), String.valueOf(Hosts.mtu(bridge)));
			return;
		}
		Optional<Uplink> uplink = uplink(nic);
		if (uplink.isPresent()) {
			int limit = uplink.get().mtu();
			String how = nic.getUplink() != null ? "MacVTap on " + uplink.get().name() : "bridge " + bridge.getName() + " attached to " + uplink.get().name();
			if (Hosts.mtu(nic) > limit) {
				report(IssueCodes.MTU_ATTACHED_UPLINK, nic.getName() + " sends with MTU " + Hosts.mtu(nic) + " through " + how + " whose MTU is " + limit
						+ ": larger packets are cut off on the card and fail their checksums at the receiver (seed 002, Scenario II pitfalls); "
						+ "lower the guest" + (bridge != null ? " and bridge" : "") + " MTU to " + limit,
						nic, nic.getMtu() != 0 ? Z.getNic_Mtu() : (nic.getUplink() != null ? Z.getNic_Uplink() : Z.getNic_Bridge()),
						String.valueOf(limit));
			} else if (Hosts.mtu(nic) < limit) {
				report(IssueCodes.MTU_ATTACHED_UPLINK, nic.getName() + " has MTU " + Hosts.mtu(nic) + " on " + how + ", whose LAN carries frames up to "
						+ limit + ": its peers there send frames the guest drops, and layer 2 cannot fragment (seed 002: define the MTU consistently,"
						+ " always); set the guest" + (bridge != null ? " and bridge" : "") + " MTU to " + limit + ", or lower " + uplink.get().name() + "'s",
						nic, nic.getMtu() != 0 ? Z.getNic_Mtu() : (nic.getUplink() != null ? Z.getNic_Uplink() : Z.getNic_Bridge()),
						String.valueOf(limit));
			}
		}
		if (nic.getUplink() != null && nic.getMtu() != 0) {
			report(IssueCodes.MTU_MACVTAP, "libvirt cannot set the MTU of a MacVTap interface (facts §5.6): zknet writes " + nic.getMtu()
					+ " into the guest's own network configuration, not into the domain XML", nic, Z.getNic_Mtu());
		}
	}

	/** The way out under a guest NIC, as the MTU check names it: a qeth device, VLAN or bond, or an Open vSwitch bond (its smallest member MTU). */
	private record Uplink(String name, int mtu) {
	}

	private static Optional<Uplink> uplink(Nic nic) {
		Optional<LinkInterface> link = Hosts.attachedUplink(nic);
		if (link.isPresent()) {
			return Optional.of(new Uplink(link.get().getName(), Hosts.mtu(link.get())));
		}
		OvsBridge bridge = nic.getBridge();
		if (bridge == null || bridge.eIsProxy() || Links.ovsBondMembers(bridge).isEmpty()) {
			return Optional.empty();
		}
		List<QethInterface> members = Links.ovsBondMembers(bridge);
		return Optional.of(new Uplink("its Open vSwitch bond of " + String.join(", ", members.stream().map(QethInterface::getName).toList()),
				members.stream().mapToInt(Hosts::mtu).min().getAsInt()));
	}
}
