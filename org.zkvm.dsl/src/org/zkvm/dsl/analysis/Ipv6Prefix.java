package org.zkvm.dsl.analysis;

/**
 * An IPv6 address with a prefix length: an interface address such as 2001:db8:131:11::fe/64, or a
 * subnet such as 2001:db8:136:11::/64 when the host bits are zero.
 */
public record Ipv6Prefix(Ipv6Address address, int length) implements IpPrefix, Comparable<Ipv6Prefix> {

	public Ipv6Prefix {
		if (length < 0 || length > 128) {
			throw new MalformedValueException("prefix length /" + length + " is out of range: IPv6 prefixes are /0 to /128");
		}
	}

	public static Ipv6Prefix parse(String text, boolean prefixRequired) {
		int slash = text.indexOf('/');
		if (slash < 0) {
			if (prefixRequired) {
				throw new MalformedValueException("'" + text + "' needs a prefix length, e.g. " + text + "/64");
			}
			return new Ipv6Prefix(Ipv6Address.parse(text), 128);
		}
		String lengthText = text.substring(slash + 1);
		if (lengthText.isEmpty() || lengthText.length() > 3 || !lengthText.chars().allMatch(Character::isDigit)) {
			throw new MalformedValueException("'" + text + "': the prefix length after '/' must be a number 0-128");
		}
		return new Ipv6Prefix(Ipv6Address.parse(text.substring(0, slash)), Integer.parseInt(lengthText));
	}

	public static Ipv6Prefix parse(String text) {
		return parse(text, true);
	}

	private long highMask() {
		return length == 0 ? 0 : length >= 64 ? -1L : -1L << (64 - length);
	}

	private long lowMask() {
		return length <= 64 ? 0 : length == 128 ? -1L : -1L << (128 - length);
	}

	public Ipv6Address networkAddress() {
		return new Ipv6Address(address.high() & highMask(), address.low() & lowMask());
	}

	@Override
	public Ipv6Prefix subnet() {
		return new Ipv6Prefix(networkAddress(), length);
	}

	@Override
	public boolean isSubnet() {
		return address.equals(networkAddress());
	}

	@Override
	public boolean contains(IpAddress other) {
		return other instanceof Ipv6Address v6 && (v6.high() & highMask()) == networkAddress().high() && (v6.low() & lowMask()) == networkAddress().low();
	}

	public boolean contains(Ipv6Prefix other) {
		return other.length >= length && contains(other.address);
	}

	@Override
	public boolean overlaps(IpPrefix other) {
		return other instanceof Ipv6Prefix v6 && (contains(v6) || v6.contains(this));
	}

	@Override
	public int compareTo(Ipv6Prefix other) {
		int byAddress = address.compareTo(other.address);
		return byAddress != 0 ? byAddress : Integer.compare(length, other.length);
	}

	@Override
	public String toString() {
		return address + "/" + length;
	}
}
