package org.zkvm.dsl.tests.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.headless.ModelDiagnostic;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.validation.IssueCodes;

/**
 * rp.asymmetric on variants: the strict mode written in the model or RHEL's strict default
 * (50-redhat.conf), against Ubuntu's and SLES's loose conf.all; a route inside the OSA's connected
 * subnet at other prefix lengths, a route outside it, the interface's own route, and an explicit
 * loose setting that overrides the distribution. ReversePathAgreementTest holds the rule against
 * the simulation over the seed's variants.
 */
class RpFilterChecksTest {

	private static final String HOST = """
			network lan 10.20.0.0/16
			network hsnet 172.30.1.0/24
			cec Z16B model z16 {
				chpid 30 osd devices 1000-103F
				chpid F5 iqd HSB frame 16K devices 8000-801F
				lpar UB1 id 2 kvm distro %s {
					osa enc1010 device 0.0.1010 chpid 30 layer 2 address 10.20.2.10/%s
					hipersockets enc8010 on HSB device 0.0.8010 layer 3 address 172.30.1.2/24 in hsnet
					%s
					route %s via 172.30.1.1 dev %s
				}
			}
			""";

	@ParameterizedTest(name = "{0} /{1} [{2}] route {3} dev {4}")
	@CsvSource(delimiter = '|', value = {
			// distro | OSA prefix | rp-filter | route destination | route device | reported
			"rhel | 16 | | 10.20.1.0/24 | enc8010 | 1",
			"rhel | 16 | | 10.20.1.128/25 | enc8010 | 1",
			"rhel | 20 | | 10.20.1.0/24 | enc8010 | 1",
			"rhel | 24 | | 10.20.1.0/24 | enc8010 | 0",
			"rhel | 16 | | 10.21.0.0/24 | enc8010 | 0",
			"rhel | 16 | rp-filter loose on enc1010 | 10.20.1.0/24 | enc8010 | 0",
			"rhel | 16 | rp-filter strict on enc1010 | 10.20.1.0/24 | enc8010 | 1",
			"ubuntu | 16 | | 10.20.1.0/24 | enc8010 | 0",
			"suse | 16 | | 10.20.1.0/24 | enc8010 | 0",
			"ubuntu | 16 | rp-filter strict on enc1010 | 10.20.1.0/24 | enc8010 | 1",
			"suse | 20 | rp-filter strict on enc8010, enc1010 | 10.20.1.0/24 | enc8010 | 1",
	})
	void variant(String distro, String prefix, String rpFilter, String destination, String device, int reported) {
		String text = HOST.formatted(distro, prefix, rpFilter == null ? "" : rpFilter, destination, device);
		LoadedModel model = Workspace.load(Map.of("host.zknet", text));
		List<ModelDiagnostic> hits = model.diagnostics().stream().filter(d -> d.code().equals(IssueCodes.RP_ASYMMETRIC)).toList();
		assertEquals(reported, hits.size(), () -> text + "\n" + Workspace.describe(model.diagnostics()));
		if (reported > 0 && rpFilter == null) {
			assertEquals("rp_filter is strict on enc1010 by the distribution's defaults, conf.all off (0), every interface strict (1) (RHEL 9: "
					+ "/usr/lib/sysctl.d/50-redhat.conf, from redhat-release), and " + destination + " inside its subnet is routed via enc8010: packets from "
					+ "there that arrive on enc1010 while the way back leaves by enc8010 fail the reverse-path check and are dropped (facts §7.8); "
					+ "set rp-filter loose on enc1010", hits.get(0).message());
		}
		assertEquals(List.of(), Workspace.errors(model), () -> Workspace.describe(model.diagnostics()));
	}
}
