package org.zkvm.dsl.ide.cli;

/** The exit statuses of the command line (docs/cli.md). */
public final class ExitCodes {
	private ExitCodes() {
	}

	public static final int OK = 0;
	/** The model has errors, or a check failed. */
	public static final int MODEL_ERRORS = 1;
	/** Wrong arguments, or input that cannot be read. */
	public static final int USAGE = 2;
	/** A bug in zknet. */
	public static final int INTERNAL_FAULT = 3;
}
