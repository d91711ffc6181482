package org.zkvm.dsl.tests.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.topology.Routes;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.HostRoute;
import org.zkvm.dsl.zknet.Lpar;

/**
 * Host routes read as destinations, gateways and devices (written, or found through the peer's
 * bridge and the subnet of the device), the subnets a host is on, and what an ARP filter lets in
 * (rule order, targets nested and overlapping, rules without an interface, both policies).
 */
class RoutesTest {

	/** Two hosts on one HiperSockets LAN, each with a routed guest bridge; %s are A's routes. */
	private static final String TWO_HOSTS = """
			cec C {
				chpid 10 osd
				chpid F4 iqd HS frame 64K
				lpar A id 11 kvm {
					osa oa device 0.0.f500 chpid 10 address 10.131.11.254/16
					hipersockets ha on HS device 0.0.7000 address 172.31.56.1/24
					ovs bra routed address 10.136.11.254/24
					%s
				}
				lpar B id 12 kvm {
					osa ob device 0.0.f510 chpid 10 address 10.131.12.254/16
					hipersockets hb on HS device 0.0.7010 address 172.31.56.2/24
					ovs brb routed address 10.136.12.254/24 address 10.137.12.254/25
				}
			}
			""";

	private static HostRoute route(String written) {
		LoadedModel model = Workspace.load(TWO_HOSTS.formatted("route " + written));
		List<HostRoute> routes = Workspace.all(model, HostRoute.class);
		assertEquals(1, routes.size(), () -> Workspace.describe(model.diagnostics()));
		return routes.get(0);
	}

	@ParameterizedTest(name = "route {0}")
	@CsvSource(delimiter = '|', value = {
			"default via 10.131.0.1 | [0.0.0.0/0] | Optional[10.131.0.1] | oa",
			"10.20.1.77/24 via 172.31.56.9 | [10.20.1.0/24] | Optional[172.31.56.9] | ha",
			"10.20.1.77/25 via 172.31.56.9 dev oa | [10.20.1.0/25] | Optional[172.31.56.9] | oa",
			"10.20.1.5 via 10.131.200.1 metric 5 | [10.20.1.5/32] | Optional[10.131.200.1] | oa",
			"subnet B.brb via 172.31.56.2 | [10.136.12.0/24, 10.137.12.128/25] | Optional[172.31.56.2] | ha",
			"subnet B.brb dev ha | [10.136.12.0/24, 10.137.12.128/25] | Optional[172.31.56.2] | ha",
			"subnet B.brb dev oa | [10.136.12.0/24, 10.137.12.128/25] | Optional[10.131.12.254] | oa",
			"subnet B.brb | [10.136.12.0/24, 10.137.12.128/25] | Optional.empty | ",
			"subnet B.brb dev bra | [10.136.12.0/24, 10.137.12.128/25] | Optional.empty | bra",
			"10.30.0.0/16 via 192.168.1.1 | [10.30.0.0/16] | Optional[192.168.1.1] | ",
			"10.30.0.0/16 dev ha | [10.30.0.0/16] | Optional.empty | ha",
	})
	void destinationGatewayAndDevice(String written, String destinations, String gateway, String device) {
		HostRoute route = route(written);
		assertEquals(destinations, Routes.destinations(route).toString(), "destinations");
		assertEquals(gateway, Routes.gateway(route).toString(), "gateway");
		HostInterface found = Routes.device((Lpar) route.eContainer(), route);
		assertEquals(device, found == null ? null : found.getName(), "device");
	}

	@Test
	void aDeviceThatDoesNotResolveIsUnknown() {
		HostRoute route = route("10.30.0.0/16 via 10.131.0.1 dev nosuch");
		assertNull(Routes.device((Lpar) route.eContainer(), route), "not the interface the gateway is in either");
	}

