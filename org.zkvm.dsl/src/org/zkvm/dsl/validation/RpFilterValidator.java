package org.zkvm.dsl.validation;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.xtext.validation.Check;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.topology.Addresses;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.Links;
import org.zkvm.dsl.topology.NetworkIndex;
import org.zkvm.dsl.topology.ReversePathFilter;
import org.zkvm.dsl.topology.Routes;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.HostRoute;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.QethInterface;
import org.zkvm.dsl.zknet.RpFilter;
import org.zkvm.dsl.zknet.RpFilterMode;

/**
 * Reverse-path filtering (facts §7.8): strict rp_filter drops packets that arrive on an interface
 * the route back does not leave by, as when part of the interface's own subnet is routed through
 * another interface. Strict comes from the model ('rp-filter strict') or from the distribution
 * (topology.ReversePathFilter: RHEL's strict); the kernel applies the larger of conf.all and
 * conf.IFACE.
 */
public class RpFilterValidator extends ZknetCheckBase {

	/** A route that makes traffic on an interface asymmetric: its device, the destination, and the peer on both LANs if that is how. */
	private record Carved(HostRoute route, HostInterface device, Ipv4Prefix destination, Lpar peer) {
	}

	@Check
	public void checkRpFilter(RpFilter filter) {
		if (filter.getMode() != RpFilterMode.STRICT) {
			return;
		}
		Lpar lpar = Hosts.lparOf(filter);
		if (lpar == null) {
			return;
		}
		for (int i = 0; i < filter.getInterfaces().size(); i++) {
			HostInterface iface = filter.getInterfaces().get(i);
			if (iface == null || iface.eIsProxy()) {
				continue;
			}
			Optional<Carved> carved = carved(lpar, iface);
			if (carved.isPresent() && ReversePathFilter.effective(lpar, iface) == RpFilterMode.STRICT) {
				report(IssueCodes.RP_ASYMMETRIC, "strict rp_filter on " + iface.getName() + ", but " + because(iface, carved.get()), filter,
						Z.getRpFilter_Interfaces(), i);
			}
		}
	}

	/** The distribution's strict default (RHEL's), on every interface the model gives no rp-filter of its own. */
	@Check
	public void checkDistributionDefault(Lpar lpar) {
		for (HostInterface iface : Hosts.members(lpar, HostInterface.class)) {
			if (ReversePathFilter.modelled(lpar, iface).isPresent() || ReversePathFilter.effective(lpar, iface) != RpFilterMode.STRICT) {
				continue;
			}
			carved(lpar, iface).ifPresent(carved -> {
				String message = "rp_filter is strict on " + iface.getName() + " by the distribution's defaults, " + ReversePathFilter.describe(lpar.getDistro()) + ", and "
						+ because(iface, carved);
				if (carved.route() != null && Hosts.lparOf(carved.route()) == lpar) {
					report(IssueCodes.RP_ASYMMETRIC, message, carved.route(), Z.getHostRoute_Device(), iface.getName());
				} else {
					report(IssueCodes.RP_ASYMMETRIC, message, iface, Z.getHostInterface_Name(), iface.getName());
				}
			});
		}
	}

	private static String because(HostInterface iface, Carved carved) {
		String device = carved.device().getName();
		if (carved.peer() == null) {
			return carved.destination() + " inside its subnet is routed via " + device + ": packets from there that arrive on " + iface.getName()
					+ " while the way back leaves by " + device + " fail the reverse-path check and are dropped (facts §7.8); set rp-filter loose on "
					+ iface.getName();
		}
		return carved.peer().getName() + " is reached both on " + iface.getName() + " and on " + device + ", and routes run between the two hosts"
				+ (carved.route() != null ? " (" + Hosts.lparOf(carved.route()).getName() + "'s route to " + carved.destination() + ")" : "")
				+ ": packets between them and their guests come in on one while the way back leaves by the other, fail the reverse-path check on "
				+ iface.getName() + " and are dropped (facts §7.8); set rp-filter loose on " + iface.getName();
	}

