package org.zkvm.dsl.ide.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.xtext.util.CancelIndicator;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.headless.ModelDiagnostic;
import org.zkvm.dsl.headless.ModelFiles;
import org.zkvm.dsl.headless.ModelLoader;

import picocli.CommandLine.Model.CommandSpec;

/**
 * What every command does first: collect the .zknet files, load and validate them as one model,
 * print the diagnostics on standard output and the summary on standard error.
 */
record CheckedModel(LoadedModel model, int files, Progress progress, int usageError) {

	/** The model, or a usage error (status 2) already explained on standard error. */
	static CheckedModel load(CommandSpec spec, Quiet quiet, List<Path> paths) {
		Progress progress = new Progress(spec.commandLine().getErr(), quiet.quiet);
		List<Path> files;
		LoadedModel model;
		try {
			files = ModelFiles.collect(paths);
			progress.loading(files.size());
			model = Languages.runtime().getInstance(ModelLoader.class).load(files, CancelIndicator.NullImpl);
		} catch (ModelFiles.UnusablePathException | IOException e) {
			spec.commandLine().getErr().println("zknet: " + e.getMessage());
			return new CheckedModel(null, 0, progress, ExitCodes.USAGE);
		}
		for (ModelDiagnostic diagnostic : model.diagnostics()) {
			spec.commandLine().getOut().println(diagnostic);
		}
		spec.commandLine().getOut().flush();
		progress.summary(files.size(), model.diagnostics());
		return new CheckedModel(model, files.size(), progress, 0);
	}

	boolean failed() {
		return usageError != 0;
	}
}
