package org.zkvm.dsl.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * zknet-apply.sh, the safe apply every generated setup.sh and network.sh sources: check,
 * checkpoint, apply in a safe order, verify, roll back, try with an automatic rollback, restore.
 * The same bytes in every host's and guest's folder, so that each folder works on its own.
 */
public final class ApplyLibrary {
	/** Its name beside the scripts that source it. */
	public static final String FILE = "zknet-apply.sh";

	private static final String TEXT = load();

	private ApplyLibrary() {
	}

	public static String text() {
		return TEXT;
	}

	private static String load() {
		try (InputStream in = ApplyLibrary.class.getResourceAsStream(FILE)) {
			if (in == null) {
				throw new IllegalStateException(FILE + " is missing from the generator's bundle");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
