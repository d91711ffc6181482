package org.zkvm.dsl.analysis;

import java.util.Optional;

/**
 * Names reach comments, file names, echo lines and XML of generated files that run as root. A
 * quoted name ("...") may hold any character, so every name is held to a plain alphabet: letters,
 * digits, space and _ . : @ # $ + / = , - (z/VM names use @ # $). Quotes, backslashes, backticks,
 * control characters and the other shell metacharacters are refused before anything is generated.
 */
public final class PlainNames {
	private PlainNames() {
	}

	public static Optional<String> problem(String name) {
		if (name == null) {
			return Optional.empty();
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || " _.:@#$+/=,-".indexOf(c) >= 0;
			if (!plain) {
				return Optional.of(c < 0x20 || c > 0x7e ? String.format("the character U+%04X", (int) c) : "'" + c + "'");
			}
		}
		return Optional.empty();
	}
}