	@Test
	void aHostIsConnectedToTheSubnetsOfAllItsInterfacesNotItsGuests() {
		LoadedModel model = Workspace.load(TWO_HOSTS.formatted("guest g { nic n on bra address 10.136.11.1/24 }\n"));
		assertEquals("[10.131.0.0/16, 172.31.56.0/24, 10.136.11.0/24]", Routes.connected(Workspace.named(model, Lpar.class, "A")).toString());
		assertEquals("[10.131.0.0/16, 172.31.56.0/24, 10.136.12.0/24, 10.137.12.128/25]", Routes.connected(Workspace.named(model, Lpar.class, "B")).toString());
	}

	/** Whether A answers ARP for the targets on oa and on ha, and the rule that accepts on oa. */
	private static List<String> arp(String filter, String targets) {
		LoadedModel model = Workspace.load(TWO_HOSTS.formatted(filter));
		Lpar a = Workspace.named(model, Lpar.class, "A");
		HostInterface oa = Workspace.named(model, HostInterface.class, "oa");
		HostInterface ha = Workspace.named(model, HostInterface.class, "ha");
		Ipv4Prefix prefix = Ipv4Prefix.parse(targets);
		return List.of("oa " + Routes.answersArp(a, oa, prefix), "ha " + Routes.answersArp(a, ha, prefix),
				Routes.acceptingRule(a, oa, prefix).map(r -> "accepted by " + r.getTarget() + " in " + (r.getIface() == null ? "any" : r.getIface().getName()))
						.orElse("no accepting rule"));
	}

	@ParameterizedTest(name = "{0} for {1}")
	@CsvSource(delimiter = '|', value = {
			"| 10.136.11.0/24 | oa true | ha true | no accepting rule",
			"arp-filter policy drop | 10.136.11.0/24 | oa false | ha false | no accepting rule",
			"arp-filter policy drop { accept to 10.136.11.0/24 in oa } | 10.136.11.0/24 | oa true | ha false | accepted by 10.136.11.0/24 in oa",
			"arp-filter policy drop { accept to 10.136.11.0/24 in oa } | 10.136.11.128/25 | oa true | ha false | accepted by 10.136.11.0/24 in oa",
			"arp-filter policy drop { accept to 10.136.11.128/25 in oa } | 10.136.11.0/24 | oa true | ha false | accepted by 10.136.11.128/25 in oa",
			"arp-filter policy drop { accept to 10.136.11.0/24 in oa } | 10.136.12.0/24 | oa false | ha false | no accepting rule",
			"arp-filter policy drop { accept to 10.136.11.7 } | 10.136.11.0/24 | oa true | ha true | accepted by 10.136.11.7 in any",
			"arp-filter policy drop { accept in ha } | 10.136.11.0/24 | oa false | ha true | no accepting rule",
			"arp-filter policy drop { drop to 10.136.11.0/25 in oa accept to 10.136.11.0/24 in oa } | 10.136.11.0/24 | oa false | ha false | no accepting rule",
			"arp-filter policy drop { accept to 10.136.11.0/24 in oa drop to 10.136.11.0/25 in oa } | 10.136.11.0/24 | oa true | ha false | accepted by 10.136.11.0/24 in oa",
			"arp-filter policy accept { drop to 10.136.0.0/16 in oa } | 10.136.11.0/24 | oa false | ha true | no accepting rule",
			"arp-filter policy accept { drop to 10.136.11.0/25 in oa } | 10.136.11.0/24 | oa true | ha true | no accepting rule",
			"arp-filter policy accept { drop } | 10.136.11.0/24 | oa false | ha false | no accepting rule",
			"arp-filter policy accept arp-filter policy drop | 10.136.11.0/24 | oa false | ha false | no accepting rule",
	})
	void arpFilterVariants(String filter, String targets, String onOa, String onHa, String rule) {
		assertEquals(List.of(onOa, onHa, rule), arp(filter == null ? "" : filter, targets));
	}

	@Test
	void withoutAFilterEveryRequestIsAnswered() {
		assertTrue(arp("", "0.0.0.0/0").contains("oa true"));
		assertFalse(arp("arp-filter policy drop", "0.0.0.0/0").contains("oa true"));
	}
}
