package org.zkvm.dsl.tests.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.headless.ModelDiagnostic;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.validation.IssueCodes;

/**
 * HiperSockets never leaves its CEC (facts §1.5): a LAN used from another CEC, and two CECs'
 * separate LANs that were given one subnet with a route from one to a gateway on the other, in
 * every variant: prefix lengths, the gateway's side, qualified or simple LAN references, OSA on
 * one side.
 */
class HiperSocketsChecksTest {

	/** Two CECs, each with a HiperSockets LAN of its own; LPAR11 routes to LPAR21's bridge through an address on LPAR21's LAN. */
	private static final String TWO_CECS = """
			cec Z13A model z13 {
				chpid F4 iqd HSA frame 64K
				chpid 10 osd
				lpar LPAR11 id 11 linux {
					%s
					route 10.136.21.0/24 via %s
				}
			}
			cec Z13B model z13 {
				chpid F5 iqd HSB frame 64K
				chpid 20 osd
				lpar LPAR21 id 21 kvm {
					%s
					ovs br-ex routed address 10.136.21.254/24
					forwarding on br-ex, %s
				}
			}
			""";

	@ParameterizedTest(name = "{0} / {2} via {1}: {4}")
	@CsvSource(delimiter = '|', value = {
			// LPAR11's interface | gateway | LPAR21's interface | its name | diagnostic expected
			"hipersockets hs0 on HSA device 0.0.7000 address 172.31.56.1/24 | 172.31.56.2 | hipersockets hs1 on HSB device 0.0.7010 address 172.31.56.2/24 | hs1 | true",
			"hipersockets hs0 on Z13A.HSA device 0.0.7000 address 172.31.56.1/16 | 172.31.56.2 | hipersockets hs1 on HSB device 0.0.7010 address 172.31.56.2/24 | hs1 | true",
			"hipersockets hs0 on HSA device 0.0.7000 address 172.31.56.1/24 | 172.31.56.2 | hipersockets hs1 on Z13B.HSB device 0.0.7010 address 172.31.56.2/20 | hs1 | true",
			// an OSA port can never reach a HiperSockets LAN, either way round
			"osa o0 device 0.0.f500 chpid 10 address 172.31.56.1/24 | 172.31.56.2 | hipersockets hs1 on HSB device 0.0.7010 address 172.31.56.2/24 | hs1 | true",
			"hipersockets hs0 on HSA device 0.0.7000 address 172.31.56.1/24 | 172.31.56.2 | osa o1 device 0.0.f600 chpid 20 address 172.31.56.2/24 | o1 | true",
			// two OSA ports may share a LAN through their switches: nothing to say
			"osa o0 device 0.0.f500 chpid 10 address 172.31.56.1/24 | 172.31.56.2 | osa o1 device 0.0.f600 chpid 20 address 172.31.56.2/24 | o1 | false",
			// a gateway the model does not know (a router on the LAN): nothing to say
			"hipersockets hs0 on HSA device 0.0.7000 address 172.31.56.1/24 | 172.31.56.9 | hipersockets hs1 on HSB device 0.0.7010 address 172.31.56.2/24 | hs1 | false",
	})
	void aGatewayOnAnotherCecsLanIsUnreachable(String mine, String gateway, String theirs, String theirName, boolean expected) {
		LoadedModel model = Workspace.load(TWO_CECS.formatted(mine, gateway, theirs, theirName));
		List<ModelDiagnostic> found = model.diagnostics().stream().filter(d -> IssueCodes.ROUTE_UNREACHABLE_GATEWAY.equals(d.code())).toList();
		assertEquals(expected ? 1 : 0, found.size(), () -> Workspace.describe(model.diagnostics()));
		if (expected) {
			assertEquals(6, found.get(0).line());
			assertTrue(found.get(0).message().contains("HiperSockets never leaves its CEC (facts §1.5)"), found.get(0).message());
			assertTrue(found.get(0).message().startsWith("gateway " + gateway + " is LPAR21." + theirName + " on "), found.get(0).message());
		}
		// the model is otherwise clean: the finding is the only error
		assertEquals(expected ? 1 : 0, Workspace.errors(model).size(), () -> Workspace.describe(model.diagnostics()));
	}

	/** Both LPARs on one CEC's LAN: the route is fine, with the LAN named simply or qualified. */
	@Test
	void aGatewayOnTheSameLanIsFine() {
		LoadedModel model = Workspace.load("""
				cec Z13A model z13 {
					chpid F4 iqd HSA frame 64K
					lpar LPAR11 id 11 linux {
						hipersockets hs0 on HSA device 0.0.7000 address 172.31.56.1/24
						route 10.136.12.0/24 via 172.31.56.2
					}
					lpar LPAR12 id 12 kvm {
						hipersockets hs0 on Z13A.HSA device 0.0.7010 address 172.31.56.2/24
						ovs br-ex routed address 10.136.12.254/24
						forwarding on br-ex, hs0
					}
				}
				""");
		assertEquals(List.of(), Workspace.errors(model), () -> Workspace.describe(model.diagnostics()));
	}

	/** A qualified reference to another CEC's LAN parses and links, and is the cross-CEC error (it was a syntax error). */
	@Test
	void aQualifiedReferenceToAnotherCecsLanIsCrossCec() {
		LoadedModel model = Workspace.load("""
				cec Z13A model z13 {
					chpid F4 iqd HSA frame 64K
				}
				cec Z13B model z13 {
					lpar LPAR21 id 21 linux {
						hipersockets hs0 on Z13A.HSA device 0.0.7010 address 172.31.56.2/24
					}
				}
				""");
		assertEquals(List.of(IssueCodes.HIPERSOCKETS_CROSS_CEC), Workspace.errors(model).stream().map(ModelDiagnostic::code).toList(),
				() -> Workspace.describe(model.diagnostics()));
	}
}
