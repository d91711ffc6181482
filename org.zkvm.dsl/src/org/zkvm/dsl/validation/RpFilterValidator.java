package org.zkvm.dsl.validation;

import java.util.Optional;

import org.eclipse.xtext.validation.Check;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.topology.Addresses;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.Routes;
import org.zkvm.dsl.zknet.Distribution;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.HostRoute;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.RpFilter;
import org.zkvm.dsl.zknet.RpFilterMode;

/**
 * Reverse-path filtering (facts §7.8): strict rp_filter drops packets that arrive on an interface
 * the route back does not leave by, as when part of the interface's own subnet is routed through
 * another interface. Strict comes from the model ('rp-filter strict') or from the distribution:
 * RHEL 9 sets net.ipv4.conf.default and .* to 1 (/usr/lib/sysctl.d/50-redhat.conf), while Ubuntu
 * and SLES use loose (2); the kernel applies the larger of conf.all and conf.IFACE.
 */
public class RpFilterValidator extends ZknetCheckBase {

	private record Carved(HostRoute route, Ipv4Prefix destination) {
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
			if (carved.isPresent()) {
				report(IssueCodes.RP_ASYMMETRIC, "strict rp_filter on " + iface.getName() + ", but " + because(iface, carved.get()), filter,
						Z.getRpFilter_Interfaces(), i);
			}
		}
	}

	/** RHEL's strict default, on every interface the model gives no rp-filter of its own. */
	@Check
	public void checkDistributionDefault(Lpar lpar) {
		if (lpar.getDistro() != Distribution.RHEL) {
			return;
		}
		for (HostInterface iface : Hosts.members(lpar, HostInterface.class)) {
			boolean modelled = Hosts.members(lpar, RpFilter.class).stream().anyMatch(f -> f.getInterfaces().contains(iface));
			if (modelled) {
				continue;
			}
			carved(lpar, iface).ifPresent(carved -> report(IssueCodes.RP_ASYMMETRIC, "RHEL's default rp_filter is strict (1, /usr/lib/sysctl.d/50-redhat.conf) on "
					+ iface.getName() + ", and " + because(iface, carved), carved.route(), Z.getHostRoute_Device(), iface.getName()));
		}
	}

	private static String because(HostInterface iface, Carved carved) {
		return carved.destination() + " inside its subnet is routed via " + carved.route().getDevice().getName() + ": packets from there that arrive on "
				+ iface.getName() + " fail the reverse-path check and are dropped (facts §7.8); set rp-filter loose on " + iface.getName();
	}

	/** The first route that sends part of the interface's own subnet out by another interface. */
	private static Optional<Carved> carved(Lpar lpar, HostInterface iface) {
		for (HostRoute route : Hosts.members(lpar, HostRoute.class)) {
			if (route.isDefaultRoute() || route.getDevice() == null || route.getDevice().eIsProxy() || route.getDevice() == iface) {
				continue;
			}
			Optional<Ipv4Prefix> destination = Routes.destinations(route).stream()
					.filter(d -> Addresses.of(iface).stream().anyMatch(a -> a.subnet().contains(d))).findFirst();
			if (destination.isPresent()) {
				return Optional.of(new Carved(route, destination.get()));
			}
		}
		return Optional.empty();
	}
}
