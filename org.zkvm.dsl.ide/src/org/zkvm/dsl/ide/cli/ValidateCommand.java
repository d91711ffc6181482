package org.zkvm.dsl.ide.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;


import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
		description = {"Checks .zknet models and prints one line per diagnostic:", "  FILE:LINE:COL: error|warning|info [code] message",
				"Folders are searched recursively; all files named are one model, so references across files resolve."},
		exitCodeListHeading = "%nExit status:%n",
		exitCodeList = {"0:no errors (warnings and infos allowed)", "1:the model has errors", "2:usage error or unreadable input", "3:internal fault"})
public class ValidateCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	Quiet quiet;

	@Parameters(paramLabel = "PATH", arity = "1..*", description = ".zknet files or folders containing them")
	List<Path> paths;

	@Override
	public Integer call() {
		CheckedModel checked = CheckedModel.load(spec, quiet, paths);
		if (checked.failed()) {
			return checked.usageError();
		}
		return checked.model().hasErrors() ? ExitCodes.MODEL_ERRORS : ExitCodes.OK;
	}
}
