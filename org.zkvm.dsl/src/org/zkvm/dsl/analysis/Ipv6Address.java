package org.zkvm.dsl.analysis;

/**
 * An IPv6 address held as its 128 bits. Parsed from the text forms of RFC 4291 §2.2 (eight groups
 * of up to four hexadecimal digits, one '::' for a run of zero groups) and written in the
 * canonical form of RFC 5952 §4 (lower case, no leading zeros, the longest run of two or more zero
 * groups as '::', the first of equally long runs).
 */
public record Ipv6Address(long high, long low) implements IpAddress, Comparable<Ipv6Address> {

	public static Ipv6Address parse(String text) {
		if (text.contains("%")) {
			throw new MalformedValueException("'" + text + "': write a link-local gateway without a zone ('%eth0'); name the interface with 'dev'");
		}
		if (text.contains(".")) {
			throw new MalformedValueException("'" + text + "': IPv6 addresses with an embedded IPv4 address are not supported; write all eight groups in hexadecimal");
		}
		int compressed = text.indexOf("::");
		if (compressed >= 0 && text.indexOf("::", compressed + 1) >= 0) {
			throw new MalformedValueException("'" + text + "' is not an IPv6 address: '::' may appear only once (RFC 4291 §2.2)");
		}
		int[] groups = new int[8];
		if (compressed < 0) {
			String[] parts = text.split(":", -1);
			if (parts.length != 8) {
				throw new MalformedValueException("'" + text + "' is not an IPv6 address: it has " + parts.length
						+ " groups; write eight groups of hexadecimal digits separated by ':', or shorten zeros with '::', e.g. 2001:db8::5");
			}
			for (int i = 0; i < 8; i++) {
				groups[i] = group(text, parts[i]);
			}
		} else {
			String head = text.substring(0, compressed);
			String tail = text.substring(compressed + 2);
			String[] before = head.isEmpty() ? new String[0] : head.split(":", -1);
			String[] after = tail.isEmpty() ? new String[0] : tail.split(":", -1);
			if (before.length + after.length > 7) {
				throw new MalformedValueException("'" + text + "' is not an IPv6 address: with '::' it has room for at most seven other groups");
			}
			for (int i = 0; i < before.length; i++) {
				groups[i] = group(text, before[i]);
			}
			for (int i = 0; i < after.length; i++) {
				groups[8 - after.length + i] = group(text, after[i]);
			}
		}
		long high = 0;
		long low = 0;
		for (int i = 0; i < 4; i++) {
			high = (high << 16) | groups[i];
			low = (low << 16) | groups[i + 4];
		}
		return new Ipv6Address(high, low);
	}

	private static int group(String text, String part) {
		if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
			throw new MalformedValueException("'" + text + "' is not an IPv6 address: '" + part + "' is not a group of one to four hexadecimal digits");
		}
		return Integer.parseInt(part, 16);
	}

	/** Group 0-7 as a number 0-65535. */
	public int group(int index) {
		long half = index < 4 ? high : low;
		return (int) ((half >>> (16 * (3 - index % 4))) & 0xffff);
	}

	/** fe80::/10 (RFC 4291 §2.5.6): valid only on one link, so a route via it needs its interface. */
	public boolean isLinkLocal() {
		return (high >>> 54) == (0xfe80L >>> 6);
	}

	/** The address {@code offset} further on (0 or more), carrying into the high half. */
	public Ipv6Address plus(long offset) {
		if (offset < 0) {
			throw new IllegalArgumentException("an IPv6 address counts up only: " + offset);
		}
		long sum = low + offset;
		long carry = Long.compareUnsigned(sum, low) < 0 ? 1 : 0;
		return new Ipv6Address(high + carry, sum);
	}

	@Override
	public int bitLength() {
		return 128;
	}

	@Override
	public int compareTo(Ipv6Address other) {
		int byHigh = Long.compareUnsigned(high, other.high);
		return byHigh != 0 ? byHigh : Long.compareUnsigned(low, other.low);
	}

	@Override
	public String toString() {
		int bestStart = -1;
		int bestLength = 1;
		for (int i = 0; i < 8;) {
			if (group(i) != 0) {
				i++;
				continue;
			}
			int start = i;
			while (i < 8 && group(i) == 0) {
				i++;
			}
			if (i - start > bestLength) {
				bestStart = start;
				bestLength = i - start;
			}
		}
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			if (i == bestStart) {
				b.append("::");
				i += bestLength - 1;
				continue;
			}
			if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
				b.append(':');
			}
			b.append(Integer.toHexString(group(i)));
		}
		return b.toString();
	}
}
