package org.zkvm.dsl.analysis;

import java.util.ArrayList;
import java.util.List;

/** A range of 4-digit hexadecimal device numbers, e.g. the CTCs 6000-6003. */
public record DeviceRange(int first, int last) {

	public DeviceRange {
		if (first < 0 || last > 0xffff || first > last) {
			throw new MalformedValueException("device range " + format(first) + "-" + format(last) + " is empty or out of range 0000-FFFF");
		}
	}

	/** Parses '6000', '6000-6003' (hexadecimal, any case). */
	public static DeviceRange parse(String text) {
		String trimmed = text.strip();
		int dash = trimmed.indexOf('-');
		if (dash < 0) {
			int single = parseDeviceNumber(trimmed);
			return new DeviceRange(single, single);
		}
		int first = parseDeviceNumber(trimmed.substring(0, dash).strip());
		int last = parseDeviceNumber(trimmed.substring(dash + 1).strip());
		if (last < first) {
			throw new MalformedValueException("device range '" + text + "' runs backwards: write the lower number first");
		}
		return new DeviceRange(first, last);
	}

	public static int parseDeviceNumber(String text) {
		if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
			throw new MalformedValueException("'" + text + "' is not a device number: expected 1-4 hexadecimal digits, e.g. 6000 or F500");
		}
		return Integer.parseInt(text, 16);
	}

	public static String format(int deviceNumber) {
		return String.format("%04X", deviceNumber);
	}

	public int count() {
		return last - first + 1;
	}

	public List<Integer> devices() {
		List<Integer> result = new ArrayList<>(count());
		for (int device = first; device <= last; device++) {
			result.add(device);
		}
		return result;
	}

	public boolean contains(int deviceNumber) {
		return deviceNumber >= first && deviceNumber <= last;
	}

	@Override
	public String toString() {
		return first == last ? format(first) : format(first) + "-" + format(last);
	}
}
