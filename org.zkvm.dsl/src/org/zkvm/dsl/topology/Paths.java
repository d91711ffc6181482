package org.zkvm.dsl.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.zknet.Guest;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.HostRoute;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Network;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.QethInterface;

/**
 * The path a packet takes from a guest towards a partner, hop by hop with each hop's MTU (seed 002,
 * "Scaling MTU size 56k vs 1500"): through a routed bridge the host's IP stack forwards and
 * fragments where the next MTU is smaller; through an attached OSA or MacVTap the frame stays at
 * layer 2, so a guest MTU above the OSA's means lost frames ("I/O errors on the receiver side").
 */
public final class Paths {
	private Paths() {
	}

	public enum Event {
		NONE, FRAGMENTS, CUT_OFF
	}

	/** One hop: what it is, its MTU, and what happens to a full-size packet arriving from the previous hop. */
	public record Hop(String element, int mtu, Event event, String note) {
	}

	public record Path(String from, String to, List<Hop> hops) {
		public int pathMtu() {
			return hops.stream().mapToInt(Hop::mtu).min().orElse(0);
		}

		public boolean cutOff() {
			return hops.stream().anyMatch(h -> h.event() == Event.CUT_OFF);
		}
	}

	/** The path from one end to the other, starting at whichever end is a guest; empty when neither is. */
	public static Optional<Path> between(EObject a, EObject b) {
		if (a instanceof Guest guest) {
			return towards(guest, b);
		}
		if (b instanceof Guest guest) {
			return towards(guest, a);
		}
		return Optional.empty();
	}

	private static Optional<Path> towards(Guest guest, EObject partner) {
		Nic nic = guest.getMembers().stream().filter(Nic.class::isInstance).map(Nic.class::cast).findFirst().orElse(null);
		if (nic == null) {
			return Optional.empty();
		}
		List<Hop> hops = new ArrayList<>();
		int guestMtu = Hosts.mtu(nic);
		hops.add(new Hop("guest NIC " + Hosts.path(nic), guestMtu, Event.NONE, "the guest sends packets up to its MTU"));
		Optional<QethInterface> uplink = Hosts.attachedUplink(nic);
		if (uplink.isPresent()) {
			if (nic.getBridge() != null) {
				hops.add(new Hop("OVS bridge " + nic.getBridge().getName() + " (attached)", Hosts.mtu(nic.getBridge()), Event.NONE, "layer 2: frames pass unchanged"));
			}
			int osa = Hosts.mtu(uplink.get());
			boolean cut = osa < guestMtu;
			hops.add(new Hop("OSA " + Hosts.path(uplink.get()) + (nic.getUplink() != null ? " (MacVTap)" : " (attached uplink)"), osa,
					cut ? Event.CUT_OFF : Event.NONE, cut ? "packets above " + osa + " bytes are lost: layer 2 cannot fragment (seed 002: I/O errors on the receiver side)"
							: "layer 2: frames pass unchanged"));
		} else if (nic.getBridge() != null && !nic.getBridge().eIsProxy()) {
			OvsBridge bridge = nic.getBridge();
			int bridgeMtu = Hosts.mtu(bridge);
			hops.add(new Hop("OVS bridge " + bridge.getName() + " (routed; internal port " + (bridge.getVnic() != null ? bridge.getVnic() : bridge.getName()) + ")",
					bridgeMtu, bridgeMtu < guestMtu ? Event.CUT_OFF : Event.NONE,
					bridgeMtu < guestMtu ? "the bridge's port MTU is below the guest's: frames above it are dropped" : "the host receives the packet"));
			egress(Hosts.lparOf(nic), partner).ifPresent(route -> {
				HostInterface out = route.iface();
				int mtu = Hosts.mtu(out);
				int before = hops.get(hops.size() - 1).mtu();
				boolean fragments = mtu < Math.min(before, guestMtu);
				hops.add(new Hop("host interface " + Hosts.path(out), mtu, fragments ? Event.FRAGMENTS : Event.NONE,
						fragments ? "the host's IP stack fragments packets above " + mtu + " bytes (routed: seed 002)" : "routed by the host"));
			});
		}
		// where the packet arrives: the partner's interface in the prefix the host routes by, or, at layer 2, in the guest's own subnet
		Optional<Ipv4Prefix> arrival = uplink.isEmpty() && nic.getBridge() != null && !nic.getBridge().eIsProxy()
				? egress(Hosts.lparOf(nic), partner).map(Egress::prefix)
				: Addresses.of(nic).stream().findFirst().map(Ipv4Prefix::subnet);
		partnerHop(partner, arrival).ifPresent(hops::add);
		return Optional.of(new Path(Hosts.endpoint(guest), Hosts.endpoint(partner), hops));
	}

