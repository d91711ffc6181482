package org.zkvm.dsl.analysis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a guest finds its NICs (docs/outputs.md, "Guest NIC identity"). On s390x a virtio-net NIC is
 * a virtio-ccw device, which udev names enc&lt;devno&gt; (enc100 for devno 0.0.0100), so a model name
 * such as lan0 never appears by itself. zknet gives each NIC a MAC derived from its place in the
 * model - locally administered and unicast (first octet 0x02), then the first five bytes of the
 * SHA-256 of "zknet nic CEC/LPAR.GUEST.NIC" - and a virtio-ccw device number of its own per guest
 * (0x0100 + its position among the guest's NICs). The guest's files match the NIC by that MAC and
 * give it the model's name.
 */
public final class GuestNicIdentity {
	private GuestNicIdentity() {
	}

	/** The first device number zknet gives a guest's NICs; virtio-ccw devices live in channel subsystem 0xfe. */
	public static final int FIRST_DEVNO = 0x0100;

	/** The NIC's MAC, e.g. 02:3f:a1:07:5c:e2, from its path CEC/LPAR.GUEST.NIC. */
	public static String mac(String path) {
		byte[] digest;
		try {
			digest = MessageDigest.getInstance("SHA-256").digest(("zknet nic " + path).getBytes(StandardCharsets.UTF_8));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
		StringBuilder mac = new StringBuilder("02");
		for (int i = 0; i < 5; i++) {
			mac.append(':').append(String.format("%02x", digest[i] & 0xff));
		}
		return mac.toString();
	}

	/** The virtio-ccw device number of the guest's NIC at a position (0 for the first), as libvirt writes it: 0x0100. */
	public static String devno(int position) {
		return String.format("0x%04x", FIRST_DEVNO + position);
	}

	/** The name udev gives that device: enc and the device number without leading zeros (enc100). */
	public static String kernelName(int position) {
		return "enc" + Integer.toHexString(FIRST_DEVNO + position);
	}

	/** The MACs given to more than one NIC, each with the NICs' paths (empty when all differ). */
	public static Map<String, List<String>> collisions(Map<String, String> macOfPath) {
		Map<String, List<String>> byMac = new HashMap<>();
		macOfPath.forEach((path, mac) -> byMac.computeIfAbsent(mac, m -> new ArrayList<>()).add(path));
		byMac.values().removeIf(paths -> paths.size() < 2);
		byMac.values().forEach(paths -> paths.sort(null));
		return byMac;
	}
}
