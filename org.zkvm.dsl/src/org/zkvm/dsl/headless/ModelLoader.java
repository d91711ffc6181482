package org.zkvm.dsl.headless;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.zkvm.dsl.validation.CatalogueDiagnosticConverter;
import org.zkvm.dsl.validation.IssueCodes;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Loads model files into one resource set, so that references across files resolve, and
 * validates them all. Used by the command line and every other headless consumer.
 */
public class ModelLoader {

	@Inject
	private Provider<XtextResourceSet> resourceSetProvider;

	@Inject
	private IResourceValidator validator;

	/**
	 * @param files         model files; each is reported under the path as given
	 * @param cancelIndicator checked between files
	 */
	public LoadedModel load(List<Path> files, CancelIndicator cancelIndicator) throws IOException {
		XtextResourceSet resourceSet = resourceSetProvider.get();
		Map<Path, XtextResource> resources = new LinkedHashMap<>();
		for (Path file : files) {
			URI uri = URI.createFileURI(file.toAbsolutePath().normalize().toString());
			XtextResource resource = (XtextResource) resourceSet.createResource(uri);
			try (InputStream in = withoutByteOrderMark(Files.newInputStream(file))) {
				resource.load(in, resourceSet.getLoadOptions());
			}
			resources.put(file, resource);
		}
		EcoreUtil.resolveAll(resourceSet);
		Set<ModelDiagnostic> diagnostics = new LinkedHashSet<>();
		Map<Path, List<Issue>> issues = new LinkedHashMap<>();
		try (InternalErrors internal = new InternalErrors()) {
			for (Map.Entry<Path, XtextResource> entry : resources.entrySet()) {
				if (cancelIndicator.isCanceled()) {
					break;
				}
				List<Issue> found = validator.validate(entry.getValue(), CheckMode.ALL, cancelIndicator);
				issues.put(entry.getKey(), found);
				for (Issue issue : found) {
					toDiagnostic(entry.getKey().toString(), issue).ifPresent(diagnostics::add);
				}
				for (String message : internal.take()) {
					diagnostics.add(new ModelDiagnostic(entry.getKey().toString(), 1, 1, ModelDiagnostic.Severity.ERROR, IssueCodes.INTERNAL,
							"zknet could not finish checking this file (" + message + "): it is not called clean; this is a bug in zknet, "
									+ "please report it with the file"));
				}
			}
		}
		List<ModelDiagnostic> sorted = new ArrayList<>(diagnostics);
		Collections.sort(sorted);
		return new LoadedModel(resourceSet, resources, sorted, issues);
	}

	/** A UTF-8 byte-order mark (files saved on Windows) is not part of the text: columns count as editors show them. */
	private static InputStream withoutByteOrderMark(InputStream in) throws IOException {
		java.io.PushbackInputStream stream = new java.io.PushbackInputStream(new java.io.BufferedInputStream(in), 3);
		byte[] head = stream.readNBytes(3);
		if (!(head.length == 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf)) {
			stream.unread(head);
		}
		return stream;
	}

	private static Optional<ModelDiagnostic> toDiagnostic(String file, Issue issue) {
		ModelDiagnostic.Severity severity = switch (issue.getSeverity()) {
			case ERROR -> ModelDiagnostic.Severity.ERROR;
			case WARNING -> ModelDiagnostic.Severity.WARNING;
			case INFO -> ModelDiagnostic.Severity.INFO;
			default -> null;
		};
		if (severity == null) {
			return Optional.empty();
		}
		String[] data = issue.getData();
		if (IssueCodes.SETTINGS.equals(issue.getCode()) && data != null && data.length >= 3) {
			// one line for the settings file itself, not one per model file it governs
			return Optional.of(new ModelDiagnostic(relative(data[0]), Integer.parseInt(data[1]), 1, severity, IssueCodes.SETTINGS, data[2]));
		}
		int line = issue.getLineNumber() == null ? 1 : issue.getLineNumber();
		int column = issue.getColumn() == null ? 1 : issue.getColumn();
		return Optional.of(new ModelDiagnostic(file, line, column, severity, CatalogueDiagnosticConverter.catalogueCode(issue), issue.getMessage()));
	}

	private static String relative(String file) {
		Path path = Path.of(file);
		Path here = Path.of("").toAbsolutePath();
		return path.startsWith(here) ? here.relativize(path).toString() : file;
	}

}