	/**
	 * The first route that makes traffic arriving on the interface asymmetric: one that sends part
	 * of the interface's own subnet out by another interface; or a peer LPAR reached both on the
	 * interface's LAN and by another interface, when either host routes through the other: packets
	 * then come in on one interface and go back by the other, whichever side starts.
	 */
	private Optional<Carved> carved(Lpar lpar, HostInterface iface) {
		for (HostRoute route : Hosts.members(lpar, HostRoute.class)) {
			HostInterface device = Routes.device(lpar, route);
			if (route.isDefaultRoute() || device == null || device == iface) {
				continue;
			}
			for (Ipv4Prefix destination : Routes.destinations(route)) {
				if (Addresses.of(iface).stream().anyMatch(a -> a.subnet().contains(destination))) {
					return Optional.of(new Carved(route, device, destination, null));
				}
			}
		}
		Set<Lpar> reached = reachedOn(lpar, iface).collect(Collectors.toCollection(LinkedHashSet::new));
		for (Lpar peer : reached) {
			if (peer == lpar) {
				continue;
			}
			Optional<HostInterface> other = Hosts.interfaces(lpar).stream().filter(j -> j != iface && reachedOn(lpar, j).anyMatch(peer::equals)).findFirst();
			Optional<HostRoute> between = Optional.<HostRoute> empty().or(() -> routeVia(lpar, peer)).or(() -> routeVia(peer, lpar));
			if (other.isPresent() && between.isPresent()) {
				return Optional.of(new Carved(between.get(), other.get(), Routes.destinations(between.get()).stream().findFirst().orElse(null), peer));
			}
		}
		return Optional.empty();
	}

	/**
	 * The LPARs the host reaches on an interface, or that reach it there: those with an address in its
	 * subnets or a subnet that holds its address, and the gateways of its routes by it.
	 */
	private Stream<Lpar> reachedOn(Lpar lpar, HostInterface iface) {
		NetworkIndex network = network(lpar);
		Stream<Lpar> onLan = network.lpars().stream().filter(p -> p != lpar && Hosts.interfaces(p).stream()
				.flatMap(i -> Addresses.of(i).stream())
				.anyMatch(a -> Addresses.of(iface).stream().anyMatch(o -> o.subnet().contains(a.address())))
				|| Hosts.interfaces(p).stream().filter(i -> canShareLan(i, iface)).flatMap(i -> Addresses.of(i).stream())
						.anyMatch(a -> Addresses.of(iface).stream().anyMatch(o -> a.subnet().contains(o.address()))));
		Stream<Lpar> gateways = Hosts.members(lpar, HostRoute.class).stream().filter(r -> Routes.device(lpar, r) == iface)
				.flatMap(r -> Routes.gateway(r).stream()).flatMap(g -> network.hostInterfacesWith(g).stream()).map(u -> u.lpar());
		return Stream.concat(onLan, gateways);
	}

	/** Whether two interfaces can be on one LAN: their qeth devices, an attached bridge's being its uplink (Hosts.sameHiperSocketsLan). */
	private static boolean canShareLan(HostInterface a, HostInterface b) {
		Optional<QethInterface> x = lanDevice(a);
		Optional<QethInterface> y = lanDevice(b);
		return x.isPresent() && y.isPresent() && Hosts.sameHiperSocketsLan(x.get(), y.get());
	}

	private static Optional<QethInterface> lanDevice(HostInterface iface) {
		return Links.qethUnder(iface).stream().findFirst();
	}

	/** A route of {@code from} (not the default) whose gateway is an address of {@code to}. */
	private Optional<HostRoute> routeVia(Lpar from, Lpar to) {
		return Hosts.members(from, HostRoute.class).stream().filter(r -> !r.isDefaultRoute())
				.filter(r -> Routes.gateway(r).map(g -> network(from).hostInterfacesWith(g).stream().anyMatch(u -> u.lpar() == to)).orElse(false)).findFirst();
	}
}
