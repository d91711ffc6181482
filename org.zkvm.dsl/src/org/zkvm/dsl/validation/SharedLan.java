package org.zkvm.dsl.validation;

import java.util.List;
import java.util.Optional;

import org.zkvm.dsl.analysis.Ipv4Address;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.generator.HostFacts;
import org.zkvm.dsl.lab.LabNetwork;
import org.zkvm.dsl.lab.LabNetworkBuilder;
import org.zkvm.dsl.topology.Addresses;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.zknet.ArpFilter;
import org.zkvm.dsl.zknet.ArpRule;
import org.zkvm.dsl.zknet.FilterAction;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.OvsBridge;

/**
 * Two ports of one host on one LAN, in overlapping subnets, with proxy_arp on one of them (seed
 * 002, Scenario II pitfalls), weighed as lab.Reachability has it, for arp.same-subnet.
 */
final class SharedLan {

	private SharedLan() {
	}

	/**
	 * What two ports of one LAN in overlapping subnets do to it, as the simulation has it: the proxy_arp
	 * port answers ARP for the other's addresses unless the ARP filter stops it (it then takes the
	 * traffic of the hosts there), or the forward filter drops the guests' traffic that the kernel now
	 * routes out by the other port. Empty where neither happens: the block is then reached by the
	 * other port, on the same LAN.
	 */
	static Optional<String> harm(Lpar lpar, HostInterface iface, HostInterface other, Ipv4Prefix otherAddress, Ipv4Prefix address) {
		Ipv4Prefix block = otherAddress.subnet();
		if (answersForOthers(lpar, iface, other, block)) {
			return Optional.of(iface.getName() + " answers ARP for the hosts there (its ARP filter lets the requests in) and takes their traffic");
		}
		LabNetwork.ForwardFilter filter = LabNetworkBuilder.forwardFilter(lpar);
		if (filter == null || otherAddress.length() < address.length()) {
			// the other port's wider subnet adds a way to addresses this port never reached: nothing that worked stops
			return Optional.empty();
		}
		// an address the kernel routes out by the other port: in its block, outside this port's narrower subnet, nobody's own
		int size = 1 << Math.min(31, 32 - block.length());
		Ipv4Address there = null;
		for (int offset : new int[] {1, 2, size - 2, size - 3}) {
			Ipv4Address candidate = block.networkAddress().plus(offset);
			if ((address.length() <= otherAddress.length() || !address.subnet().contains(candidate)) && !candidate.equals(otherAddress.address())
					&& !candidate.equals(address.address())) {
				there = candidate;
				break;
			}
		}
		if (there == null) {
			return Optional.empty();
		}
		for (OvsBridge bridge : Hosts.members(lpar, OvsBridge.class)) {
			for (Ipv4Prefix guests : bridge.isRouted() ? Addresses.of(bridge) : List.<Ipv4Prefix> of()) {
				String in = HostFacts.portName(bridge);
				String out = HostFacts.portName(other);
				Ipv4Address guest = guests.address();
				if (filter.verdict(in, out, guest, there, false) == LabNetwork.Action.DROP || filter.verdict(in, out, guest, there, true) == LabNetwork.Action.DROP) {
					return Optional.of("the guests' packets to there leave by " + other.getName() + ", where the forward filter drops them (" + in + " → " + out + ")");
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether the ARP filter lets the interface answer for an address of the block that the kernel
	 * routes out by the other port: not the host's own, not in a more specific subnet of another of
	 * its interfaces (the guests behind the bridge). The first rule that decides, as the filter does.
	 */
	private static boolean answersForOthers(Lpar lpar, HostInterface iface, HostInterface other, Ipv4Prefix block) {
		List<ArpFilter> filters = Hosts.members(lpar, ArpFilter.class);
		if (filters.isEmpty()) {
			return true;
		}
		for (ArpFilter filter : filters) {
			for (ArpRule rule : filter.getRules()) {
				if (rule.getIface() != null && rule.getIface() != iface) {
					continue;
				}
				Optional<Ipv4Prefix> target = Addresses.parsePrefix(rule.getTarget());
				if (target.isPresent() && (!target.get().overlaps(block) || target.get().length() == 32 && Hosts.interfaces(lpar).stream()
						.anyMatch(i -> Addresses.of(i).stream().anyMatch(a -> a.address().equals(target.get().address())))
						|| Hosts.interfaces(lpar).stream().filter(i -> i != other && i != iface).flatMap(i -> Addresses.of(i).stream())
								.anyMatch(a -> a.length() > block.length() && a.subnet().contains(target.get())))) {
					continue; // another block, one of the host's own addresses, or a subnet the host routes by another interface
				}
				if (rule.getAction() == FilterAction.ACCEPT) {
					return true;
				}
				if (target.isEmpty() || target.get().contains(block)) {
					return false;
				}
			}
		}
		return filters.stream().allMatch(f -> f.getPolicy() == FilterAction.ACCEPT);
	}
}
