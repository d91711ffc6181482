package org.zkvm.dsl.headless;

import java.util.Locale;

/**
 * One diagnostic as the command line prints it: {@code FILE:LINE:COL: severity [code] message}.
 * Lines and columns start at 1.
 */
public record ModelDiagnostic(String file, int line, int column, Severity severity, String code, String message)
		implements Comparable<ModelDiagnostic> {

	public enum Severity {
		ERROR, WARNING, INFO;

		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	@Override
	public int compareTo(ModelDiagnostic other) {
		int byFile = file.compareTo(other.file);
		if (byFile != 0) return byFile;
		int byLine = Integer.compare(line, other.line);
		if (byLine != 0) return byLine;
		int byColumn = Integer.compare(column, other.column);
		if (byColumn != 0) return byColumn;
		return severity.compareTo(other.severity);
	}

	@Override
	public String toString() {
		return file + ":" + line + ":" + column + ": " + severity + " [" + code + "] " + message.replace('\n', ' ');
	}
}
