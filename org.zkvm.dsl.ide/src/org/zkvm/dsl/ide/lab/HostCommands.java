package org.zkvm.dsl.ide.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the lab's commands on this machine: never through a shell (the arguments are passed as
 * they are), each with a time limit, its output collected. A command that fails or times out is
 * a {@link LabException} naming the command and its last output line.
 */
public class HostCommands {

	/** A finished command: its exit status and what it printed (stdout and stderr together). */
	public record Outcome(int status, String output) {
		public boolean ok() {
			return status == 0;
		}
	}

	/** Runs {@code command}, waiting at most {@code seconds}; a timeout kills it and counts as status 124. */
	public Outcome run(List<String> command, Map<String, String> environment, int seconds) throws LabException {
		List<String> resolved = new ArrayList<>(command);
		Path program = resolved.get(0).contains("/") ? null : find(resolved.get(0));
		if (program != null) {
			resolved.set(0, program.toString());
		}
		ProcessBuilder builder = new ProcessBuilder(resolved).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
		builder.environment().putAll(environment);
		Process process;
		try {
			process = builder.start();
		} catch (IOException e) {
			throw new LabException("cannot run " + command.get(0) + ": " + e.getMessage());
		}
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		Thread reader = Thread.ofVirtual().start(() -> copy(process.getInputStream(), output));
		try {
			boolean finished = process.waitFor(seconds, TimeUnit.SECONDS);
			if (!finished) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				process.waitFor(5, TimeUnit.SECONDS);
			}
			reader.join(TimeUnit.SECONDS.toMillis(5));
			String text;
			synchronized (output) {
				text = output.toString(StandardCharsets.UTF_8);
			}
			return new Outcome(finished ? process.exitValue() : 124, text);
		} catch (InterruptedException e) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new LabException("interrupted while running " + String.join(" ", command));
		}
	}

	public Outcome run(List<String> command, int seconds) throws LabException {
		return run(command, Map.of(), seconds);
	}

	/** Runs a command that must succeed (within 30 seconds). */
	public String check(String... command) throws LabException {
		Outcome outcome = run(List.of(command), 30);
		if (!outcome.ok()) {
			throw new LabException(describe(List.of(command), outcome));
		}
		return outcome.output();
	}

	/** Runs a command inside a network namespace ({@code ip netns exec}). */
	public static List<String> inNamespace(String namespace, String... command) {
		List<String> result = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
		result.addAll(List.of(command));
		return result;
	}

	public static String describe(List<String> command, Outcome outcome) {
		String last = outcome.output().strip().lines().reduce((a, b) -> b).orElse("");
		return "'" + String.join(" ", command) + "' " + (outcome.status() == 124 ? "did not finish in time" : "failed (exit " + outcome.status() + ")")
				+ (last.isEmpty() ? "" : ": " + last);
	}

	/** The first of the names found on the PATH (or in the sbin folders root's PATH may lack), or null. */
	public static Path find(String name) {
		List<String> folders = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
		folders.addAll(List.of("/usr/local/sbin", "/usr/sbin", "/sbin", "/usr/bin", "/bin"));
		for (String folder : folders) {
			if (folder.isEmpty()) {
				continue;
			}
			Path candidate = Path.of(folder, name);
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	private static java.io.File nullDevice() {
		return new java.io.File("/dev/null");
	}

	private static void copy(InputStream in, ByteArrayOutputStream out) {
		byte[] buffer = new byte[8192];
		try (in) {
			int n;
			while ((n = in.read(buffer)) > 0) {
				synchronized (out) {
					out.write(buffer, 0, n);
				}
			}
		} catch (IOException e) {
			// the process was killed: what it printed so far is kept
		}
	}
}
