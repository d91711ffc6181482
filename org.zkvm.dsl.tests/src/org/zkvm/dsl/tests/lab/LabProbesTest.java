package org.zkvm.dsl.tests.lab;

import org.junit.jupiter.api.Test;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.lab.LabNetwork;
import org.zkvm.dsl.lab.LabNetworkBuilder;
import org.zkvm.dsl.lab.LabProbes;
import org.zkvm.dsl.tests.Workspace;

class LabProbesTest {

	@Test
	void dump() {
		LoadedModel model = Workspace.loadPaths(Workspace.root().resolve("examples/seed-network"));
		LabNetwork network = LabNetworkBuilder.build(model.models());
		network.nodes().forEach(n -> System.out.println(n));
		network.segments().forEach(n -> System.out.println(n));
		for (LabProbes.Probe p : LabProbes.plan(network)) {
			System.out.println(p.from().id() + " -> " + p.to().id() + " " + p.address() + " " + p.kind() + " " + p.size() + " " + p.expected() + " : " + p.why());
		}
	}
}