	/**
	 * The partner's interface the packet arrives at: the one with an address in the prefix the last
	 * router sends by (or the guest's subnet at layer 2), never simply the first one declared;
	 * without such an interface, the partner's largest MTU is the one its stack takes.
	 */
	private static Optional<Hop> partnerHop(EObject partner, Optional<Ipv4Prefix> arrival) {
		if (partner instanceof Lpar lpar && !Hosts.interfaces(lpar).isEmpty()) {
			HostInterface iface = Hosts.interfaces(lpar).stream()
					.filter(i -> arrival.isPresent() && Addresses.of(i).stream().anyMatch(a -> arrival.get().contains(a.address())))
					.findFirst()
					.orElseGet(() -> Hosts.interfaces(lpar).stream().max(java.util.Comparator.comparingInt(Hosts::mtu)).orElseThrow());
			return Optional.of(new Hop("partner interface " + Hosts.path(iface), Hosts.mtu(iface), Event.NONE, "the partner receives"));
		}
		if (partner instanceof Guest guest) {
			return guest.getMembers().stream().filter(Nic.class::isInstance).map(Nic.class::cast).findFirst()
					.map(nic -> new Hop("partner NIC " + Hosts.path(nic), Hosts.mtu(nic), Event.NONE, "the partner receives"));
		}
		return Optional.empty();
	}

	/** The interface a routed packet leaves by, and the prefix (connected or routed) that chose it. */
	private record Egress(HostInterface iface, Ipv4Prefix prefix) {
	}

	/** The host interface a routed packet leaves by: the longest prefix, connected or routed, that holds the partner (as the kernel chooses). */
	private static Optional<Egress> egress(Lpar host, EObject partner) {
		List<Ipv4Prefix> targets = addressesOf(partner);
		Egress best = null;
		for (HostInterface iface : Hosts.interfaces(host)) {
			for (Ipv4Prefix mine : Addresses.of(iface)) {
				if ((best == null || mine.length() > best.prefix().length()) && holds(mine.subnet(), targets)) {
					best = new Egress(iface, mine.subnet());
				}
			}
		}
		for (HostRoute route : Hosts.members(host, HostRoute.class)) {
			if (route.getDevice() == null || route.getDevice().eIsProxy()) {
				continue;
			}
			for (Ipv4Prefix destination : Routes.destinations(route)) {
				if ((best == null || destination.length() > best.prefix().length()) && holds(destination, targets)) {
					best = new Egress(route.getDevice(), destination);
				}
			}
		}
		return Optional.ofNullable(best);
	}

	private static boolean holds(Ipv4Prefix prefix, List<Ipv4Prefix> targets) {
		return targets.stream().anyMatch(t -> prefix.contains(t.address()));
	}

	private static List<Ipv4Prefix> addressesOf(EObject partner) {
		List<Ipv4Prefix> result = new ArrayList<>();
		if (partner instanceof Lpar lpar) {
			Hosts.interfaces(lpar).forEach(i -> result.addAll(Addresses.of(i)));
		} else if (partner instanceof Guest guest) {
			guest.getMembers().stream().filter(Nic.class::isInstance).forEach(n -> result.addAll(Addresses.of(n)));
		} else if (partner instanceof Network network) {
			Addresses.cidr(network).ifPresent(result::add);
		}
		return result;
	}
}
