package org.zkvm.dsl.ide.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.zkvm.dsl.headless.ModelReporter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
		description = {"Validates .zknet models and, when they have no errors, writes the capacity and connection report",
				"(ISFC link capacity, IUCV/CTC rates, connection advice per workload) into OUTDIR as",
				"zknet-report.html, zknet-report.md and zknet-report.json. OUTDIR is replaced as 'generate' replaces its own."},
		exitCodeListHeading = "%nExit status:%n",
		exitCodeList = {"0:written (warnings and infos allowed)", "1:the model has errors: nothing written", "2:usage error, unreadable input or unusable OUTDIR",
				"3:internal fault"})
public class ReportCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	ModelInput input;

	@Option(names = {"-o", "--output"}, paramLabel = "OUTDIR", required = true, description = "the folder to write the report into")
	Path output;

	@Option(names = "--format", split = ",", paramLabel = "FORMAT", description = "html, md, json or several, comma-separated (default: all three)")
	List<String> formats;

	@Override
	public Integer call() {
		Set<ModelReporter.Format> chosen = EnumSet.noneOf(ModelReporter.Format.class);
		for (String format : formats == null ? List.of("html", "md", "json") : formats) {
			try {
				chosen.add(ModelReporter.Format.valueOf(format.strip().toUpperCase(Locale.ROOT)));
			} catch (IllegalArgumentException e) {
				spec.commandLine().getErr().println("zknet: unknown report format '" + format + "': use html, md or json");
				return ExitCodes.USAGE;
			}
		}
		return input.check().writeInto(output, "no report", model -> Languages.runtime().getInstance(ModelReporter.class).report(model, chosen, ""));
	}
}
