package org.zkvm.dsl.analysis;

/** An IPv4 address held as its 32 bits. */
public record Ipv4Address(int bits) implements IpAddress, Comparable<Ipv4Address> {

	public static Ipv4Address parse(String text) {
		String[] parts = text.split("\\.", -1);
		if (parts.length != 4) {
			throw new MalformedValueException("'" + text + "' is not an IPv4 address: expected four numbers 0-255 separated by dots, e.g. 10.131.11.254");
		}
		int bits = 0;
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
				throw new MalformedValueException("'" + text + "' is not an IPv4 address: '" + part + "' is not a number 0-255");
			}
			int octet = Integer.parseInt(part);
			if (octet > 255) {
				throw new MalformedValueException("'" + text + "' is not an IPv4 address: " + octet + " is larger than 255");
			}
			bits = (bits << 8) | octet;
		}
		return new Ipv4Address(bits);
	}

	public static Ipv4Address of(int a, int b, int c, int d) {
		return new Ipv4Address((a << 24) | (b << 16) | (c << 8) | d);
	}

	public int octet(int index) {
		return (bits >>> (24 - 8 * index)) & 0xff;
	}

	public Ipv4Address plus(int offset) {
		return new Ipv4Address(bits + offset);
	}

	@Override
	public int bitLength() {
		return 32;
	}

	@Override
	public int compareTo(Ipv4Address other) {
		return Integer.compareUnsigned(bits, other.bits);
	}

	@Override
	public String toString() {
		return octet(0) + "." + octet(1) + "." + octet(2) + "." + octet(3);
	}
}
