package org.zkvm.dsl.analysis;

import java.util.Optional;

/** ISFC node names: the z/VM system identifier, 1-8 characters of A-Z, 0-9, @, # and $ (facts §3.2). */
public final class NodeNames {
	private NodeNames() {
	}

	public static Optional<String> problem(String name) {
		if (name == null || name.isEmpty() || name.length() > 8) {
			return Optional.of("must have 1-8 characters, it has " + (name == null ? 0 : name.length()));
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '@' || c == '#' || c == '$')) {
				return Optional.of("may contain only A-Z, 0-9, @, # and $, not '" + c + "'");
			}
		}
		return Optional.empty();
	}
}
