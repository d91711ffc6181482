package org.zkvm.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged zknet.jar run as a real process, as the process tests run it. */
final class ZknetProcess {
	private ZknetProcess() {
	}

	static final Path ROOT = Paths.get(System.getProperty("zknet.root", "../..")).toAbsolutePath().normalize();
	static final Path JAR = Paths.get(System.getProperty("zknet.jar", "target/zknet.jar")).toAbsolutePath();

	record Run(int exit, String out, String err) {
		List<String> lines() {
			return out.isEmpty() ? List.of() : List.of(out.split("\n"));
		}
	}

	/** java -jar zknet.jar ARGS, with this test JVM's Java. */
	static List<String> command(String... args) {
		List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
		command.addAll(List.of(args));
		return command;
	}

	/**
	 * A command that SIGINT ends even when this JVM runs with SIGINT ignored (a build started with
	 * nohup or '&' from a script, whose children inherit the ignored signal): coreutils' env resets
	 * the signal to its default before it runs the command, in the same process.
	 */
	static List<String> interruptible(List<String> command) {
		List<String> result = new ArrayList<>(List.of("env", "--default-signal=INT"));
		result.addAll(command);
		return result;
	}

	static Run zknet(Path workingDir, String... args) throws IOException, InterruptedException {
		return run(workingDir, command(args));
	}

	static Run run(Path workingDir, List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).directory(workingDir.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
		byte[] out = process.getInputStream().readAllBytes();
		byte[] err = process.getErrorStream().readAllBytes();
		assertTrue(process.waitFor(120, TimeUnit.SECONDS), "zknet did not finish");
		return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
	}
}
