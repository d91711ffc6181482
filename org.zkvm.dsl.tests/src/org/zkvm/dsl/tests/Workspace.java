package org.zkvm.dsl.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.util.CancelIndicator;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.headless.ModelDiagnostic;
import org.zkvm.dsl.headless.ModelFiles;
import org.zkvm.dsl.headless.ModelLoader;
import org.zkvm.dsl.validation.IssueCodes;

import com.google.inject.Injector;

/**
 * Loads models the way the command line does (real files, one resource set, full validation),
 * from the repository or from text written to a temporary folder.
 */
public final class Workspace {

	private static Injector injector;

	private Workspace() {
	}

	public static synchronized Injector injector() {
		if (injector == null) {
			// the same setup as the command line
			injector = new org.zkvm.dsl.ZknetStandaloneSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	/** The repository's root (examples/, docs/). */
	public static Path root() {
		String configured = System.getProperty("zknet.root");
		Path root = configured != null ? Paths.get(configured) : Paths.get("..").toAbsolutePath().normalize();
		if (!Files.isDirectory(root.resolve("examples"))) {
			throw new IllegalStateException("cannot find the repository root (examples/) from " + root);
		}
		return root;
	}

	public static LoadedModel loadPaths(Path... paths) {
		try {
			// tests using Xtext's InjectionExtension restore EMF's global registries afterwards
			new org.zkvm.dsl.ZknetStandaloneSetup().register(injector());
			List<Path> files = ModelFiles.collect(List.of(paths));
			return injector().getInstance(ModelLoader.class).load(files, CancelIndicator.NullImpl);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (ModelFiles.UnusablePathException e) {
			throw new IllegalArgumentException(e.getMessage(), e);
		}
	}

	/** Writes each named text to a file of a fresh temporary folder and loads them together. */
	public static LoadedModel load(Map<String, String> files) {
		try {
			Path dir = Files.createTempDirectory("zknet-test");
			for (Map.Entry<String, String> file : files.entrySet()) {
				Path path = dir.resolve(file.getKey());
				Files.createDirectories(path.getParent());
				Files.writeString(path, file.getValue());
			}
			return loadPaths(dir);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static LoadedModel load(String text) {
		return load(Map.of("model.zknet", text));
	}

	public static List<ModelDiagnostic> errors(LoadedModel model) {
		return model.diagnostics().stream().filter(d -> d.severity() == ModelDiagnostic.Severity.ERROR).toList();
	}

	/** Errors of parsing, value conversion and linking: what the language itself rejects. */
	public static List<ModelDiagnostic> parseErrors(LoadedModel model) {
		List<String> language = List.of(IssueCodes.SYNTAX, IssueCodes.LINK, IssueCodes.DUPLICATE_NAME);
		return errors(model).stream().filter(d -> language.contains(d.code())).toList();
	}

	public static String describe(List<ModelDiagnostic> diagnostics) {
		return diagnostics.stream().map(ModelDiagnostic::toString).collect(Collectors.joining("\n"));
	}

	/** Every element of the loaded model of a type, resolved. */
	public static <T extends EObject> List<T> all(LoadedModel model, Class<T> type) {
		List<T> result = new ArrayList<>();
		for (var m : model.models()) {
			EcoreUtil.getAllContents(m, true).forEachRemaining(o -> {
				if (type.isInstance(o)) {
					result.add(type.cast(o));
				}
			});
		}
		return result;
	}

	public static <T extends EObject> T named(LoadedModel model, Class<T> type, String name) {
		return all(model, type).stream().filter(o -> name.equals(o.eGet(o.eClass().getEStructuralFeature("name"))))
				.findFirst().orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
	}
}
