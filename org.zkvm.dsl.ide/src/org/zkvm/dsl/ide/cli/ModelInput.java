package org.zkvm.dsl.ide.cli;

import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What validate, generate and report share: the model's paths and -q, checked as one model. */
public class ModelInput {

	@Spec(Spec.Target.MIXEE)
	CommandSpec command;

	@Option(names = {"-q", "--quiet"}, description = "Print no progress on stderr.")
	boolean quiet;

	@Parameters(paramLabel = "PATH", arity = "1..*", description = ".zknet files or folders containing them")
	List<Path> paths;

	/** Collects, loads and validates the files, printing diagnostics and the summary. */
	CheckedModel check() {
		return CheckedModel.load(command, quiet, paths);
	}
}
