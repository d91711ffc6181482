package org.zkvm.dsl.ide.lab;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.zkvm.dsl.headless.OutputFolder;

/** Removing labs: the processes in their namespaces, the namespaces, the labs' folders; also what earlier runs left. */
public final class LabCleanup {
	private LabCleanup() {
	}

	/** Ends the processes in the namespaces and deletes them; returns what could not be removed. */
	static List<String> remove(HostCommands commands, List<String> namespaces) {
		List<String> failures = new ArrayList<>();
		for (String namespace : namespaces) {
			try {
				killProcesses(commands, namespace);
				HostCommands.Outcome outcome = commands.run(List.of("ip", "netns", "del", namespace), 30);
				if (!outcome.ok() && !outcome.output().contains("No such file")) {
					failures.add(namespace + ": " + outcome.output().strip());
				}
			} catch (LabException e) {
				failures.add(namespace + ": " + e.getMessage());
			}
		}
		return failures;
	}

	static void killProcesses(HostCommands commands, String namespace) throws LabException {
		for (int round = 0; round < 20; round++) {
			HostCommands.Outcome pids = commands.run(List.of("ip", "netns", "pids", namespace), 10);
			List<Long> running = pids.ok() ? pids.output().lines().map(String::strip).filter(s -> s.matches("\\d+")).map(Long::valueOf).toList() : List.of();
			if (running.isEmpty()) {
				return;
			}
			for (long pid : running) {
				ProcessHandle.of(pid).ifPresent(round < 10 ? ProcessHandle::destroy : ProcessHandle::destroyForcibly);
			}
			try {
				Thread.sleep(100);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	static void deleteFolder(Path folder) {
		try {
			OutputFolder.deleteTree(folder);
		} catch (IOException e) {
			// what is left is in /tmp, named zknet-lab-ID; 'zknet lab --clean' removes it
		}
	}

	/** Every lab this machine has: namespaces starting with {@link Lab#PREFIX}, and the labs' folders in the temporary folder. */
	public static List<String> clean(HostCommands commands, PrintWriter out) throws LabException {
		String listing = commands.check("ip", "netns", "list");
		List<String> found = listing.lines().map(l -> l.strip().split("\\s+")[0]).filter(n -> n.startsWith(Lab.PREFIX)).toList();
		List<String> failures = remove(commands, found);
		Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
		try (Stream<Path> folders = Files.list(temporary)) {
			for (Path folder : folders.filter(f -> f.getFileName().toString().startsWith("zknet-lab-")).toList()) {
				deleteFolder(folder);
				out.println("zknet lab: removed " + folder);
			}
		} catch (IOException e) {
			failures.add(temporary + ": " + e.getMessage());
		}
		found.forEach(n -> out.println("zknet lab: removed namespace " + n));
		return failures;
	}
}
