package org.zkvm.dsl.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.zkvm.dsl.zknet.Distribution;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.RpFilter;
import org.zkvm.dsl.zknet.RpFilterMode;

/**
 * rp_filter on a host as the kernel applies it: the larger of conf.all.rp_filter and the
 * interface's own value (ip-sysctl.rst), where the distribution's sysctl.d sets both before
 * zknet's 90-zknet.conf sets the model's (docs/checks.md, rp.asymmetric, gives the files).
 * {@link RpFilterMode}'s order is the kernel's numbering: off 0, strict 1, loose 2.
 */
public final class ReversePathFilter {

	private ReversePathFilter() {
	}

	/** conf.all.rp_filter as the distribution leaves it. */
	public static RpFilterMode all(Distribution distribution) {
		return switch (distribution) {
			case RHEL -> RpFilterMode.OFF;
			default -> RpFilterMode.LOOSE;
		};
	}

	/** Every interface's own rp_filter as the distribution sets it (conf.default, and conf.* as interfaces appear). */
	public static RpFilterMode interfaceDefault(Distribution distribution) {
		return switch (distribution) {
			case RHEL -> RpFilterMode.STRICT;
			case UBUNTU -> RpFilterMode.LOOSE;
			default -> RpFilterMode.OFF;
		};
	}

	/** What the distribution sets and where, for messages and the generated files' comments (docs/checks.md, rp.asymmetric, cites the files). */
	public static String describe(Distribution distribution) {
		String where = switch (distribution) {
			case RHEL -> "RHEL 9: /usr/lib/sysctl.d/50-redhat.conf, from redhat-release";
			case UBUNTU -> "Ubuntu: /etc/sysctl.d/10-network-security.conf, from procps";
			default -> "SLES 15: /usr/lib/sysctl.d/50-default.conf, from aaa_base";
		};
		return "conf.all " + text(all(distribution)) + ", every interface " + text(interfaceDefault(distribution)) + " (" + where + ")";
	}

	/** The mode of an interface that neither the model nor zknet's files name. */
	public static RpFilterMode unnamed(Lpar lpar) {
		return larger(interfaceDefault(lpar.getDistro()), allAfterZknet(lpar));
	}

	public static String text(RpFilterMode mode) {
		return mode.getLiteral() + " (" + mode.getValue() + ")";
	}

	/** Whether zknet's files set conf.all to 0 (see {@link #allAfterZknet}). */
	public static boolean lowersAll(Lpar lpar) {
		return allAfterZknet(lpar) != all(lpar.getDistro());
	}

	/** The model's own rp-filter for the interface, if it sets one. */
	public static Optional<RpFilterMode> modelled(Lpar lpar, HostInterface iface) {
		RpFilterMode mode = null;
		for (RpFilter filter : Hosts.members(lpar, RpFilter.class)) {
			if (filter.getInterfaces().contains(iface)) {
				mode = filter.getMode();
			}
		}
		return Optional.ofNullable(mode);
	}

	/**
	 * conf.all once zknet's files are applied: where the model sets an interface below the
	 * distribution's conf.all (strict or off on Ubuntu or SLES), the larger value would win, so
	 * zknet sets conf.all to 0 ({@link #written} keeps the model's other interfaces as they were).
	 */
	public static RpFilterMode allAfterZknet(Lpar lpar) {
		RpFilterMode all = all(lpar.getDistro());
		boolean below = Hosts.members(lpar, RpFilter.class).stream().anyMatch(f -> f.getMode().getValue() < all.getValue());
		return below ? RpFilterMode.OFF : all;
	}

	/**
	 * The interfaces' own values that zknet's files write: the model's, and, where conf.all goes to
	 * 0, the distribution's conf.all on every other interface of the model, which so keeps the mode
	 * it had. Interfaces the model does not name are left alone: they take their own value.
	 */
	public static Map<HostInterface, RpFilterMode> written(Lpar lpar) {
		Map<HostInterface, RpFilterMode> written = new LinkedHashMap<>();
		for (RpFilter filter : Hosts.members(lpar, RpFilter.class)) {
			filter.getInterfaces().stream().filter(i -> i != null && !i.eIsProxy()).forEach(i -> written.put(i, filter.getMode()));
		}
		if (lowersAll(lpar)) {
			for (HostInterface iface : Hosts.members(lpar, HostInterface.class)) {
				written.putIfAbsent(iface, all(lpar.getDistro()));
			}
		}
		return written;
	}

	/** The mode in force on the interface once zknet's files are applied: the larger of conf.all and the interface's own value. */
	public static RpFilterMode effective(Lpar lpar, HostInterface iface) {
		return larger(written(lpar).getOrDefault(iface, interfaceDefault(lpar.getDistro())), allAfterZknet(lpar));
	}

	public static RpFilterMode larger(RpFilterMode a, RpFilterMode b) {
		return a.getValue() >= b.getValue() ? a : b;
	}
}
