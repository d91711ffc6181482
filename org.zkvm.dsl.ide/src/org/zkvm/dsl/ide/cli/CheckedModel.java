package org.zkvm.dsl.ide.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
record CheckedModel(CommandSpec spec, LoadedModel model, int files, Progress progress, int usageError) {

	/** The model, or a usage error (status 2) already explained on standard error. */
	static CheckedModel load(CommandSpec spec, boolean quiet, List<Path> paths) {
		Progress progress = new Progress(spec.commandLine().getErr(), quiet);
		List<Path> files;
		LoadedModel model;
		try {
			files = ModelFiles.collect(paths);
			progress.loading(files.size());
			model = Languages.runtime().getInstance(ModelLoader.class).load(files, CancelIndicator.NullImpl);
		} catch (ModelFiles.UnusablePathException | IOException e) {
			spec.commandLine().getErr().println("zknet: " + e.getMessage());
			return new CheckedModel(spec, null, 0, progress, ExitCodes.USAGE);
		}
		for (ModelDiagnostic diagnostic : model.diagnostics()) {
			spec.commandLine().getOut().println(diagnostic);
		}
		spec.commandLine().getOut().flush();
		progress.summary(files.size(), model.diagnostics());
		return new CheckedModel(spec, model, files.size(), progress, 0);
	}

	boolean failed() {
		return usageError != 0;
	}

	/**
	 * Replaces {@code output} with what {@code produce} makes of the model. A usage error, or a model
	 * with errors, writes nothing ({@code refusal} says what was not done) and gives its exit status.
	 */
	int writeInto(Path output, String refusal, Function<LoadedModel, Map<String, String>> produce) {
		if (failed()) {
			return usageError;
		}
		if (model.hasErrors()) {
			spec.commandLine().getErr().println("zknet: " + refusal + ": the model has errors (" + output + " is unchanged)");
			return ExitCodes.MODEL_ERRORS;
		}
		return Writing.replace(spec, progress, output, produce.apply(model), files);
	}
}
