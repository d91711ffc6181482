package org.zkvm.dsl.conversion;

/** Quoting of zknet's double-quoted strings (backslash escapes " and \). */
final class Strings {
	private Strings() {
	}

	static String unquote(String quoted) {
		StringBuilder result = new StringBuilder(quoted.length());
		for (int i = 1; i < quoted.length() - 1; i++) {
			char c = quoted.charAt(i);
			if (c == '\\' && i + 1 < quoted.length() - 1) {
				c = quoted.charAt(++i);
			}
			result.append(c);
		}
		return result.toString();
	}

	static String quote(String value) {
		return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}
}
