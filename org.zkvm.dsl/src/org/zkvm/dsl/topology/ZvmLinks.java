package org.zkvm.dsl.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.eclipse.emf.ecore.EObject;
import org.zkvm.dsl.analysis.DeviceRange;
import org.zkvm.dsl.analysis.MalformedValueException;
import org.zkvm.dsl.zknet.PointToPointKind;
import org.zkvm.dsl.zknet.PointToPointLink;
import org.zkvm.dsl.zknet.ZvmCluster;
import org.zkvm.dsl.zknet.ZvmGuest;
import org.zkvm.dsl.zknet.ZvmMember;
import org.zkvm.dsl.zknet.ZvmSystem;

/**
 * A z/VM guest's IUCV and virtual CTC links read from its side: the partner, the addresses and, for
 * a virtual CTC, the read and write virtual devices (facts §6.2: the ctcm driver needs a read and a
 * write subchannel, and the partner's write device is coupled to the local read device and vice versa).
 * For checks, generator and report alike.
 */
public final class ZvmLinks {
	/** Where zknet numbers the virtual CTCs a model leaves unnumbered: 0600, 0602, ... (a common convention, not IBM's). */
	public static final int FIRST_DEVICE = 0x0600;

	private ZvmLinks() {
	}

	/** One side of a link: the guest, its partner, their addresses and the local read device (-1 for IUCV). */
	public record Side(PointToPointLink link, ZvmGuest guest, ZvmGuest partner, String address, String peerAddress, int readDevice,
			int partnerReadDevice) {
		public boolean ctc() {
			return link.getKind() == PointToPointKind.CTC;
		}

		public int writeDevice() {
			return readDevice + 1;
		}

		public int partnerWriteDevice() {
			return partnerReadDevice + 1;
		}
	}

	/** The guest's z/VM user ID: CP folds user IDs to upper case. */
	public static String userid(ZvmGuest guest) {
		return guest.getName().toUpperCase(java.util.Locale.ROOT);
	}

	/**
	 * What a netiucv connection is made with: the partner's user ID and, as IUCV user data, the link's
	 * name, so that several links between two guests stay apart (netiucv.c, netiucv_check_user: at most
	 * 16 characters, upper-cased by the driver).
	 */
	public static String iucvConnection(Side side) {
		return userid(side.partner()) + "." + side.link().getName().toUpperCase(java.util.Locale.ROOT);
	}

	/** A virtual device number as Linux names the device: 0.0.0600. */
	public static String busId(int device) {
		return "0.0." + String.format("%04x", device);
	}

	/** A virtual device number as CP writes it: 0600. */
	public static String vdev(int device) {
		return String.format("%04X", device);
	}

	/** The guests of a z/VM system, in declaration order. */
	public static List<ZvmGuest> guests(ZvmSystem system) {
		List<ZvmGuest> result = new ArrayList<>();
		if (system.eContainer() instanceof ZvmCluster cluster) {
			for (ZvmMember member : cluster.getMembers()) {
				if (member instanceof ZvmGuest guest && guest.getSystem() == system) {
					result.add(guest);
				}
			}
		}
		return result;
	}

	/** The links of a guest, in declaration order, each read from the guest's side. */
	public static List<Side> sides(ZvmGuest guest) {
		List<Side> result = new ArrayList<>();
		Map<PointToPointLink, Integer> devices = readDevices(guest);
		for (PointToPointLink link : links(guest)) {
			boolean left = link.getLeft() == guest;
			ZvmGuest partner = left ? link.getRight() : link.getLeft();
			if (partner == null || partner.eIsProxy() || partner == guest) {
				continue;
			}
			int partnerDevice = link.getKind() == PointToPointKind.CTC ? readDevices(partner).getOrDefault(link, -1) : -1;
			result.add(new Side(link, guest, partner, left ? link.getLeftAddress() : link.getRightAddress(),
					left ? link.getRightAddress() : link.getLeftAddress(), devices.getOrDefault(link, -1), partnerDevice));
		}
		return result;
	}

	/** Whether the guest has any IUCV or CTC link. */
	public static boolean hasLinks(ZvmGuest guest) {
		return !links(guest).isEmpty();
	}

	/** Whether the guest has a network zknet configures: IUCV or CTC links, or NICs on z/VM's LANs. */
	public static boolean hasNetwork(ZvmGuest guest) {
		return hasLinks(guest) || !ZvmLans.nics(guest).isEmpty();
	}

	/** The read device the model gives a guest's end of a virtual CTC, if it gives one that can be read. */
	public static Optional<Integer> declaredDevice(PointToPointLink link, ZvmGuest guest) {
		String text = link.getLeft() == guest ? link.getLeftDevice() : link.getRightDevice();
		if (text == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(DeviceRange.parseDeviceNumber(text));
		} catch (MalformedValueException e) {
			return Optional.empty();
		}
	}

	/**
	 * The read device of each of the guest's virtual CTCs: the declared ones as declared, the others the
	 * next free even pair from FIRST_DEVICE that no NIC takes, in declaration order.
	 */
	public static Map<PointToPointLink, Integer> readDevices(ZvmGuest guest) {
		Map<PointToPointLink, Integer> result = new java.util.LinkedHashMap<>();
		TreeMap<Integer, PointToPointLink> taken = new TreeMap<>();
		ZvmLans.nicDevices(guest).forEach(d -> taken.put(d, null));
		List<PointToPointLink> ctcs = links(guest).stream().filter(l -> l.getKind() == PointToPointKind.CTC).toList();
		for (PointToPointLink link : ctcs) {
			declaredDevice(link, guest).ifPresent(device -> {
				result.put(link, device);
				taken.put(device, link);
				taken.put(device + 1, link);
			});
		}
		int next = FIRST_DEVICE;
		for (PointToPointLink link : ctcs) {
			if (result.containsKey(link)) {
				continue;
			}
			while (taken.containsKey(next) || taken.containsKey(next + 1)) {
				next += 2;
			}
			result.put(link, next);
			taken.put(next, link);
			taken.put(next + 1, link);
		}
		return result;
	}

	private static List<PointToPointLink> links(ZvmGuest guest) {
		List<PointToPointLink> result = new ArrayList<>();
		EObject container = guest.eContainer();
		if (container instanceof ZvmCluster cluster) {
			for (ZvmMember member : cluster.getMembers()) {
				if (member instanceof PointToPointLink link && (link.getLeft() == guest || link.getRight() == guest)) {
					result.add(link);
				}
			}
		}
		return result;
	}
}
