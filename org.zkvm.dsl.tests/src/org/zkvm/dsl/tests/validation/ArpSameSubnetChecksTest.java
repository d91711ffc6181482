package org.zkvm.dsl.tests.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.headless.ModelDiagnostic;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.validation.IssueCodes;

/**
 * arp.same-subnet in every variant of the seed's "the net is dead": the proxy_arp port and a second
 * OSA port of the host in the same subnet or in nested subnets (either one the wider), declared in
 * either order; and the seed's own design, a guest subnet inside the 10.x net behind a bridge, which
 * is what proxy_arp is for.
 */
class ArpSameSubnetChecksTest {

	private static final String HOST = """
			network production 10.0.0.0/8
			cec Z13A model z13 {
				chpid 10 osd
				lpar LPAR11 id 11 kvm {
					%s
					%s
					ovs br-ex routed address 10.136.11.254/24
					forwarding on br-ex, o5s_10g_1
					proxy-arp on br-ex, o5s_10g_1
					arp-filter policy drop {
						accept to 10.136.11.0/24 in o5s_10g_1
						accept in br-ex
					}
					forward-filter policy drop {
						accept in o5s_10g_1 out br-ex
						accept in br-ex out o5s_10g_1
					}
				}
			}
			""";

	@ParameterizedTest(name = "{0} / {1}: {2}")
	@CsvSource(delimiter = '|', value = {
			// the proxy_arp port | the other port | reported
			"osa o5s_10g_1 device 0.0.f500 chpid 10 address 10.131.11.254/8 | osa o5s_10g_2 device 0.0.f504 chpid 10 address 10.131.111.254/8 | true",
			// the issue's variant: the other port's /24 inside the proxy_arp port's /8, and the reverse, and other lengths
			"osa o5s_10g_1 device 0.0.f500 chpid 10 address 10.131.11.254/8 | osa o5s_10g_2 device 0.0.f504 chpid 10 address 10.131.11.253/24 | true",
			// the proxy_arp port's /24 inside the other's /8: it could only answer ARP for the rest of the /8, which the ARP filter stops
			// (the simulation agrees: SimulationAgreementTest); without the filter it is reported (below)
			"osa o5s_10g_1 device 0.0.f500 chpid 10 address 10.131.11.254/24 | osa o5s_10g_2 device 0.0.f504 chpid 10 address 10.131.111.254/8 | false",
			"osa o5s_10g_1 device 0.0.f500 chpid 10 address 10.131.11.254/16 | osa o5s_10g_2 device 0.0.f504 chpid 10 address 10.131.200.1/20 | true",
			// declared the other way round
			"osa o5s_10g_2 device 0.0.f504 chpid 10 address 10.131.11.253/24 | osa o5s_10g_1 device 0.0.f500 chpid 10 address 10.131.11.254/8 | true",
			// a second port in another subnet: nothing to say
			"osa o5s_10g_1 device 0.0.f500 chpid 10 address 10.131.11.254/8 | osa o5s_10g_2 device 0.0.f504 chpid 10 address 192.168.5.1/24 | false",
	})
	void nestedOrEqualSubnetsOfTwoOsaPortsKillTheNet(String first, String second, boolean reported) {
		LoadedModel model = Workspace.load(HOST.formatted(first, second));
		List<ModelDiagnostic> found = model.diagnostics().stream().filter(d -> IssueCodes.ARP_SAME_SUBNET.equals(d.code())).toList();
		assertEquals(reported ? 1 : 0, found.size(), () -> Workspace.describe(model.diagnostics()));
		if (reported) {
			assertTrue(found.get(0).message().startsWith("proxy_arp on o5s_10g_1"), found.get(0).message());
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({"10.131.11.254/24, 10.131.111.254/8", "10.131.11.254/16, 10.131.11.253/8"})
	void aProxyArpPortInsideAnotherPortsSubnetWithoutAnArpFilterIsReported(String own, String other) {
		String text = HOST.formatted("osa o5s_10g_1 device 0.0.f500 chpid 10 address " + own, "osa o5s_10g_2 device 0.0.f504 chpid 10 address " + other)
				.replaceAll("(?s)\t\tarp-filter policy drop \\{.*?\n\t\t\\}\n", "");
		assertTrue(!text.contains("arp-filter"), text);
		LoadedModel model = Workspace.load(text);
		assertEquals(1, model.diagnostics().stream().filter(d -> IssueCodes.ARP_SAME_SUBNET.equals(d.code())).count(),
				() -> Workspace.describe(model.diagnostics()));
	}

	/** The seed's design: proxy_arp answers for the guests' /24 behind the bridge, inside the /8 of the OSA port; no finding. */
	@ParameterizedTest(name = "guest subnet {0}")
	@CsvSource({"10.136.11.254/24", "10.136.11.254/16", "10.136.11.254/28"})
	void aGuestSubnetInsideTheNetIsWhatProxyArpIsFor(String bridge) {
		LoadedModel model = Workspace.load(HOST.formatted("osa o5s_10g_1 device 0.0.f500 chpid 10 address 10.131.11.254/8", "")
				.replace("10.136.11.254/24", bridge));
		assertEquals(List.of(), model.diagnostics().stream().filter(d -> IssueCodes.ARP_SAME_SUBNET.equals(d.code())).toList(),
				() -> Workspace.describe(model.diagnostics()));
	}
}
