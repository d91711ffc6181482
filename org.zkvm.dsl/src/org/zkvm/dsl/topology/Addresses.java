package org.zkvm.dsl.topology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.zkvm.dsl.analysis.AddressTemplate;
import org.zkvm.dsl.analysis.IpAddress;
import org.zkvm.dsl.analysis.IpPrefix;
import org.zkvm.dsl.analysis.Ipv6Prefix;
import org.zkvm.dsl.analysis.Ipv4Address;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.analysis.MalformedValueException;
import org.zkvm.dsl.zknet.AddressScheme;
import org.zkvm.dsl.zknet.DerivedAddress;
import org.zkvm.dsl.zknet.Guest;
import org.zkvm.dsl.zknet.GuestAddressRule;
import org.zkvm.dsl.zknet.HostAddressRule;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.InterfaceAddress;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Network;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.SchemeRule;
import org.zkvm.dsl.zknet.VnicAddressRule;
import org.zkvm.dsl.zknet.ZvmNic;

/** Interface addresses as the host will carry them: written out, or derived from the LPAR's address scheme. */
public final class Addresses {
	private Addresses() {
	}

	/** The guests' subnets are /24 in the seed (10.136.&lt;LPAR ID&gt;.0/24). */
	private static final int DEFAULT_LENGTH = 24;

	/** An IPv6 subnet is a /64 (RFC 4291 §2.5.1: interface identifiers are 64 bits). */
	private static final int DEFAULT_LENGTH_IPV6 = 64;

	/**
	 * The IPv4 address, or empty when it is malformed, IPv6, 'slaac', or 'auto' finds no IPv4 rule
	 * in the LPAR's scheme.
	 */
	public static Optional<Ipv4Prefix> resolve(InterfaceAddress address) {
		return resolveAll(address).stream().filter(Ipv4Prefix.class::isInstance).map(Ipv4Prefix.class::cast).findFirst();
	}

	/** The IPv6 address, as {@link #resolve} the IPv4 one. */
	public static Optional<Ipv6Prefix> resolveIpv6(InterfaceAddress address) {
		return resolveAll(address).stream().filter(Ipv6Prefix.class::isInstance).map(Ipv6Prefix.class::cast).findFirst();
	}

	/**
	 * What one 'address' gives: the address written out, or for 'auto' one address of each family the
	 * LPAR's scheme has a rule for (the family of the 'in' network only, where one is named): a scheme
	 * with an IPv4 and an IPv6 guest rule makes every 'address auto' of a guest dual stack.
	 */
	public static List<IpPrefix> resolveAll(InterfaceAddress address) {
		try {
			if (isSlaac(address)) {
				return List.of();
			}
			if (!isAuto(address)) {
				return address.getAddress() == null ? List.of() : List.of(IpPrefix.parse(address.getAddress(), true));
			}
			return derive(address);
		} catch (MalformedValueException e) {
			return List.of();
		}
	}

	/** 'address auto': derived from the LPAR's scheme. */
	public static boolean isAuto(InterfaceAddress address) {
		return address.getAddress() == null && address.getDerived() == DerivedAddress.AUTO;
	}

	/** 'address slaac': from the LAN's router advertisements. */
	public static boolean isSlaac(InterfaceAddress address) {
		return address.getAddress() == null && address.getDerived() == DerivedAddress.SLAAC;
	}

	/** Every resolvable IPv4 address of an interface or NIC. */
	public static List<Ipv4Prefix> of(EObject owner) {
		return all(owner).stream().filter(Ipv4Prefix.class::isInstance).map(Ipv4Prefix.class::cast).toList();
	}

	/** Every resolvable IPv6 address of an interface or NIC. */
	public static List<Ipv6Prefix> ipv6Of(EObject owner) {
		return all(owner).stream().filter(Ipv6Prefix.class::isInstance).map(Ipv6Prefix.class::cast).toList();
	}

	/** Every resolvable address of an interface or NIC, both families, in the order the model gives them. */
	public static List<IpPrefix> all(EObject owner) {
		List<IpPrefix> result = new ArrayList<>();
		for (InterfaceAddress address : declared(owner)) {
			result.addAll(resolveAll(address));
		}
		return result;
	}

	/** Whether the interface or NIC takes IPv6 addresses and its default route from router advertisements ('address slaac'). */
	public static boolean slaac(EObject owner) {
		return declared(owner).stream().anyMatch(Addresses::isSlaac);
	}

