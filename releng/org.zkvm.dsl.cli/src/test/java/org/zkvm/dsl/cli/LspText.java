package org.zkvm.dsl.cli;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** An editor's text model as LSP defines it: a line ends with CR LF, LF or a CR of its own. */
final class LspText {
	private LspText() {
	}

	static Position position(String text, int offset) {
		int line = 0;
		int start = 0;
		for (int i = 0; i < offset; i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
				line++;
				start = i + 1;
			}
		}
		return new Position(line, offset - start);
	}

	static int offset(String text, Position position) {
		int line = 0;
		int i = 0;
		while (line < position.getLine() && i < text.length()) {
			char c = text.charAt(i++);
			if (c == '\n' || c == '\r' && (i == text.length() || text.charAt(i) != '\n')) {
				line++;
			}
		}
		int end = i;
		while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
			end++;
		}
		return Math.min(i + position.getCharacter(), end);
	}

	static int lines(String text) {
		return position(text, text.length()).getLine() + 1;
	}

	static String apply(String text, Range range, String inserted) {
		int start = offset(text, range.getStart());
		int end = offset(text, range.getEnd());
		return text.substring(0, start) + inserted + text.substring(Math.max(start, end));
	}
}
