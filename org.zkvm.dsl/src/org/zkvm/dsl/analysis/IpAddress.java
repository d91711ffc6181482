package org.zkvm.dsl.analysis;

/** An IPv4 or IPv6 address; the text tells which (an IPv6 address has colons). */
public sealed interface IpAddress permits Ipv4Address, Ipv6Address {

	static IpAddress parse(String text) {
		return isIpv6(text) ? Ipv6Address.parse(text) : Ipv4Address.parse(text);
	}

	/** Whether the text is written as an IPv6 address or prefix (RFC 4291 §2.2: groups separated by colons). */
	static boolean isIpv6(String text) {
		return text != null && text.indexOf(':') >= 0;
	}

	/** 32 or 128. */
	int bitLength();

	default boolean isIpv6() {
		return bitLength() == 128;
	}
}
