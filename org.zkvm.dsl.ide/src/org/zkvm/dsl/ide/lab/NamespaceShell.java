package org.zkvm.dsl.ide.lab;

import static org.zkvm.dsl.ide.lab.HostCommands.inNamespace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The commands the lab runs inside its namespaces (ip, a program that must succeed, one whose
 * output is wanted either way, one left running) and on this machine itself; each runs only while
 * the lab is not being removed ({@link Lab#guarded}).
 */
final class NamespaceShell {

	private final Lab lab;

	NamespaceShell(Lab lab) {
		this.lab = lab;
	}

	void ip(String namespace, String... arguments) throws LabException {
		List<String> command = new ArrayList<>(List.of("ip", "-n", namespace));
		command.addAll(List.of(arguments));
		HostCommands.Outcome outcome = lab.guarded(() -> lab.commands().run(command, 30));
		if (!outcome.ok()) {
			throw new LabException(HostCommands.describe(command, outcome));
		}
	}


	/** What a command in a namespace prints; it must succeed. */
	String output(String namespace, Map<String, String> environment, String... command) throws LabException {
		List<String> full = inNamespace(namespace, command);
		HostCommands.Outcome outcome = lab.guarded(() -> lab.commands().run(full, environment, 30));
		if (!outcome.ok()) {
			throw new LabException(HostCommands.describe(full, outcome));
		}
		return outcome.output();
	}


	/** Starts a command in a namespace and leaves it running (until the lab's removal ends it); its output goes to the lab's folder. */
	void background(String namespace, String... command) throws LabException {
		Path log = lab.work().resolve("background-" + namespace + ".log");
		StringBuilder line = new StringBuilder("exec");
		for (String word : command) {
			line.append(" '").append(word.replace("'", "'\\''")).append('\'');
		}
		List<String> full = inNamespace(namespace, "bash", "-c", "(" + line + ") </dev/null >>'" + log + "' 2>&1 &");
		HostCommands.Outcome outcome = lab.guarded(() -> lab.commands().run(full, 10));
		if (!outcome.ok()) {
			throw new LabException(HostCommands.describe(full, outcome));
		}
	}


	/** A ping from a namespace that is not a model's node (an admin, a neighbour), or from a host to one. */
	boolean pingIn(String namespace, String address) throws LabException {
		List<String> command = inNamespace(namespace, "ping", "-n", "-q", "-c", "2", "-i", "0.3", "-W", "2", address);
		return lab.guarded(() -> lab.commands().run(command, 15)).ok();
	}


	/** A command on this machine itself, outside the lab's namespaces (a file generator such as 'netplan generate'); it must succeed. */
	String local(String... command) throws LabException {
		List<String> full = List.of(command);
		HostCommands.Outcome outcome = lab.guarded(() -> lab.commands().run(full, 60));
		if (!outcome.ok()) {
			throw new LabException(HostCommands.describe(full, outcome));
		}
		return outcome.output();
	}


	/** A command in a namespace, its status and output as they are. */
	HostCommands.Outcome run(String namespace, Map<String, String> environment, String... command) throws LabException {
		List<String> full = inNamespace(namespace, command);
		return lab.guarded(() -> lab.commands().run(full, environment, 30));
	}


	/** What a command in a namespace prints, whether it succeeds or not (a daemon's client asking whether it is up yet). */
	String attempt(String namespace, Map<String, String> environment, String... command) throws LabException {
		List<String> full = inNamespace(namespace, command);
		return lab.guarded(() -> lab.commands().run(full, environment, 30)).output();
	}

	static void pause(long millis) throws LabException {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new LabException("interrupted");
		}
	}

	/** ovs-vsctl in the namespace, against the Open vSwitch the environment names. */
	void vsctl(String namespace, Map<String, String> environment, String... arguments) throws LabException {
		String[] command = new String[arguments.length + 2];
		command[0] = "ovs-vsctl";
		command[1] = "--timeout=10";
		System.arraycopy(arguments, 0, command, 2, arguments.length);
		checkIn(namespace, environment, command);
	}

	void exec(String namespace, String... command) throws LabException {
		checkIn(namespace, Map.of(), command);
	}

	void checkIn(String namespace, Map<String, String> environment, String... command) throws LabException {
		List<String> full = inNamespace(namespace, command);
		HostCommands.Outcome outcome = lab.guarded(() -> lab.commands().run(full, environment, 30));
		if (!outcome.ok()) {
			throw new LabException(HostCommands.describe(full, outcome));
		}
	}
}
