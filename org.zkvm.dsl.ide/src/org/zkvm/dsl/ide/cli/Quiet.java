package org.zkvm.dsl.ide.cli;

import picocli.CommandLine.Option;

/** The -q option shared by the commands that report progress on stderr. */
public class Quiet {
	@Option(names = {"-q", "--quiet"}, description = "Print no progress on stderr.")
	boolean quiet;
}
