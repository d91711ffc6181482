package org.zkvm.dsl.tests.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.xtext.util.CancelIndicator;
import org.junit.jupiter.api.Test;
import org.zkvm.dsl.headless.ModelGenerator;
import org.zkvm.dsl.ide.lab.ScriptAdapter;
import org.zkvm.dsl.tests.Workspace;

/** The generated setup.sh as the lab runs it: the s390-only steps out, each with its reason, everything else unchanged. */
class ScriptAdapterTest {

	@Test
	void theSeedHostsS390StepsAreSkippedAndNothingElse() {
		Map<String, String> files = Workspace.injector().getInstance(ModelGenerator.class)
				.configuration(Workspace.loadPaths(Workspace.root().resolve("examples/seed-network")), CancelIndicator.NullImpl);
		String setup = files.get("Z13A/LPAR11/setup.sh");
		ScriptAdapter.Adapted adapted = ScriptAdapter.adapt(setup);
		assertEquals(List.of(18, 19, 20), adapted.skipped().stream().map(ScriptAdapter.Skip::line).toList());
		assertEquals("zknet_qeth 0.0.7000 0.0.7000:0.0.7001:0.0.7002 hs56k_0 layer2=0", adapted.skipped().get(2).step());
		assertTrue(adapted.skipped().get(1).reason().startsWith("s390 only: configures the qeth device (chzdev"));
		String[] before = setup.split("\n", -1);
		String[] after = adapted.script().split("\n", -1);
		assertEquals(before.length, after.length);
		for (int i = 0; i < before.length; i++) {
			int line = i + 1;
			if (adapted.skipped().stream().anyMatch(s -> s.line() == line)) {
				assertEquals(": zknet lab: skipped line " + line, after[i]);
			} else {
				assertEquals(before[i], after[i]);
			}
		}
		// the rest of the plan stays: the interfaces, their addresses and the call into the safe apply
		assertTrue(adapted.script().contains("\nzknet_link hs56k_0 57344 -\n") && adapted.script().endsWith("zknet_main \"$@\"\n"), adapted.script());
	}

	/** A host with a Linux bond and VLANs: the kernel here has neither driver, so the lab's stand-ins replace exactly those lines. */
	@Test
	void theBondAndVlanLinesAreSkippedForTheLabsStandIns() {
		Map<String, String> files = Workspace.injector().getInstance(ModelGenerator.class)
				.configuration(Workspace.loadPaths(Workspace.root().resolve("examples/enterprise")), CancelIndicator.NullImpl);
		ScriptAdapter.Adapted adapted = ScriptAdapter.adapt(files.get("Z17A/KVMA1/setup.sh"));
		List<String> steps = adapted.skipped().stream().map(ScriptAdapter.Skip::step).toList();
		assertEquals(List.of("zknet_qeth 0.0.1000 0.0.1000:0.0.1001:0.0.1002 p10 layer2=1", "zknet_qeth 0.0.1100 0.0.1100:0.0.1101:0.0.1102 p11 layer2=1",
				"zknet_bond bond0 mode=active-backup,fail_over_mac=active,miimon=100,primary=p10 p10 p11", "zknet_vlan app100 bond0 100",
				"zknet_vlan db200 bond0 200"), steps);
		assertTrue(adapted.skipped().get(2).reason().startsWith("no bonding driver in this kernel (CONFIG_BONDING unset)"), adapted.skipped().toString());
		assertTrue(adapted.skipped().get(3).reason().startsWith("no 802.1Q driver in this kernel (CONFIG_VLAN_8021Q unset)"), adapted.skipped().toString());
		// the rest runs on the stand-ins: the links, the VLANs' addresses, NetworkManager's bond profile
		assertTrue(adapted.script().contains("\nzknet_addr app100 10.100.0.11/24\n") && adapted.script().contains("networkmanager/bond0.nmconnection"),
				adapted.script());
	}

	@Test
	void guestScriptsRunUnchanged() {
		String script = "#!/bin/bash\nset -euo pipefail\nip link set eth0 mtu 1500 up\n";
		ScriptAdapter.Adapted adapted = ScriptAdapter.adapt(script);
		assertEquals(script, adapted.script());
		assertEquals(List.of(), adapted.skipped());
	}
}
