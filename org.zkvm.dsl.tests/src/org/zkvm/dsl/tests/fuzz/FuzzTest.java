package org.zkvm.dsl.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.junit.jupiter.api.Test;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.headless.ModelDiagnostic;
import org.zkvm.dsl.headless.ModelFiles;
import org.zkvm.dsl.headless.ModelGenerator;
import org.zkvm.dsl.headless.ModelLoader;
import org.zkvm.dsl.headless.ModelReporter;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.validation.IssueCodes;

/**
 * Mutants of the shipped examples through everything the command line does with a model: load
 * and validate, report, and generate where the model has no errors. It fails on any exception that
 * escapes, an internal error, a file with a syntax error reported without an error, generated output
 * for a model with errors, or a generated script that 'bash -n' rejects; for each failure it prints
 * the seed, the mutant and the smallest input that still fails. 2,000 mutants in the build;
 * ZKNET_FUZZ_MUTANTS and ZKNET_FUZZ_SEED choose others (docs/development.md).
 */
class FuzzTest {

	private static final int MUTANTS = Integer.parseInt(System.getenv().getOrDefault("ZKNET_FUZZ_MUTANTS", "2000"));
	private static final long SEED = Long.parseLong(System.getenv().getOrDefault("ZKNET_FUZZ_SEED", "20261130"));
	private static final int MAX_FAILURES = 5;

	private final ModelLoader loader = Workspace.injector().getInstance(ModelLoader.class);
	private final ModelReporter reporter = Workspace.injector().getInstance(ModelReporter.class);
	private final ModelGenerator generator = Workspace.injector().getInstance(ModelGenerator.class);
	private Path work;
	private int runs;

	/** What became of the mutants. */
	private final Map<String, Integer> outcomes = new TreeMap<>();

	@Test
	void noMutantBreaksZknet() throws IOException {
		new org.zkvm.dsl.ZknetStandaloneSetup().register(Workspace.injector());
		List<Map<String, String>> models = corpus();
		List<String> texts = models.stream().flatMap(m -> m.values().stream()).toList();
		Mutator mutator = new Mutator(SEED, texts);
		work = Files.createTempDirectory("zknet-fuzz");
		List<String> failures = new ArrayList<>();
		try {
			for (int i = 0; i < MUTANTS && failures.size() < MAX_FAILURES; i++) {
				Map<String, String> model = models.get(mutator.random.nextInt(models.size()));
				List<String> names = new ArrayList<>(model.keySet());
				String target = names.get(mutator.random.nextInt(names.size()));
				List<String> applied = new ArrayList<>();
				Map<String, String> files = new LinkedHashMap<>(model);
				files.put(target, mutator.mutate(model.get(target), applied));
				Optional<String> failure = check(files);
				if (failure.isPresent()) {
					String smallest = minimize(files, target, failure.get());
					failures.add("mutant " + i + " of seed " + SEED + " (" + String.join(", ", applied) + " on " + target + "): " + failure.get()
							+ "\nsmallest input that still fails (" + target + ", Java string):\n" + javaString(smallest));
				}
			}
		} finally {
			delete(work);
		}
		System.out.println("zknet fuzz: seed " + SEED + ", " + MUTANTS + " mutants: " + outcomes);
		assertEquals(List.of(), failures, () -> String.join("\n\n", failures));
		assertTrue(outcomes.getOrDefault("generated", 0) > 0 && outcomes.getOrDefault("errors", 0) > 0, outcomes::toString);
	}

	/** The examples, each folder as one model and each pitfall on its own. */
	private static List<Map<String, String>> corpus() throws IOException {
		Path examples = Workspace.root().resolve("examples");
		List<Map<String, String>> models = new ArrayList<>();
		for (String folder : List.of("seed-network", "seed-isfc", "seed-iucv", "distros")) {
			Map<String, String> files = new TreeMap<>();
			try (Stream<Path> paths = Files.list(examples.resolve(folder))) {
				for (Path file : paths.filter(p -> p.toString().endsWith(".zknet")).sorted().toList()) {
					files.put(file.getFileName().toString(), Files.readString(file));
				}
			}
			models.add(files);
		}
		try (Stream<Path> paths = Files.list(examples.resolve("pitfalls"))) {
			for (Path file : paths.filter(p -> p.toString().endsWith(".zknet")).sorted().toList()) {
				models.add(Map.of(file.getFileName().toString(), Files.readString(file)));
			}
		}
		return models;
	}

