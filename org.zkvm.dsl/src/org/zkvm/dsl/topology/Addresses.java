package org.zkvm.dsl.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.zkvm.dsl.analysis.AddressTemplate;
import org.zkvm.dsl.analysis.Ipv4Address;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.analysis.MalformedValueException;
import org.zkvm.dsl.zknet.AddressScheme;
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

	/** The address, or empty when it is malformed or 'auto' finds no rule in the LPAR's scheme. */
	public static Optional<Ipv4Prefix> resolve(InterfaceAddress address) {
		try {
			if (!address.isAuto()) {
				return address.getAddress() == null ? Optional.empty() : Optional.of(Ipv4Prefix.parse(address.getAddress()));
			}
			return derive(address);
		} catch (MalformedValueException e) {
			return Optional.empty();
		}
	}

	/** Every resolvable address of an interface or NIC. */
	public static List<Ipv4Prefix> of(EObject owner) {
		List<InterfaceAddress> declared = owner instanceof HostInterface i ? i.getAddresses()
				: owner instanceof Nic n ? n.getAddresses() : owner instanceof ZvmNic z ? z.getAddresses() : List.of();
		List<Ipv4Prefix> result = new ArrayList<>(declared.size());
		for (InterfaceAddress address : declared) {
			resolve(address).ifPresent(result::add);
		}
		return result;
	}

	public static Optional<Ipv4Address> parseAddress(String text) {
		if (text == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(Ipv4Prefix.parse(text, false).address());
		} catch (MalformedValueException e) {
			return Optional.empty();
		}
	}

	public static Optional<Ipv4Prefix> parsePrefix(String text) {
		if (text == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(Ipv4Prefix.parse(text, false));
		} catch (MalformedValueException e) {
			return Optional.empty();
		}
	}

	public static Optional<Ipv4Prefix> cidr(Network network) {
		if (network == null || network.eIsProxy()) {
			return Optional.empty();
		}
		return parsePrefix(network.getCidr()).map(Ipv4Prefix::subnet);
	}

	private static Optional<Ipv4Prefix> derive(InterfaceAddress address) {
		Lpar lpar = Hosts.lparOf(address);
		AddressScheme scheme = lpar == null ? null : lpar.getScheme();
		if (scheme == null || scheme.eIsProxy()) {
			return Optional.empty();
		}
		EObject owner = address.eContainer();
		int length = cidr(address.getNetwork()).map(Ipv4Prefix::length).orElse(DEFAULT_LENGTH);
		for (SchemeRule rule : scheme.getRules()) {
			if (owner instanceof OvsBridge && rule instanceof VnicAddressRule vnic) {
				return Optional.of(AddressTemplate.parse(vnic.getTemplate()).expand(lpar.getLparId(), 0, length));
			}
			if (owner instanceof HostInterface && !(owner instanceof OvsBridge) && rule instanceof HostAddressRule host
					&& host.getNetwork() != null && host.getNetwork() == address.getNetwork()) {
				return Optional.of(AddressTemplate.parse(host.getTemplate()).expand(lpar.getLparId(), 0, length));
			}
			if (owner instanceof Nic nic && rule instanceof GuestAddressRule guests) {
				Guest guest = (Guest) nic.eContainer();
				int first = guests.getFirst() == 0 && guests.getLast() == 0 ? 1 : guests.getFirst();
				int number = first + Hosts.members(lpar, Guest.class).indexOf(guest);
				if (guests.getLast() != 0 && number > guests.getLast()) {
					return Optional.empty();
				}
				return Optional.of(AddressTemplate.parse(guests.getTemplate()).expand(lpar.getLparId(), number, length));
			}
		}
		return Optional.empty();
	}
}
