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

	@Test
	void guestScriptsRunUnchanged() {
		String script = "#!/bin/bash\nset -euo pipefail\nip link set eth0 mtu 1500 up\n";
		ScriptAdapter.Adapted adapted = ScriptAdapter.adapt(script);
		assertEquals(script, adapted.script());
		assertEquals(List.of(), adapted.skipped());
	}
}
