package org.zkvm.dsl.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.xtext.validation.Check;
import org.zkvm.dsl.analysis.GuestNicIdentity;
import org.zkvm.dsl.analysis.IpPrefix;
import org.zkvm.dsl.analysis.Ipv6Prefix;
import org.zkvm.dsl.analysis.PrefixIndex;
import org.zkvm.dsl.topology.Addresses;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.NetworkIndex;
import org.zkvm.dsl.topology.NetworkIndex.AddressUse;
import org.zkvm.dsl.zknet.InterfaceAddress;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Model;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.OvsBridge;

/**
 * Addresses across the whole network, from every file: duplicates, overlapping guest subnets,
 * addresses outside their network. Found through the network index (hash by address, sweep by
 * subnet), never by comparing every pair of interfaces.
 */
public class AddressValidator extends ZknetCheckBase {

	@Check
	public void checkNetwork(Model model) {
		NetworkIndex network = network(model);
		List<List<AddressUse>> duplicates = new ArrayList<>(network.addresses().duplicates());
		duplicates.addAll(network.ipv6Duplicates());
		for (List<AddressUse> owners : duplicates) {
			for (AddressUse use : owners) {
				if (use.element().eResource() != model.eResource()) {
					continue;
				}
				String others = owners.stream().filter(o -> o != use).map(AddressUse::ownerPath).distinct().collect(Collectors.joining(", "));
				report(IssueCodes.ADDR_DUPLICATE, "address " + use.prefix().address() + " of " + use.ownerPath() + " is also given to " + others
						+ ": both answer " + (use.prefix().isIpv6() ? "neighbour solicitations" : "ARP") + " for it and traffic reaches one of them "
						+ "at random; give each interface its own address",
						use.element(), use.feature());
			}
		}
		checkMacs(model, network);
		for (PrefixIndex.Overlap<OvsBridge> overlap : network.guestSubnets().overlaps()) {
			Lpar first = Hosts.lparOf(overlap.first().owner());
			Lpar second = Hosts.lparOf(overlap.second().owner());
			if (first == second) {
				continue;
			}
			reportOverlap(model, overlap.first(), overlap.second());
			reportOverlap(model, overlap.second(), overlap.first());
		}
		checkIpv6GuestSubnets(model, network);
	}

	/** Overlapping IPv6 guest subnets of routed bridges of different LPARs, as for IPv4 (few per host: compared pairwise per bridge). */
	private void checkIpv6GuestSubnets(Model model, NetworkIndex network) {
		List<Map.Entry<Ipv6Prefix, OvsBridge>> subnets = new ArrayList<>(network.guestSubnetsIpv6());
		subnets.sort(Map.Entry.comparingByKey());
		for (int i = 0; i < subnets.size(); i++) {
			Map.Entry<Ipv6Prefix, OvsBridge> mine = subnets.get(i);
			if (mine.getValue().eResource() != model.eResource()) {
				continue;
			}
			for (Map.Entry<Ipv6Prefix, OvsBridge> theirs : subnets) {
				if (theirs != mine && Hosts.lparOf(theirs.getValue()) != Hosts.lparOf(mine.getValue()) && theirs.getKey().overlaps(mine.getKey())) {
					OvsBridge bridge = mine.getValue();
					InterfaceAddress address = bridge.getAddresses().stream()
							.filter(a -> Addresses.resolveIpv6(a).map(p -> p.subnet().equals(mine.getKey())).orElse(false)).findFirst().orElse(null);
					if (address != null) {
						report(IssueCodes.ADDR_DUPLICATE, "the IPv6 guest subnet " + mine.getKey() + " of " + Hosts.path(bridge) + " overlaps "
								+ theirs.getKey() + " of " + Hosts.path(theirs.getValue()) + ": the hosts' routes to each other's guests cannot tell "
								+ "them apart; give each host's guests their own prefix", address,
								Addresses.isAuto(address) ? Z.getInterfaceAddress_Derived() : Z.getInterfaceAddress_Address());
					}
					break;
				}
			}
		}
	}

