package org.zkvm.dsl.tests.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.headless.ModelDiagnostic;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.validation.IssueCodes;

/** isfc.ficon-speed for every generation and every speed a planner might write (facts §3.5). */
class FiconSpeedChecksTest {

	/** What each generation negotiates, written out here independently of the product's table. */
	private static final Map<String, List<Integer>> NEGOTIATES = Map.of("express", List.of(1, 2), "express2", List.of(1, 2), "express4",
			List.of(1, 2, 4), "express8", List.of(2, 4, 8), "express8s", List.of(2, 4, 8), "express16s", List.of(4, 8, 16), "express16s+",
			List.of(4, 8, 16), "express16sa", List.of(8, 16), "express32s", List.of(8, 16, 32));

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {"express", "express2", "express4", "express8", "express8s", "express16s", "express16s+", "express16sa", "express32s"})
	void onlyTheNegotiatedRatesAreAccepted(String generation) {
		for (int speed : List.of(1, 2, 4, 8, 16, 32, 64)) {
			LoadedModel model = Workspace.load("cec Z16 model z16 {\n\tchpid 50 fc " + generation + " speed " + speed + " Gbps\n}\n");
			List<ModelDiagnostic> found = model.diagnostics().stream().filter(d -> IssueCodes.ISFC_FICON_SPEED.equals(d.code())).toList();
			boolean valid = NEGOTIATES.get(generation).contains(speed);
			assertEquals(valid ? 0 : 1, found.size(), generation + " at " + speed + " Gbps: " + Workspace.describe(model.diagnostics()));
			if (!valid) {
				assertEquals(2, found.get(0).line());
				assertEquals(List.of(found.get(0)), Workspace.errors(model));
			}
		}
		// no speed: the generation's top rate, nothing to say
		assertEquals(List.of(), Workspace.errors(Workspace.load("cec Z16 model z16 {\n\tchpid 50 fc " + generation + "\n}\n")));
	}
}
