import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The benchmark's child processes: run one and fail on an error, read its output, or take its exit status. */
final class BenchCommands {

	private BenchCommands() {
	}

	/** Runs a command, fails unless it exits 0, and returns its standard error. */
	static String exec(List<String> command) throws Exception {
		java.lang.Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed:\n" + err);
		}
		return err;
	}

	/** A command's standard output, or "?" when it fails. */
	static String stdout(List<String> command) throws Exception {
		java.lang.Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? out.strip() : "?";
	}

	static int exitOf(List<String> command) throws Exception {
		java.lang.Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		if (!p.waitFor(600, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			return -1;
		}
		return p.exitValue();
	}
}
