package org.zkvm.dsl.ide.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.zkvm.dsl.headless.ModelDiagnostic;

/** Progress and summary lines on stderr, so that stdout holds only diagnostics. */
class Progress {
	/** Below this many files a run is quick and prints no progress. */
	private static final int LONG_RUN_FILES = 20;

	private final PrintWriter err;
	private final boolean quiet;

	Progress(PrintWriter err, boolean quiet) {
		this.err = err;
		this.quiet = quiet;
	}

	void loading(int files) {
		if (!quiet && files >= LONG_RUN_FILES) {
			err.println("zknet: loading and validating " + files + " files ...");
			err.flush();
		}
	}

	/** Always printed, also for short runs: the tests of interrupted generation wait for it. */
	void writing(int files, Path folder) {
		if (!quiet) {
			err.println("zknet: writing " + files + " files to " + folder + " ...");
			err.flush();
		}
	}

	void wrote(int files, Path folder) {
		if (!quiet) {
			err.println("zknet: generated " + files + " files in " + folder);
			err.flush();
		}
	}

	void summary(int files, List<ModelDiagnostic> diagnostics) {
		if (quiet) {
			return;
		}
		long errors = diagnostics.stream().filter(d -> d.severity() == ModelDiagnostic.Severity.ERROR).count();
		long warnings = diagnostics.stream().filter(d -> d.severity() == ModelDiagnostic.Severity.WARNING).count();
		long infos = diagnostics.size() - errors - warnings;
		err.println("zknet: " + files + (files == 1 ? " file, " : " files, ") + plural(errors, "error") + ", " + plural(warnings, "warning") + ", " + plural(infos, "info"));
		err.flush();
	}

	private static String plural(long count, String noun) {
		return count + " " + noun + (count == 1 || noun.equals("info") ? "" : "s");
	}
}
