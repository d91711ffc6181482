package org.zkvm.dsl.ide.lab;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.zkvm.dsl.lab.LabNetwork.Node;

/**
 * The rollback, proven on one host per lab run: an unconfirmed 'setup.sh --try', a setup whose
 * step fails half-way (a sysctl that refuses every write, put first on the PATH) and a teardown.sh
 * after a full setup must each leave the host's namespace exactly as it was before setup
 * ({@link HostSnapshot}).
 */
final class RollbackProofs {

	private static final int TRY_SECONDS = 2;

	private final Lab lab;
	private final PrintWriter out;
	private int proofs;
	private int exact;

	RollbackProofs(Lab lab, PrintWriter out) {
		this.lab = lab;
		this.out = out;
	}

	/** Runs the proofs on {@code host}; {@code setup} and {@code teardown} are the lab's scripts, {@code environment} what they run with. */
	void prove(Node host, Path setup, Path teardown, Map<String, String> environment, Path state, Map<String, String> ovs) throws LabException {
		String namespace = lab.namespaceOf(host);
		HostSnapshot before = HostSnapshot.take(lab, namespace, ovs);

		HostCommands.Outcome tried = lab.script(host, setup, environment, "--try", Integer.toString(TRY_SECONDS));
		expect(host, "setup.sh --try " + TRY_SECONDS, tried, 0);
		waitForRollback(state.resolve("pending"));
		compare(host, "setup.sh --try " + TRY_SECONDS + " left unconfirmed", before, HostSnapshot.take(lab, namespace, ovs), "");

		Map<String, String> failing = new HashMap<>(environment);
		failing.put("PATH", failingSysctl().toString() + ":" + environment.getOrDefault("PATH", System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")));
		HostCommands.Outcome failed = lab.script(host, setup, failing);
		expect(host, "setup.sh with a failing step", failed, 3);
		String said = failed.output().lines().filter(l -> l.contains("setup failed")).findFirst().orElse("").strip();
		compare(host, "setup.sh with a step that fails half-way", before, HostSnapshot.take(lab, namespace, ovs), said);

		expect(host, "setup.sh", lab.script(host, setup, environment), 0);
		expect(host, "teardown.sh", lab.script(host, teardown, environment), 0);
		compare(host, "teardown.sh after setup.sh", before, HostSnapshot.take(lab, namespace, ovs), "");
	}

	private void expect(Node host, String what, HostCommands.Outcome outcome, int status) throws LabException {
		if (outcome.status() != status) {
			throw new LabException(host.id() + ": " + what + " ended with " + outcome.status() + ", not " + status + ":\n" + outcome.output().strip());
		}
	}

	private void compare(Node host, String what, HostSnapshot before, HostSnapshot after, String said) {
		proofs++;
		List<String> differences = before.differences(after);
		if (differences.isEmpty()) {
			exact++;
			out.println(host.id() + ": rollback proof: " + what + ": the host is exactly as before setup" + (said.isEmpty() ? "" : " (" + said + ")"));
		} else {
			out.println(host.id() + ": rollback proof: " + what + ": the host differs from before setup:");
			differences.forEach(d -> out.println("    " + d));
		}
		out.flush();
	}

	/** The --try rollback runs on its own (setsid); it is done when the pending mark is gone. */
	private static void waitForRollback(Path pending) throws LabException {
		for (int i = 0; i < 200 && Files.exists(pending); i++) {
			try {
				Thread.sleep(100);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new LabException("interrupted");
			}
		}
		if (Files.exists(pending)) {
			throw new LabException("the --try rollback did not run within 20 s after its time was up");
		}
	}

	/** A folder with a sysctl that refuses every write, as a kernel or a hardened host might. */
	private Path failingSysctl() throws LabException {
		Path folder = lab.work().resolve("failing-sysctl");
		Path real = HostCommands.find("sysctl");
		try {
			Files.createDirectories(folder);
			Path shim = folder.resolve("sysctl");
			Files.writeString(shim, "#!/bin/sh\n# zknet lab: a step that fails half-way\ncase \"$*\" in *-w*) echo 'sysctl: permission denied (zknet lab: injected)' >&2; exit 1 ;; esac\nexec "
					+ real + " \"$@\"\n");
			Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
		} catch (IOException e) {
			throw new LabException("cannot write the failing sysctl: " + e.getMessage());
		}
		return folder;
	}

	int proofs() {
		return proofs;
	}

	int exact() {
		return exact;
	}
}
