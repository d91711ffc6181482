package org.zkvm.dsl.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CCW bus-ID 0.&lt;ssid&gt;.&lt;devno&gt; (facts §1.2). Parsing is lenient about case and
 * digit count so that the validator, not the parser, can say what is wrong with it.
 */
public record BusId(int cssid, int ssid, int deviceNumber) {

	private static final Pattern FORM = Pattern.compile("([0-9a-fA-F]+)\\.([0-9a-fA-F]+)\\.([0-9a-fA-F]+)");
	private static final Pattern CANONICAL = Pattern.compile("0\\.[0-3]\\.[0-9a-f]{4}");

	public static BusId parse(String text) {
		Matcher m = FORM.matcher(text);
		if (!m.matches() || m.group(3).length() > 4 || m.group(2).length() > 1 || m.group(1).length() > 2) {
			throw new MalformedValueException("'" + text + "' is not a bus-ID: expected 0.<ssid>.<devno>, e.g. 0.0.f500");
		}
		return new BusId(Integer.parseInt(m.group(1), 16), Integer.parseInt(m.group(2), 16), Integer.parseInt(m.group(3), 16));
	}

	/** True for the form Linux tools print: 0.&lt;ssid 0-3&gt;.&lt;4 lowercase hex digits&gt;. */
	public static boolean isCanonical(String text) {
		return CANONICAL.matcher(text).matches();
	}

	public BusId next(int offset) {
		return new BusId(cssid, ssid, deviceNumber + offset);
	}

	/**
	 * The name udev's predictable naming gives the network interface of this (read) device: "enc"
	 * and the bus-ID without its leading dots and zeros, 0.0.f500 -> encf500, 0.1.0500 -> enc1.0500
	 * (systemd, src/udev/udev-builtin-net_id.c, names_ccw).
	 */
	public String predictableName() {
		String id = toString();
		int start = 0;
		while (start < id.length() - 1 && (id.charAt(start) == '.' || id.charAt(start) == '0')) {
			start++;
		}
		return "enc" + id.substring(start);
	}

	@Override
	public String toString() {
		return cssid + "." + ssid + "." + String.format("%04x", deviceNumber);
	}
}
