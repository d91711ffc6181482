package org.zkvm.dsl.analysis;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Interface names that belong to a naming scheme of the kernel or udev, and so race with the
 * device that scheme names: the kernel's Ethernet template {@code eth%d} (qeth layer 2 and
 * virtio-net register as eth<N> before udev renames them), the qeth driver's HiperSockets template
 * {@code hsi%d}, systemd's predictable name of a CCW device {@code enc<devno>} (lib/udev
 * net_id: "enc" and the bus-ID without its leading zeros) when it is another device's, and its
 * PCI-style names (en[o|s|p]...), which no qeth or virtio-ccw device gets. Renaming a device to
 * a name the kernel or udev may hand to a second device at the same time fails half-way: the
 * rename finds the name taken ("File exists").
 */
public final class KernelNameTemplates {
	private KernelNameTemplates() {
	}

	private static final Pattern ETH = Pattern.compile("eth\\d+");
	private static final Pattern HSI = Pattern.compile("hsi\\d+");
	private static final Pattern CCW = Pattern.compile("enc[0-9a-f]{1,4}");
	private static final Pattern PCI = Pattern.compile("en(o\\d+|s\\d+|p\\d+s\\d+|P\\d+p\\d+s\\d+)\\S*");

	/**
	 * Why the name races with another device, or empty. {@code ownCcwName} is the device's own
	 * predictable name (enc + bus-ID) where it is a CCW device, or null.
	 */
	public static Optional<String> race(String name, String ownCcwName) {
		if (name == null) {
			return Optional.empty();
		}
		if (ETH.matcher(name).matches()) {
			return Optional.of("is the kernel's name template for Ethernet devices (eth%d): every qeth layer 2 and virtio-net device is "
					+ "registered as eth<N> before udev renames it");
		}
		if (HSI.matcher(name).matches()) {
			return Optional.of("is the qeth driver's name template for HiperSockets devices (hsi%d)");
		}
		if (CCW.matcher(name).matches() && !name.equals(ownCcwName)) {
			return Optional.of("is udev's predictable name of the CCW device " + name.substring(3)
					+ (ownCcwName != null ? ", not this device's own (" + ownCcwName + ")" : "") + " (enc<bus-ID>)");
		}
		if (PCI.matcher(name).matches()) {
			return Optional.of("is a PCI-style predictable name (systemd's eno/ens/enp), which no qeth or virtio-ccw device on IBM Z gets");
		}
		return Optional.empty();
	}
}
