package org.zkvm.dsl.tests.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.headless.ModelDiagnostic;
import org.zkvm.dsl.tests.Workspace;

/**
 * The management checks on variants of a host, not only on their pitfall files: other prefix
 * lengths, a routed bridge, a default route through the management path itself, a management
 * declaration after the interfaces, another LPAR's routes, and the parts in two files.
 */
class ManagementChecksTest {

	private static final String HOST = """
			network lan 10.20.0.0/16 gateway 10.20.0.1
			cec Z16B model z16 {
				chpid 30 osd devices 1000-103F
				chpid 31 osd devices 2000-203F
				lpar RH1 id 1 kvm distro rhel {
					%s
					osa enc1000 device 0.0.1000 chpid 30 layer 2 vnicc learning, flooding %s
					osa enc2000 device 0.0.2000 chpid 31 layer 2 address 10.30.0.10/16
					%s
					%s
				}
				lpar RH2 id 2 kvm distro rhel {
					osa enc1010 device 0.0.1010 chpid 30 layer 2 address 10.20.2.10/16 in lan
					route default via 10.20.0.1 dev enc1010
				}
			}
			""";

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			// management | enc1000's address | bridge | route | expected codes
			"management enc1000 address 10.20.1.10/16 | | ovs br0 attached enc1000 vnic vnic0 address 10.20.1.10/16 in lan | | ",
			"management enc1000 address 10.20.1.10/16 | | ovs br0 attached enc1000 vnic vnic0 address 10.20.1.10/24 | | mgmt.enslaved",
			"management enc1000 | | ovs br0 attached enc1000 vnic vnic0 address 10.20.1.10/16 in lan | | mgmt.enslaved",
			"management br0 address 10.20.1.10/16 | | ovs br0 attached enc1000 address 10.20.1.10/16 in lan | | ",
			"management vnic0 address 10.20.1.10/16 | | ovs br0 attached enc1000 vnic vnic0 address 10.20.1.10/16 in lan | | ",
			"management vnic0 address 10.20.1.10/16 | | ovs br0 attached enc1000 vnic vnic0 address 10.20.1.11/16 in lan | | mgmt.readdressed",
			"management enc1000 address 10.20.1.10/16 via 10.20.0.1 | address 10.20.1.10/16 in lan | ovs br-int routed address 10.21.0.254/24 | route default via 10.20.0.1 dev enc1000 | ",
			"management enc1000 address 10.20.1.10/16 via 10.20.0.1 | address 10.20.1.10/16 in lan | ovs br-int routed address 10.21.0.254/24 | route default via 10.20.0.1 | ",
			"management enc1000 address 10.20.1.10/16 via 10.20.0.1 | address 10.20.1.10/16 in lan | ovs br-int routed address 10.21.0.254/24 | route default via 10.30.0.1 dev enc2000 | mgmt.default-route",
			"management enc1000 address 10.20.1.10/16 | address 10.20.1.10/16 in lan | ovs br-int routed address 10.21.0.254/24 | route default via 10.30.0.1 dev enc2000 | ",
			"management enc1000 address 10.20.1.10/24 | address 10.20.1.10/16 in lan | ovs br-int routed address 10.21.0.254/24 | | mgmt.readdressed",
			"management mgmt0 address 192.168.1.10/24 via 192.168.1.1 | address 10.20.1.10/16 in lan | ovs br-int routed address 10.21.0.254/24 | route default via 10.20.0.1 dev enc1000 | mgmt.default-route",
			"management mgmt0 address 192.168.1.10/24 | address 10.20.1.10/16 in lan | ovs br-int routed address 10.21.0.254/24 | | ",
			" | address 10.20.1.10/16 in lan | ovs br0 attached enc1000 vnic vnic0 | | ovs.uplink-address",
			// the kernel's names of the two OSAs (0.0.1000, 0.0.2000): the model keeps them, so nothing is renamed
			"management enc1000 address 10.20.1.10/16 | address 10.20.1.10/16 in lan | ovs br-int routed address 10.21.0.254/24 | | ",
			"management enc2000 address 10.30.0.10/16 | address 10.20.1.10/16 in lan | ovs br-int routed address 10.21.0.254/24 | | ",
			// RH2's OSA 0.0.1010 is enc1010 to the kernel, but it is another LPAR's
			"management enc1010 | address 10.20.1.10/16 in lan | ovs br-int routed address 10.21.0.254/24 | | ",
	})
	void variant(String management, String osaAddress, String bridge, String route, String expected) {
		String text = HOST.formatted(orEmpty(management), orEmpty(osaAddress), orEmpty(bridge), orEmpty(route));
		LoadedModel model = Workspace.load(Map.of("host.zknet", text));
		List<String> codes = model.diagnostics().stream().filter(d -> d.severity() == ModelDiagnostic.Severity.ERROR).map(ModelDiagnostic::code).toList();
		assertEquals(expected == null ? List.of() : List.of(expected), codes, () -> text + "\n" + Workspace.describe(model.diagnostics()));
	}

	@ParameterizedTest(name = "management {0} the interfaces")
	@CsvSource({ "before", "after" })
	void theDeclarationsPlaceInTheLparDoesNotMatter(String where) {
		String management = "management enc1000 address 10.20.1.10/16";
		String text = HOST.formatted(where.equals("before") ? management : "", "", "ovs br0 attached enc1000 vnic vnic0 address 10.20.1.11/16 in lan",
				where.equals("after") ? management : "");
		LoadedModel model = Workspace.load(Map.of("host.zknet", text));
		assertEquals(List.of("mgmt.enslaved"), model.diagnostics().stream().map(ModelDiagnostic::code).toList(), Workspace.describe(model.diagnostics()));
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}
}