	/** One model through load, validate, report and generate; what went wrong, if anything. */
	private Optional<String> check(Map<String, String> files) {
		Path dir = work.resolve("m" + (runs++));
		try {
			for (Map.Entry<String, String> file : files.entrySet()) {
				Files.createDirectories(dir);
				// a mutant may split a surrogate pair: such a character is written as '?', as an editor would save it
				Files.write(dir.resolve(file.getKey()), file.getValue().getBytes(StandardCharsets.UTF_8));
			}
			LoadedModel model = loader.load(ModelFiles.collect(List.of(dir)), CancelIndicator.NullImpl);
			for (ModelDiagnostic d : model.diagnostics()) {
				if (IssueCodes.INTERNAL.equals(d.code())) {
					return Optional.of("internal error: " + d);
				}
			}
			for (Map.Entry<Path, XtextResource> resource : model.resources().entrySet()) {
				boolean broken = !resource.getValue().getErrors().isEmpty();
				boolean reported = model.diagnostics().stream()
						.anyMatch(d -> d.severity() == ModelDiagnostic.Severity.ERROR && d.file().equals(resource.getKey().toString()));
				if (broken && !reported) {
					return Optional.of("a file that does not parse is reported without an error: " + resource.getValue().getErrors().get(0).getMessage());
				}
			}
			if (model.hasErrors()) {
				count("errors");
				try {
					generator.configurationAndReport(model, CancelIndicator.NullImpl);
					return Optional.of("generated output for a model with errors");
				} catch (IllegalStateException refused) {
					return Optional.empty();
				}
			}
			reporter.report(model, ModelReporter.ALL, "report/");
			Map<String, String> generated = generator.configuration(model, CancelIndicator.NullImpl);
			count("generated");
			return scriptsParse(generated, dir.resolve("out"));
		} catch (Throwable t) {
			return Optional.of(describe(t));
		} finally {
			delete(dir);
		}
	}

	private Optional<String> scriptsParse(Map<String, String> generated, Path out) throws IOException, InterruptedException {
		List<String> scripts = new ArrayList<>();
		for (Map.Entry<String, String> file : generated.entrySet()) {
			if (file.getKey().endsWith(".sh")) {
				Path path = out.resolve(file.getKey()).normalize();
				if (!path.startsWith(out)) {
					return Optional.of("a generated file outside its folder: " + file.getKey());
				}
				Files.createDirectories(path.getParent());
				Files.writeString(path, file.getValue());
				scripts.add(path.toString());
			}
		}
		if (scripts.isEmpty()) {
			return Optional.empty();
		}
		List<String> command = new ArrayList<>(List.of("bash", "-c", "for f; do bash -n \"$f\" || echo \"bash -n rejects $f\"; done", "bash"));
		command.addAll(scripts);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		return output.contains("bash -n rejects") ? Optional.of(output.strip()) : Optional.empty();
	}

	/** Removes lines, then characters, of the mutated file as long as the same kind of failure remains. */
	private String minimize(Map<String, String> files, String target, String failure) {
		String kind = failure.split("[:(]", 2)[0];
		String text = files.get(target);
		for (int chunk = Math.max(1, text.length() / 2); chunk >= 1 && runs < 100_000; chunk /= 2) {
			boolean progress = true;
			while (progress) {
				progress = false;
				for (int start = 0; start + chunk <= text.length(); start += chunk) {
					String candidate = text.substring(0, start) + text.substring(start + chunk);
					Map<String, String> attempt = new LinkedHashMap<>(files);
					attempt.put(target, candidate);
					Optional<String> again = check(attempt);
					if (again.isPresent() && again.get().startsWith(kind)) {
						text = candidate;
						progress = true;
						break;
					}
				}
			}
		}
		return text;
	}

	private void count(String outcome) {
		outcomes.merge(outcome, 1, Integer::sum);
	}

	private static String describe(Throwable t) {
		StringBuilder b = new StringBuilder("exception ").append(t);
		for (StackTraceElement frame : t.getStackTrace()) {
			if (b.length() > 2500 || frame.getClassName().startsWith("org.zkvm.dsl.tests.")) {
				break;
			}
			b.append("\n    at ").append(frame);
		}
		return b.toString();
	}

	private static String javaString(String text) {
		StringBuilder b = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> b.append("\\\"");
				case '\\' -> b.append("\\\\");
				case '\n' -> b.append("\\n");
				case '\r' -> b.append("\\r");
				case '\t' -> b.append("\\t");
				default -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
			}
		}
		return b.append('"').toString();
	}

	private static void delete(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
