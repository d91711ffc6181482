package org.zkvm.dsl.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An address scheme template such as "10.136.{id}.254/24" or "10.136.{id}.{n}": {id} is the
 * LPAR id, {n} the guest's number (seed 002, last chart: 10.136.&lt;LPAR ID&gt;.254 is the vnic,
 * guests get .1 to .253). An IPv6 template such as "2001:db8:136:{id}::{n}" puts the same decimal
 * digits into a hexadecimal group, so 10.136.11.5 pairs with 2001:db8:136:11::5 and reads alike.
 */
public record AddressTemplate(String text) {

	private static final Pattern OCTET = Pattern.compile("\\d{1,3}|\\{id\\}|\\{n\\}");

	public static AddressTemplate parse(String text) {
		if (IpAddress.isIpv6(text)) {
			String sample = text.replace("{id}", "255").replace("{n}", "253");
			if (sample.contains("{") || sample.contains("}")) {
				throw new MalformedValueException("address template \"" + text + "\": only {id} and {n} may stand for a group's digits, e.g. \"2001:db8:136:{id}::{n}\"");
			}
			try {
				Ipv6Prefix.parse(sample, false);
			} catch (MalformedValueException e) {
				throw new MalformedValueException("address template \"" + text + "\": " + e.getMessage());
			}
			return new AddressTemplate(text);
		}
		int slash = text.indexOf('/');
		String address = slash < 0 ? text : text.substring(0, slash);
		String[] octets = address.split("\\.", -1);
		if (octets.length != 4) {
			throw new MalformedValueException("address template \"" + text + "\" needs four parts separated by dots, each a number, {id} or {n}, e.g. \"10.136.{id}.254/24\"");
		}
		for (String octet : octets) {
			Matcher m = OCTET.matcher(octet);
			if (!m.matches() || (Character.isDigit(octet.charAt(0)) && Integer.parseInt(octet) > 255)) {
				throw new MalformedValueException("address template \"" + text + "\": '" + octet + "' is not a number 0-255, {id} or {n}");
			}
		}
		if (slash >= 0) {
			Ipv4Prefix.parse("0.0.0.0" + text.substring(slash));
		}
		return new AddressTemplate(text);
	}

	public boolean usesGuestNumber() {
		return text.contains("{n}");
	}

	public boolean isIpv6() {
		return IpAddress.isIpv6(text);
	}

	/** The address for an LPAR id and guest number; octets must stay within 0-255, IPv6 groups within four digits. */
	public IpPrefix expand(int lparId, int guestNumber, int defaultLength) {
		String expanded = text.replace("{id}", Integer.toString(lparId)).replace("{n}", Integer.toString(guestNumber));
		return IpPrefix.parse(expanded.contains("/") ? expanded : expanded + "/" + defaultLength, true);
	}

	@Override
	public String toString() {
		return text;
	}
}