	private void reportOverlap(Model model, PrefixIndex.Entry<OvsBridge> mine, PrefixIndex.Entry<OvsBridge> theirs) {
		OvsBridge bridge = mine.owner();
		if (bridge.eResource() != model.eResource()) {
			return;
		}
		for (int i = 0; i < bridge.getAddresses().size(); i++) {
			InterfaceAddress address = bridge.getAddresses().get(i);
			if (Addresses.resolve(address).map(p -> p.subnet().equals(mine.subnet())).orElse(false)) {
				report(IssueCodes.ADDR_DUPLICATE, "the guest subnet " + mine.subnet() + " of " + Hosts.path(bridge) + " overlaps "
						+ theirs.subnet() + " of " + Hosts.path(theirs.owner()) + ": the hosts' routes to each other's guests "
						+ "cannot tell them apart; give each host's guests their own subnet (seed 002: 10.136.<LPAR ID>.0/24)",
						address, Addresses.isAuto(address) ? Z.getInterfaceAddress_Derived() : Z.getInterfaceAddress_Address());
				return;
			}
		}
	}

	@Check
	public void checkInNetwork(InterfaceAddress address) {
		if (address.getNetwork() == null || address.getNetwork().eIsProxy()) {
			return;
		}
		var cidr = Addresses.cidrIp(address.getNetwork());
		List<IpPrefix> resolved = Addresses.resolveAll(address);
		if (cidr.isEmpty() || resolved.isEmpty()) {
			return;
		}
		IpPrefix prefix = resolved.get(0);
		if (prefix.isIpv6() != cidr.get().isIpv6()) {
			report(IssueCodes.ADDR_DUPLICATE, "address " + prefix + " is " + (prefix.isIpv6() ? "IPv6" : "IPv4") + ", but its network "
					+ address.getNetwork().getName() + " (" + cidr.get() + ") is " + (cidr.get().isIpv6() ? "IPv6" : "IPv4")
					+ ": give each family's address its own network", address, Addresses.isAuto(address) ? Z.getInterfaceAddress_Derived() : Z.getInterfaceAddress_Address());
			return;
		}
		if (!cidr.get().contains(prefix.address())) {
			report(IssueCodes.ADDR_DUPLICATE, "address " + prefix.address() + " is outside its network " + address.getNetwork().getName() + " ("
					+ cidr.get() + "): nothing in that network can reach it; use an address of " + cidr.get() + " or the right network",
					address, Addresses.isAuto(address) ? Z.getInterfaceAddress_Derived() : Z.getInterfaceAddress_Address());
		}
	}

	@Check
	public void checkAuto(InterfaceAddress address) {
		if (Addresses.isAuto(address) && Addresses.resolveAll(address).isEmpty()) {
			Lpar lpar = Hosts.lparOf(address);
			report(IssueCodes.ADDR_AUTO, "'address auto' finds no rule for it in " + (lpar != null && lpar.getScheme() != null
					? "scheme " + lpar.getScheme().getName() : "the LPAR's address scheme (the LPAR has none)")
					+ ", so the interface would come up without an address; give the address, or add a rule to the scheme",
					address, Z.getInterfaceAddress_Derived());
		}
	}

	/** The guests' files find their NICs by the MACs derived from the NICs' paths: two alike would give one guest another's NIC. */
	private void checkMacs(Model model, NetworkIndex network) {
		Map<String, Nic> nicOfPath = new HashMap<>();
		Map<String, String> macOfPath = new HashMap<>();
		for (Nic nic : network.nics()) {
			String path = Hosts.sitePath(nic);
			nicOfPath.put(path, nic);
			macOfPath.put(path, Hosts.mac(nic));
		}
		GuestNicIdentity.collisions(macOfPath).forEach((mac, paths) -> {
			for (String path : paths) {
				Nic nic = nicOfPath.get(path);
				if (nic.eResource() == model.eResource()) {
					reportError(IssueCodes.NIC_MAC_COLLISION, "the NIC " + path + " gets the MAC " + mac + ", as " + String.join(", ", paths.stream()
							.filter(p -> !p.equals(path)).toList()) + " does: the guests' files find their NICs by it; rename one of the NICs", nic,
							Z.getNic_Name());
				}
			}
		});
	}
}
