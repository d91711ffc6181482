package org.zkvm.dsl.ui.editor;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Region;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** LSP positions (line, UTF-16 character) and document offsets; positions beyond the text are clamped to it. */
public final class Positions {

	private Positions() {
	}

	public static Position position(IDocument document, int offset) {
		try {
			int clamped = Math.max(0, Math.min(offset, document.getLength()));
			int line = document.getLineOfOffset(clamped);
			return new Position(line, clamped - document.getLineOffset(line));
		} catch (BadLocationException e) {
			return new Position(0, 0);
		}
	}

	public static int offset(IDocument document, Position position) {
		try {
			if (position.getLine() >= document.getNumberOfLines()) {
				return document.getLength();
			}
			int lineOffset = document.getLineOffset(position.getLine());
			int lineLength = document.getLineLength(position.getLine());
			return lineOffset + Math.max(0, Math.min(position.getCharacter(), lineLength));
		} catch (BadLocationException e) {
			return document.getLength();
		}
	}

	public static Region region(IDocument document, Range range) {
		int start = offset(document, range.getStart());
		int end = Math.max(start, offset(document, range.getEnd()));
		return new Region(start, end - start);
	}

	public static Range range(IDocument document, int offset, int length) {
		return new Range(position(document, offset), position(document, offset + length));
	}
}
