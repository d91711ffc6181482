package org.zkvm.dsl.tests.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextEdit;

/** Applies LSP text edits to a text as an editor does, and finds LSP positions in a text. */
public final class TextEdits {
	private TextEdits() {
	}

	/** The text with the edits applied (ranges refer to the original text and do not overlap). */
	public static String apply(String text, List<? extends TextEdit> edits) {
		List<TextEdit> sorted = new ArrayList<>(edits);
		sorted.sort(Comparator.comparing((TextEdit e) -> e.getRange().getStart().getLine()).thenComparing(e -> e.getRange().getStart().getCharacter()).reversed());
		StringBuilder result = new StringBuilder(text);
		for (TextEdit edit : sorted) {
			result.replace(offset(text, edit.getRange().getStart()), offset(text, edit.getRange().getEnd()), edit.getNewText());
		}
		return result.toString();
	}

	public static int offset(String text, Position position) {
		int offset = 0;
		for (int l = 0; l < position.getLine(); l++) {
			offset = text.indexOf('\n', offset) + 1;
		}
		return offset + position.getCharacter();
	}

	/** The position {@code shift} characters after the start of the first {@code needle} in the text. */
	public static Position at(String text, String needle, int shift) {
		int offset = text.indexOf(needle);
		if (offset < 0) {
			throw new AssertionError("'" + needle + "' is not in the text");
		}
		offset += shift;
		int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
		return new Position(line, offset - (text.lastIndexOf('\n', offset - 1) + 1));
	}
}
