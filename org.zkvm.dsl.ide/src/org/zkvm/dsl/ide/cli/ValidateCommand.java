package org.zkvm.dsl.ide.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.eclipse.xtext.util.CancelIndicator;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.headless.ModelDiagnostic;
import org.zkvm.dsl.headless.ModelFiles;
import org.zkvm.dsl.headless.ModelLoader;

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
	public Integer call() throws IOException {
		List<Path> files;
		try {
			files = ModelFiles.collect(paths);
		} catch (ModelFiles.UnusablePathException e) {
			spec.commandLine().getErr().println("zknet: " + e.getMessage());
			return ExitCodes.USAGE;
		}
		Progress progress = new Progress(spec.commandLine().getErr(), quiet.quiet);
		progress.loading(files.size());
		LoadedModel model = Languages.runtime().getInstance(ModelLoader.class).load(files, CancelIndicator.NullImpl);
		for (ModelDiagnostic diagnostic : model.diagnostics()) {
			spec.commandLine().getOut().println(diagnostic);
		}
		spec.commandLine().getOut().flush();
		progress.summary(files.size(), model.diagnostics());
		return model.hasErrors() ? ExitCodes.MODEL_ERRORS : ExitCodes.OK;
	}
}
