package org.zkvm.dsl.analysis;

/**
 * An address with a prefix length: an interface address such as 10.131.11.254/8, or a
 * subnet such as 10.0.0.0/8 when the host bits are zero.
 */
public record Ipv4Prefix(Ipv4Address address, int length) implements IpPrefix, Comparable<Ipv4Prefix> {

	public Ipv4Prefix {
		if (length < 0 || length > 32) {
			throw new MalformedValueException("prefix length /" + length + " is out of range: IPv4 prefixes are /0 to /32");
		}
	}

	/** Parses 'a.b.c.d/n'; with {@code prefixRequired} false a bare address means /32. */
	public static Ipv4Prefix parse(String text, boolean prefixRequired) {
		int slash = text.indexOf('/');
		if (slash < 0) {
			if (prefixRequired) {
				throw new MalformedValueException("'" + text + "' needs a prefix length, e.g. " + text + "/24");
			}
			return new Ipv4Prefix(Ipv4Address.parse(text), 32);
		}
		String lengthText = text.substring(slash + 1);
		if (lengthText.isEmpty() || lengthText.length() > 2 || !lengthText.chars().allMatch(Character::isDigit)) {
			throw new MalformedValueException("'" + text + "': the prefix length after '/' must be a number 0-32");
		}
		return new Ipv4Prefix(Ipv4Address.parse(text.substring(0, slash)), Integer.parseInt(lengthText));
	}

	public static Ipv4Prefix parse(String text) {
		return parse(text, true);
	}

	public int mask() {
		return length == 0 ? 0 : -1 << (32 - length);
	}

	public Ipv4Address networkAddress() {
		return new Ipv4Address(address.bits() & mask());
	}

	/** The subnet this address is in: 10.131.11.254/8 gives 10.0.0.0/8. */
	@Override
	public Ipv4Prefix subnet() {
		return new Ipv4Prefix(networkAddress(), length);
	}

	@Override
	public boolean isSubnet() {
		return address.bits() == networkAddress().bits();
	}

	public boolean contains(Ipv4Address other) {
		return (other.bits() & mask()) == networkAddress().bits();
	}

	public boolean contains(Ipv4Prefix other) {
		return other.length >= length && contains(other.address);
	}

	public boolean overlaps(Ipv4Prefix other) {
		return contains(other) || other.contains(this);
	}

	@Override
	public boolean contains(IpAddress other) {
		return other instanceof Ipv4Address v4 && contains(v4);
	}

	@Override
	public boolean overlaps(IpPrefix other) {
		return other instanceof Ipv4Prefix v4 && overlaps(v4);
	}

	/** The dotted netmask, e.g. 255.254.0.0 for /15, as route tables print it. */
	public String netmask() {
		return new Ipv4Address(mask()).toString();
	}

	@Override
	public int compareTo(Ipv4Prefix other) {
		int byAddress = address.compareTo(other.address);
		return byAddress != 0 ? byAddress : Integer.compare(length, other.length);
	}

	@Override
	public String toString() {
		return address + "/" + length;
	}
}
