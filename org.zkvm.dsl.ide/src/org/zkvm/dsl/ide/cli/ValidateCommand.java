package org.zkvm.dsl.ide.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "validate", mixinStandardHelpOptions = true,
		description = {"Checks .zknet models and prints one line per diagnostic:", "  FILE:LINE:COL: error|warning|info [code] message",
				"Folders are searched recursively; all files named are one model, so references across files resolve."},
		exitCodeListHeading = "%nExit status:%n",
		exitCodeList = {"0:no errors (warnings and infos allowed)", "1:the model has errors", "2:usage error or unreadable input", "3:internal fault"})
public class ValidateCommand implements Callable<Integer> {

	@Mixin
	ModelInput input;

	@Override
	public Integer call() {
		CheckedModel checked = input.check();
		if (checked.failed()) {
			return checked.usageError();
		}
		return checked.model().hasErrors() ? ExitCodes.MODEL_ERRORS : ExitCodes.OK;
	}
}
