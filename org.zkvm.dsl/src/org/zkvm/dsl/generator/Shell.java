package org.zkvm.dsl.generator;

import java.util.regex.Pattern;

/**
 * Quoting for generated root scripts: a word made only of characters the shell never interprets
 * stays as it is (so the seed's commands appear verbatim), anything else is single-quoted.
 */
public final class Shell {
	private Shell() {
	}

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

	public static String quote(String word) {
		if (word != null && SAFE.matcher(word).matches()) {
			return word;
		}
		return "'" + String.valueOf(word).replace("'", "'\\''") + "'";
	}

	/** A sysctl key for an interface; dots in interface names become '/' (facts §2.4). */
	public static String sysctl(String iface, String parameter) {
		return sysctl(iface, parameter, false);
	}

	/** A sysctl key for an interface, of net.ipv4.conf or net.ipv6.conf. */
	public static String sysctl(String iface, String parameter, boolean ipv6) {
		return (ipv6 ? "net.ipv6.conf." : "net.ipv4.conf.") + iface.replace('.', '/') + "." + parameter;
	}

	/** A file or folder name derived from the model: never a path, never hidden, never '..'. */
	public static String fileName(String name) {
		String cleaned = String.valueOf(name).replaceAll("[^A-Za-z0-9_.-]", "_");
		if (cleaned.isEmpty() || cleaned.startsWith(".")) {
			cleaned = "_" + cleaned;
		}
		return cleaned;
	}
}
