package org.zkvm.dsl.headless;

import java.util.Map;
import java.util.TreeMap;

import org.eclipse.xtext.generator.GeneratorContext;
import org.eclipse.xtext.generator.IFileSystemAccess;
import org.eclipse.xtext.generator.IGenerator2;
import org.eclipse.xtext.generator.InMemoryFileSystemAccess;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

/**
 * Runs the language's generator (the same IGenerator2 the language server and Eclipse builder use)
 * over a loaded model, in memory: nothing touches the disk until everything has been generated.
 */
public class ModelGenerator {

	@Inject
	private IGenerator2 generator;

	@Inject
	private ModelReporter reporter;

	/**
	 * What 'zknet generate' and the Maven plugin write: the configuration and, under report/, the
	 * report in every format. Relative output path to content, sorted; refuses a model with errors.
	 */
	public Map<String, String> configurationAndReport(LoadedModel model, CancelIndicator cancel) {
		Map<String, String> files = configuration(model, cancel);
		files.putAll(reporter.report(model, ModelReporter.ALL, "report/"));
		return files;
	}

	/** The language generator's files alone. Relative output path to content, sorted; refuses a model with errors. */
	public Map<String, String> configuration(LoadedModel model, CancelIndicator cancel) {
		if (model.hasErrors()) {
			throw new IllegalStateException("a model with errors generates nothing");
		}
		return generate(model, cancel);
	}

	/**
	 * For 'zknet lab --force' alone: what the generator makes of a model even when it has errors,
	 * to show in a throwaway lab what the errors do. Never written where a user would run it.
	 */
	public Map<String, String> configurationDespiteErrors(LoadedModel model, CancelIndicator cancel) {
		return generate(model, cancel);
	}

	private Map<String, String> generate(LoadedModel model, CancelIndicator cancel) {
		InMemoryFileSystemAccess fsa = new InMemoryFileSystemAccess();
		GeneratorContext context = new GeneratorContext();
		context.setCancelIndicator(cancel);
		for (XtextResource resource : model.resources().values()) {
			generator.beforeGenerate(resource, fsa, context);
			generator.doGenerate(resource, fsa, context);
			generator.afterGenerate(resource, fsa, context);
		}
		Map<String, String> files = new TreeMap<>();
		fsa.getAllFiles().forEach((name, content) -> files.put(name.substring(IFileSystemAccess.DEFAULT_OUTPUT.length()), content.toString()));
		return files;
	}
}
