package org.zkvm.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The benchmark harness still runs (releng/bench/run --smoke: tiny sizes, one run each). Its
 * timings are not asserted here; benchmarks are not tests. What is checked is that every part runs
 * on a clean synthetic model, the markdown has its sections, and the summary line comes last.
 */
class BenchmarkIT {

	@Test
	void theSmokeRunMeasuresEveryPartAndPrintsTheSummaryLast() throws Exception {
		ZknetProcess.Run run = ZknetProcess.run(ZknetProcess.ROOT, List.of(ZknetProcess.ROOT.resolve("releng/bench/run").toString(), "--smoke"));
		assertEquals(0, run.exit(), () -> "the benchmark failed:\n" + run.err());
		List<String> lines = run.lines();
		String summary = lines.get(lines.size() - 1);
		assertTrue(summary.matches("zknet bench: 8 guests generate [0-9.]+ s \\(<15\\), growth 10x model n/a \\(<=12\\), validation/parse [0-9.]+ \\(<=2\\), "
				+ "lsp edit/parse [0-9.]+ \\(<=3\\), zknet/netplan [0-9.]+"), summary);
		String report = Files.readString(ZknetProcess.ROOT.resolve("releng/bench/target/benchmarks-smoke.md"));
		for (String section : List.of("## Machine", "## Results", "## Growth", "## Language server", "## Targets")) {
			assertTrue(report.contains(section), () -> section + " is missing:\n" + report);
		}
		assertTrue(report.contains("| 4 × 2 | 8 | "), report);
		Path full = ZknetProcess.ROOT.resolve("docs/benchmarks.md");
		assertTrue(Files.readString(full).contains("| 100 × 100 | 10,000 |"), "docs/benchmarks.md holds the full run");
	}
}
