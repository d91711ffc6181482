package org.zkvm.dsl.headless;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.validation.Issue;
import org.zkvm.dsl.zknet.Model;

/**
 * Model files loaded together, linked across files, with their diagnostics: as the command line prints
 * them, and as the validator raised them per file (with offsets and issue data, for editors' markers).
 */
public record LoadedModel(XtextResourceSet resourceSet, Map<Path, XtextResource> resources, List<ModelDiagnostic> diagnostics,
		Map<Path, List<Issue>> issues) {

	/** A model whose issues per file are not kept. */
	public LoadedModel(XtextResourceSet resourceSet, Map<Path, XtextResource> resources, List<ModelDiagnostic> diagnostics) {
		this(resourceSet, resources, diagnostics, Map.of());
	}

	public boolean hasErrors() {
		return diagnostics.stream().anyMatch(d -> d.severity() == ModelDiagnostic.Severity.ERROR);
	}

	public List<Model> models() {
		return resources.values().stream()
				.filter(r -> !r.getContents().isEmpty() && r.getContents().get(0) instanceof Model)
				.map(r -> (Model) r.getContents().get(0))
				.toList();
	}
}
