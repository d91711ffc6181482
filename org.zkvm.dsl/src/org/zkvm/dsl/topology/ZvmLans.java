package org.zkvm.dsl.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.zkvm.dsl.analysis.DeviceRange;
import org.zkvm.dsl.analysis.HiperSocketsFrame;
import org.zkvm.dsl.analysis.MalformedValueException;
import org.zkvm.dsl.analysis.MtuLimits;
import org.zkvm.dsl.zknet.GuestLan;
import org.zkvm.dsl.zknet.GuestLanType;
import org.zkvm.dsl.zknet.LanTransport;
import org.zkvm.dsl.zknet.Vswitch;
import org.zkvm.dsl.zknet.ZknetPackage;
import org.zkvm.dsl.zknet.ZvmGuest;
import org.zkvm.dsl.zknet.ZvmGuestRoute;
import org.zkvm.dsl.zknet.ZvmLan;
import org.zkvm.dsl.zknet.ZvmNic;

/**
 * z/VM's own LANs read as a network: a VSWITCH or guest LAN's layer, the MTUs it carries, and the
 * guests' NICs on it with their virtual devices (a NICDEF of TYPE QDIO or HIPERSOCKETS takes three:
 * vdev, vdev+1 and vdev+2, grouped by Linux as one qeth device).
 */
public final class ZvmLans {
	private ZvmLans() {
	}

	/** Layer 2 for ETHERNET, 3 for IP; a guest LAN without a transport is IP, z/VM's default for DEFINE LAN. */
	public static int layer(ZvmLan lan) {
		if (lan instanceof Vswitch vswitch) {
			return vswitch.getTransport() == LanTransport.ETHERNET ? 2 : 3;
		}
		GuestLan guestLan = (GuestLan) lan;
		boolean written = Hosts.written(guestLan, ZknetPackage.Literals.ZVM_LAN__TRANSPORT);
		return written && guestLan.getTransport() == LanTransport.ETHERNET ? 2 : 3;
	}

	/** The MTUs a NIC on the LAN can take: an OSA's for a VSWITCH or QDIO guest LAN (facts §2.1), frame size - 8K for HiperSockets (facts §1.1). */
	public static MtuLimits.Range mtuRange(ZvmLan lan) {
		if (lan instanceof GuestLan guestLan && guestLan.getType() == GuestLanType.HIPERS) {
			return MtuLimits.hipersockets(frame(guestLan));
		}
		return MtuLimits.osa(layer(lan));
	}

	/** A HiperSockets guest LAN's maximum frame size: 'mfs', 16K without it (DEFINE LAN ... MFS). */
	public static HiperSocketsFrame frame(GuestLan lan) {
		return lan.getMfs() == 0 ? HiperSocketsFrame.DEFAULT : HiperSocketsFrame.ofBytes(lan.getMfs()).orElse(HiperSocketsFrame.DEFAULT);
	}

	/** A NIC's MTU: the model's, else the LAN's default (an OSA's default at the LAN's layer, a HiperSockets LAN's largest). */
	public static int mtu(ZvmNic nic) {
		if (nic.getMtu() != 0) {
			return nic.getMtu();
		}
		if (nic.getLan() == null || nic.getLan().eIsProxy()) {
			return MtuLimits.ETHERNET;
		}
		if (nic.getLan() instanceof GuestLan guestLan && guestLan.getType() == GuestLanType.HIPERS) {
			return frame(guestLan).mtu();
		}
		return MtuLimits.osaDefault(layer(nic.getLan()));
	}

	public static List<ZvmNic> nics(ZvmGuest guest) {
		return guest.getMembers().stream().filter(ZvmNic.class::isInstance).map(ZvmNic.class::cast).toList();
	}

	public static List<ZvmGuestRoute> routes(ZvmGuest guest) {
		return guest.getMembers().stream().filter(ZvmGuestRoute.class::isInstance).map(ZvmGuestRoute.class::cast).toList();
	}

	/** The NIC's first virtual device, if it can be read. */
	public static Optional<Integer> device(ZvmNic nic) {
		try {
			return nic.getDevice() == null ? Optional.empty() : Optional.of(DeviceRange.parseDeviceNumber(nic.getDevice()));
		} catch (MalformedValueException e) {
			return Optional.empty();
		}
	}

	/** The virtual devices of the guest's NICs: each NIC's three. */
	public static List<Integer> nicDevices(ZvmGuest guest) {
		List<Integer> result = new ArrayList<>();
		for (ZvmNic nic : nics(guest)) {
			device(nic).ifPresent(d -> {
				result.add(d);
				result.add(d + 1);
				result.add(d + 2);
			});
		}
		return result;
	}
}
