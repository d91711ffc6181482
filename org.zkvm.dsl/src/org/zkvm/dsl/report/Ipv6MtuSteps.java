package org.zkvm.dsl.report;

import java.util.ArrayList;
import java.util.List;

import org.zkvm.dsl.generator.HostFacts;
import org.zkvm.dsl.topology.Addresses;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.zknet.ForwardFilter;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.Lpar;

/**
 * Where a host routes IPv6 from a wider into a narrower MTU (docs/ipv6.md, "Path MTU and the
 * filters"): IPv6 routers never fragment (RFC 8200 §5), so a packet larger than the narrower side
 * is dropped and the host answers 'packet too big'; the sender must learn the path MTU from it.
 * That answer is the host's own (its output, not its forward filter); 'packet too big' from routers
 * further on crosses the host's forward filter, which zknet writes to accept ICMPv6's errors.
 */
final class Ipv6MtuSteps {
	private Ipv6MtuSteps() {
	}

	static List<CapacityReport.Ipv6Step> of(Lpar lpar, String source) {
		List<CapacityReport.Ipv6Step> steps = new ArrayList<>();
		if (!Hosts.forwardsIpv6(lpar)) {
			return steps;
		}
		List<HostInterface> forwarding = (Hosts.forwardsGlobally(lpar, true) ? Hosts.interfaces(lpar) : Hosts.forwardedInterfaces(lpar, true)).stream()
				.filter(Addresses::hasIpv6).toList();
		boolean filtered = !Hosts.members(lpar, ForwardFilter.class).isEmpty();
		for (HostInterface in : forwarding) {
			for (HostInterface out : forwarding) {
				int wide = Hosts.mtu(in);
				int narrow = Hosts.mtu(out);
				if (in != out && wide > narrow) {
					steps.add(new CapacityReport.Ipv6Step(lpar.getName(), HostFacts.portName(in), wide, HostFacts.portName(out), narrow, source,
							"IPv6 packets above " + narrow + " bytes from " + HostFacts.portName(in) + " to " + HostFacts.portName(out) + " are dropped, and "
									+ lpar.getName() + " answers 'packet too big' (mtu " + narrow + "): the senders must use path MTU discovery; "
									+ (filtered ? "the forward filter accepts ICMPv6's errors from routers further on"
											: "no forward filter stands in the way of ICMPv6's errors")));
				}
			}
		}
		return steps;
	}
}
