package org.zkvm.dsl.ide.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.eclipse.xtext.util.CancelIndicator;
import org.zkvm.dsl.headless.ModelGenerator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
		description = {"Validates .zknet models and, when they have no errors, generates the host configurations",
				"(one folder per CEC/LPAR, per guest and per z/VM system) and the report (report/) into OUTDIR.",
				"The files are written into a new folder beside OUTDIR that replaces it only when everything",
				"succeeded: errors or an interruption leave the previous OUTDIR as it was. OUTDIR must be new,",
				"empty, or a folder zknet generated before."},
		exitCodeListHeading = "%nExit status:%n",
		exitCodeList = {"0:generated (warnings and infos allowed)", "1:the model has errors: nothing written", "2:usage error, unreadable input or unusable OUTDIR",
				"3:internal fault"})
public class GenerateCommand implements Callable<Integer> {

	@Mixin
	ModelInput input;

	@Option(names = {"-o", "--output"}, paramLabel = "OUTDIR", required = true, description = "the folder to generate into")
	Path output;

	@Override
	public Integer call() {
		return input.check().writeInto(output, "nothing generated",
				model -> Languages.runtime().getInstance(ModelGenerator.class).configurationAndReport(model, CancelIndicator.NullImpl));
	}
}
