package org.zkvm.dsl.ide.cli;

import java.io.PrintWriter;

import picocli.CommandLine;

/**
 * Entry point of the zknet command line. The contract (docs/cli.md): diagnostics as
 * {@code FILE:LINE:COL: severity [code] message}; exit 0 without errors, 1 when the model has
 * errors, 2 for usage errors and unreadable input, 3 for an internal fault (one line, no stack
 * trace).
 */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) {
		// Xtext needs no method interception; without Guice's bytecode generation, newer JVMs
		// print no sun.misc.Unsafe warnings into the user's terminal.
		System.setProperty("guice_bytecode_gen_option", "DISABLED");
		System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
	}

	public static int run(String[] args, PrintWriter out, PrintWriter err) {
		CommandLine commandLine = new CommandLine(new ZknetCommand());
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> internalFault(exception, err));
		commandLine.setParameterExceptionHandler((exception, arguments) -> {
			err.println("zknet: " + exception.getMessage());
			err.println("Try 'zknet " + (exception.getCommandLine().getCommandName().equals("zknet") ? "" : exception.getCommandLine().getCommandName() + " ") + "--help'.");
			return ExitCodes.USAGE;
		});
		try {
			return commandLine.execute(args);
		} catch (RuntimeException | Error e) {
			return internalFault(e, err);
		}
	}

	/** The variable ./zknet passes to the JVM (docs/cli.md): more heap for a large model. */
	static final String JAVA_OPTIONS = "ZKNET_JAVA_OPTS";

	private static int internalFault(Throwable exception, PrintWriter err) {
		if (outOfMemory(exception)) {
			long heap = Runtime.getRuntime().maxMemory() >> 20;
			err.println("zknet: out of memory: the model needs more than the " + heap + " MiB of heap this Java may use. Give it more, e.g. "
					+ JAVA_OPTIONS + "=-Xmx" + Math.max(2, 2 * ((heap + 1023) / 1024)) + "g ./zknet ... (or java -Xmx... -jar zknet.jar ...)");
			return ExitCodes.USAGE;
		}
		err.println("zknet: internal error (" + describe(exception) + "). This is a bug in zknet: please report it with the command and model that caused it.");
		return ExitCodes.INTERNAL_FAULT;
	}

	private static boolean outOfMemory(Throwable exception) {
		for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof OutOfMemoryError) {
				return true;
			}
		}
		return false;
	}

	private static String describe(Throwable exception) {
		Throwable root = exception;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return root.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
	}
}
