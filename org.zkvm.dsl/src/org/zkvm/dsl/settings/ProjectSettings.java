package org.zkvm.dsl.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A project's zknet.properties: the severities of the checks, one line each,
 * {@code severity.<code> = error|warning|info|ignore}; '#' starts a comment. The file that applies
 * to a model is the nearest one in the model's folder or a folder above it (docs/checks.md).
 */
public record ProjectSettings(Path file, Map<String, String> severities, List<Problem> problems) {

	public static final String FILE_NAME = "zknet.properties";
	public static final String SEVERITY_PREFIX = "severity.";
	private static final Set<String> SEVERITIES = Set.of("error", "warning", "info", "ignore");

	/** A line of the file that zknet cannot use. */
	public record Problem(Path file, int line, String message) {
		@Override
		public String toString() {
			return file + ":" + line + ": " + message;
		}
	}

	public static final ProjectSettings NONE = new ProjectSettings(null, Map.of(), List.of());

	public Optional<String> severity(String code) {
		return Optional.ofNullable(severities.get(code));
	}

	/** The settings that apply to a model file: the nearest zknet.properties above it, or none. */
	public static Path find(Path modelFile) {
		for (Path dir = modelFile.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve(FILE_NAME);
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	/** Reads a settings file; {@code knownCodes} are the codes whose severity may be set. */
	public static ProjectSettings read(Path file, Set<String> knownCodes) {
		Map<String, String> severities = new LinkedHashMap<>();
		List<Problem> problems = new ArrayList<>();
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		} catch (IOException | RuntimeException e) {
			return new ProjectSettings(file, Map.of(), List.of(new Problem(file, 1, "cannot read the settings file: " + e.getMessage())));
		}
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			int lineNumber = i + 1;
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			int eq = line.indexOf('=');
			if (eq < 0) {
				problems.add(new Problem(file, lineNumber, "expected 'severity.<code> = error|warning|info|ignore', found '" + line + "'"));
				continue;
			}
			String key = line.substring(0, eq).strip();
			String value = line.substring(eq + 1).strip().toLowerCase(Locale.ROOT);
			if (!key.startsWith(SEVERITY_PREFIX)) {
				problems.add(new Problem(file, lineNumber, "unknown setting '" + key + "': the settings are 'severity.<code>'"));
				continue;
			}
			String code = key.substring(SEVERITY_PREFIX.length());
			if (!knownCodes.contains(code)) {
				problems.add(new Problem(file, lineNumber, "unknown issue code '" + code + "': the codes are listed in docs/checks.md"));
			} else if (!SEVERITIES.contains(value)) {
				problems.add(new Problem(file, lineNumber, "severity '" + value + "' of " + code + " is not one of error, warning, info, ignore"));
			} else {
				severities.put(code, value);
			}
		}
		return new ProjectSettings(file, Map.copyOf(severities), List.copyOf(problems));
	}
}