	/** Whether the interface or NIC carries IPv6: an IPv6 address or 'address slaac'. */
	public static boolean hasIpv6(EObject owner) {
		return slaac(owner) || !ipv6Of(owner).isEmpty();
	}

	private static List<InterfaceAddress> declared(EObject owner) {
		return owner instanceof HostInterface i ? i.getAddresses()
				: owner instanceof Nic n ? n.getAddresses() : owner instanceof ZvmNic z ? z.getAddresses() : List.of();
	}

	/** An IPv4 address; empty when absent, malformed or IPv6. */
	public static Optional<Ipv4Address> parseAddress(String text) {
		return parsePrefix(text).map(Ipv4Prefix::address);
	}

	/** An address of either family, e.g. a gateway; empty when absent or malformed. */
	public static Optional<IpAddress> parseIp(String text) {
		return parsePrefixIp(text).map(IpPrefix::address);
	}

	/** A prefix of either family ('a/n', or a bare address as a host prefix); empty when absent or malformed. */
	public static Optional<IpPrefix> parsePrefixIp(String text) {
		if (text == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(IpPrefix.parse(text, false));
		} catch (MalformedValueException e) {
			return Optional.empty();
		}
	}

	/** An IPv4 prefix ('a/n', or a bare address as a /32); empty when absent, malformed or IPv6. */
	public static Optional<Ipv4Prefix> parsePrefix(String text) {
		return parsePrefixIp(text).filter(Ipv4Prefix.class::isInstance).map(Ipv4Prefix.class::cast);
	}

	/** The IPv4 subnet of a network; empty for an IPv6 network. */
	public static Optional<Ipv4Prefix> cidr(Network network) {
		return cidrIp(network).filter(Ipv4Prefix.class::isInstance).map(Ipv4Prefix.class::cast);
	}

	/** The subnet of a network, either family. */
	public static Optional<IpPrefix> cidrIp(Network network) {
		if (network == null || network.eIsProxy() || network.getCidr() == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(IpPrefix.parse(network.getCidr(), true).subnet());
		} catch (MalformedValueException e) {
			return Optional.empty();
		}
	}

	/** The first rule of each family that applies to the address's owner, expanded; a family whose first rule has no number left gives nothing. */
	private static List<IpPrefix> derive(InterfaceAddress address) {
		Lpar lpar = Hosts.lparOf(address);
		AddressScheme scheme = lpar == null ? null : lpar.getScheme();
		if (scheme == null || scheme.eIsProxy()) {
			return List.of();
		}
		EObject owner = address.eContainer();
		Optional<IpPrefix> network = cidrIp(address.getNetwork());
		List<IpPrefix> result = new ArrayList<>(2);
		Set<Boolean> familiesDone = new HashSet<>();
		for (SchemeRule rule : scheme.getRules()) {
			String template = template(rule, owner, address);
			if (template == null) {
				continue;
			}
			AddressTemplate parsed = AddressTemplate.parse(template);
			boolean ipv6 = parsed.isIpv6();
			if ((network.isPresent() && network.get().isIpv6() != ipv6) || !familiesDone.add(ipv6)) {
				continue;
			}
			int length = network.filter(n -> n.isIpv6() == ipv6).map(IpPrefix::length).orElse(ipv6 ? DEFAULT_LENGTH_IPV6 : DEFAULT_LENGTH);
			int number = 0;
			if (rule instanceof GuestAddressRule guests) {
				Guest guest = (Guest) owner.eContainer();
				int first = guests.getFirst() == 0 && guests.getLast() == 0 ? 1 : guests.getFirst();
				number = first + Hosts.members(lpar, Guest.class).indexOf(guest);
				if (guests.getLast() != 0 && number > guests.getLast()) {
					continue;
				}
			}
			result.add(parsed.expand(lpar.getLparId(), number, length));
		}
		return result;
	}

	/** The template of a rule that applies to an 'address auto' of this owner, or null. */
	private static String template(SchemeRule rule, EObject owner, InterfaceAddress address) {
		if (owner instanceof OvsBridge && rule instanceof VnicAddressRule vnic) {
			return vnic.getTemplate();
		}
		if (owner instanceof HostInterface && !(owner instanceof OvsBridge) && rule instanceof HostAddressRule host
				&& host.getNetwork() != null && host.getNetwork() == address.getNetwork()) {
			return host.getTemplate();
		}
		if (owner instanceof Nic && rule instanceof GuestAddressRule guests) {
			return guests.getTemplate();
		}
		return null;
	}
}
