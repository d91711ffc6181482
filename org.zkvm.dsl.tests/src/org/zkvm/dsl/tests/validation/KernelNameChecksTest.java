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
 * name.kernel-template on every kind of interface and every naming scheme, not only the pitfall
 * file's HiperSockets: OSA, bridge, internal port and guest NIC; eth, hsi, another device's
 * enc<devno> (and the device's own, which is fine), PCI-style names; and names that only look alike.
 */
class KernelNameChecksTest {

	private static final String HOST = """
			network lan 10.20.0.0/16
			cec Z16B model z16 {
				chpid 30 osd devices 1000-103F
				chpid F5 iqd HSB frame 16K devices 8000-801F
				lpar RH1 id 1 kvm distro rhel {
					osa %s device 0.0.1000 chpid 30 layer 2 vnicc learning, flooding
					hipersockets %s on HSB device 0.0.8000 layer 3
					ovs %s attached %s vnic %s address 10.20.1.10/16 in lan
					guest g1 { nic %s on %s address 10.20.1.11/16 in lan }
				}
			}
			""";

	@ParameterizedTest(name = "osa {0}, hipersockets {1}, bridge {2}, port {3}, nic {4}")
	@CsvSource({
			// osa, hipersockets, bridge, internal port, guest nic, names reported
			"enc1000, enc8000, br0, vnic0, lan0, ''",
			"eth0, enc8000, br0, vnic0, lan0, eth0",
			"enc1000, hsi0, br0, vnic0, lan0, hsi0",
			"enc1000, hsi12, br0, vnic0, lan0, hsi12",
			"enc1000, enc8000, br0, vnic0, eth1, eth1",
			"enc1000, enc8000, br0, vnic0, enp1s0, enp1s0",
			"enc1000, enc8000, br0, vnic0, ens3, ens3",
			"enc1000, enc8000, br0, eno1, lan0, eno1",
			"enc1000, enc8000, eth2, vnic0, lan0, eth2",
			// another device's predictable name: the OSA called after the HiperSockets device, and the other way round
			"enc8000, enc1000, br0, vnic0, lan0, enc8000 enc1000",
			"enc1001, enc8000, br0, vnic0, lan0, enc1001",
			"enc1000, enc8000, br0, enc1, lan0, enc1",
			// names that only look alike
			"osa_prod, hs_app, br-eth0, vnic0, ethernet0, ''",
			"enc1000, hsi, br0, eth, lan0, ''",
			"enc1000, enc8000, br0, vnic0, eth0a, ''",
			"enc1000, hsi_0, br0, encore, enp, ''",
	})
	void variant(String osa, String hipersockets, String bridge, String port, String nic, String expected) {
		String text = HOST.formatted(osa, hipersockets, bridge, osa, port, nic, bridge);
		LoadedModel model = Workspace.load(Map.of("host.zknet", text));
		List<String> reported = model.diagnostics().stream().filter(d -> d.code().equals(IssueCodes.NAME_KERNEL_TEMPLATE))
				.map(d -> d.message().replaceAll("^the [a-z ]+ name '([^']+)'.*", "$1")).sorted().toList();
		List<String> wanted = expected.isBlank() ? List.of() : List.of(expected.split(" ")).stream().sorted().toList();
		assertEquals(wanted, reported, () -> text + "\n" + Workspace.describe(model.diagnostics()));
		assertEquals(List.of(), Workspace.errors(model), () -> "the variants are otherwise correct models:\n" + Workspace.describe(model.diagnostics()));
	}
}
