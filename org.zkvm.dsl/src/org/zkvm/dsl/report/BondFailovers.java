package org.zkvm.dsl.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.Links;
import org.zkvm.dsl.zknet.BondInterface;
import org.zkvm.dsl.zknet.Guest;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.QethInterface;
import org.zkvm.dsl.zknet.VlanInterface;

/**
 * Each bond of a host as the report shows it: its members with the chpid and OSA feature each fails
 * with, the member that carries the traffic (the primary, else the first member: active-backup sends
 * on one member), and what a failure of that member's chpid changes: which member takes over and
 * what moves with it, or that nothing can (docs/vlans-and-bonds.md; the lab's member-down proof fails
 * the same chpid).
 */
final class BondFailovers {

	private BondFailovers() {
	}

	static List<CapacityReport.Bond> of(Lpar lpar, String source) {
		List<CapacityReport.Bond> result = new ArrayList<>();
		for (HostInterface iface : Hosts.interfaces(lpar)) {
			if (iface instanceof BondInterface bond) {
				List<String> carried = new ArrayList<>();
				for (HostInterface other : Hosts.interfaces(lpar)) {
					if (other instanceof VlanInterface vlan && Links.parent(vlan).filter(p -> p == bond).isPresent()) {
						carried.add(vlan.getName() + " (VLAN " + vlan.getVlanId() + ")");
					} else if (other instanceof OvsBridge bridge && bridge.getUplink() == bond) {
						carried.add("the guests on " + bridge.getName());
					}
				}
				if (!bond.getAddresses().isEmpty()) {
					carried.add(0, bond.getName() + "'s own addresses");
				}
				result.add(bond(lpar, "Linux bond " + bond.getName(), Links.mode(bond).getLiteral(), Links.members(bond),
						Links.primary(bond).orElse(null), carried, source));
			} else if (iface instanceof OvsBridge bridge && !bridge.getBondMembers().isEmpty()) {
				List<String> carried = new ArrayList<>();
				for (Guest guest : Hosts.members(lpar, Guest.class)) {
					for (Nic nic : guest.getMembers().stream().filter(Nic.class::isInstance).map(Nic.class::cast).toList()) {
						if (nic.getBridge() == bridge) {
							carried.add(guest.getName() + "." + nic.getName() + (nic.getVlan() != 0 ? " (VLAN " + nic.getVlan() + ")" : ""));
						}
					}
				}
				result.add(bond(lpar, "Open vSwitch bond of " + bridge.getName(), Links.ovsBondMode(bridge).getLiteral(), Links.ovsBondMembers(bridge), null,
						carried, source));
			}
		}
		return result;
	}

	private static CapacityReport.Bond bond(Lpar lpar, String name, String mode, List<QethInterface> members, QethInterface primary, List<String> carried,
			String source) {
		List<CapacityReport.BondMember> views = members.stream().map(m -> new CapacityReport.BondMember(m.getName(), Links.chpid(m), Links.feature(m))).toList();
		QethInterface active = primary != null ? primary : members.isEmpty() ? null : members.get(0);
		if (active == null) {
			return new CapacityReport.Bond(lpar.getName(), name, mode, source, views, "-", "no members", false);
		}
		String chpid = Links.chpid(active);
		List<QethInterface> survivors = members.stream().filter(m -> !Objects.equals(Links.chpid(m), chpid)).toList();
		String moved = carried.isEmpty() ? "" : "; moves with it: " + String.join(", ", carried);
		if (survivors.isEmpty()) {
			return new CapacityReport.Bond(lpar.getName(), name, mode, source, views, active.getName(),
					"chpid " + chpid + " fails: every member fails with it, " + lpar.getName() + " loses " + (carried.isEmpty() ? "the bond" : String.join(", ", carried))
							+ " (bond.same-chpid)", false);
		}
		QethInterface next = survivors.get(0);
		boolean sameFeature = Links.feature(active) != null && survivors.stream().allMatch(s -> Objects.equals(Links.feature(s), Links.feature(active)));
		return new CapacityReport.Bond(lpar.getName(), name, mode, source, views, active.getName(),
				"chpid " + chpid + " fails: " + next.getName() + " on chpid " + Links.chpid(next) + " takes over" + moved
						+ (sameFeature ? "; but a failure of OSA feature " + Links.feature(active) + " takes every member" : ""), !sameFeature);
	}
}
