package org.zkvm.dsl.analysis;

import java.util.Optional;

/**
 * Linux network interface names (facts §2.4, kernel dev_valid_name): at most 15 characters
 * (IFNAMSIZ 16 with the NUL), not '.' or '..', no '/', ':' or whitespace. zknet is stricter
 * because the names reach root shell scripts, sysctl keys, file names and XML: letters, digits,
 * '_', '-' and '.' only.
 */
public final class InterfaceNames {
	private InterfaceNames() {
	}

	public static final int MAX_LENGTH = 15;

	/** What is wrong with the name, or empty if Linux and the generated scripts accept it. */
	public static Optional<String> problem(String name) {
		if (name == null || name.isEmpty()) {
			return Optional.of("is empty");
		}
		if (name.length() > MAX_LENGTH) {
			return Optional.of("has " + name.length() + " characters; Linux allows at most " + MAX_LENGTH);
		}
		if (name.equals(".") || name.equals("..")) {
			return Optional.of("is '" + name + "', which Linux reserves");
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
			if (!allowed) {
				return Optional.of("contains " + describe(c) + "; use letters, digits, '_', '-' and '.' only");
			}
		}
		return Optional.empty();
	}

	private static String describe(char c) {
		if (Character.isWhitespace(c)) {
			return "whitespace";
		}
		if (c < 0x20 || c > 0x7e) {
			return String.format("the character U+%04X", (int) c);
		}
		return "'" + c + "'";
	}
}
