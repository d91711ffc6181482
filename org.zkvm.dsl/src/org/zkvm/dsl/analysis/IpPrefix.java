package org.zkvm.dsl.analysis;

/** An IPv4 or IPv6 address with a prefix length: an interface address, or a subnet when the host bits are zero. */
public sealed interface IpPrefix permits Ipv4Prefix, Ipv6Prefix {

	/** Parses 'address/length'; with {@code prefixRequired} false a bare address is a host prefix (/32 or /128). */
	static IpPrefix parse(String text, boolean prefixRequired) {
		return IpAddress.isIpv6(text) ? Ipv6Prefix.parse(text, prefixRequired) : Ipv4Prefix.parse(text, prefixRequired);
	}

	IpAddress address();

	int length();

	/** The subnet this address is in. */
	IpPrefix subnet();

	boolean isSubnet();

	/** Whether the address is in this prefix; an address of the other family never is. */
	boolean contains(IpAddress other);

	boolean overlaps(IpPrefix other);

	default boolean isIpv6() {
		return address().isIpv6();
	}

	/** 0.0.0.0/0 or ::/0. */
	default boolean isDefault() {
		return length() == 0;
	}
}
