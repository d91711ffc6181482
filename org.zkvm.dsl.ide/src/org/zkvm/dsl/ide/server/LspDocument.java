package org.zkvm.dsl.ide.server;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.xtext.ide.server.Document;

/**
 * An open document whose positions follow LSP: a line ends with CR LF, LF or a CR of its own (Xtext's
 * document counts LF only, so an edit after a lone CR landed elsewhere and the server's copy of the
 * text drifted from the editor's). A character past the end of a line means the line's end, as the
 * specification says; a line past the end of the document is an error the server answers as invalid
 * parameters ({@link ZknetLanguageServer}).
 */
public class LspDocument extends Document {

	private final int[] lineStarts;

	public LspDocument(Integer version, String contents) {
		super(version, contents);
		this.lineStarts = lineStarts(contents);
	}

	private static int[] lineStarts(String text) {
		List<Integer> starts = new ArrayList<>();
		starts.add(0);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
				starts.add(i + 1);
			}
		}
		return starts.stream().mapToInt(Integer::intValue).toArray();
	}

	/** Where a line's text ends, before its line break. */
	private int lineEnd(int line) {
		int end = line + 1 < lineStarts.length ? lineStarts[line + 1] : getContents().length();
		String text = getContents();
		if (end > lineStarts[line] && text.charAt(end - 1) == '\n') {
			end--;
		}
		if (end > lineStarts[line] && text.charAt(end - 1) == '\r') {
			end--;
		}
		return end;
	}

	@Override
	public int getOffSet(Position position) throws IndexOutOfBoundsException {
		if (position.getLine() < 0 || position.getLine() >= lineStarts.length || position.getCharacter() < 0) {
			throw new IndexOutOfBoundsException("position " + (position.getLine() + 1) + ":" + (position.getCharacter() + 1)
					+ " is outside the document's " + lineStarts.length + " lines");
		}
		return Math.min(lineStarts[position.getLine()] + position.getCharacter(), lineEnd(position.getLine()));
	}

	@Override
	public Position getPosition(int offset) throws IndexOutOfBoundsException {
		if (offset < 0 || offset > getContents().length()) {
			throw new IndexOutOfBoundsException("offset " + offset + " is outside the document's " + getContents().length() + " characters");
		}
		int line = Arrays.binarySearch(lineStarts, offset);
		if (line < 0) {
			line = -line - 2;
		}
		return new Position(line, offset - lineStarts[line]);
	}

	@Override
	public int getLineCount() {
		return lineStarts.length;
	}

	@Override
	public String getLineContent(int line) throws IndexOutOfBoundsException {
		if (line < 0 || line >= lineStarts.length) {
			throw new IndexOutOfBoundsException("line " + (line + 1) + " is outside the document's " + lineStarts.length + " lines");
		}
		return getContents().substring(lineStarts[line], lineEnd(line));
	}

	@Override
	public LspDocument applyTextDocumentChanges(Iterable<? extends TextDocumentContentChangeEvent> changes) {
		LspDocument document = this;
		Integer version = getVersion() == null ? null : getVersion() + 1;
		for (TextDocumentContentChangeEvent change : changes) {
			String text;
			if (change.getRange() == null) {
				text = change.getText();
			} else {
				int start = document.getOffSet(change.getRange().getStart());
				int end = document.getOffSet(change.getRange().getEnd());
				String contents = document.getContents();
				text = contents.substring(0, start) + change.getText() + contents.substring(Math.max(start, end));
			}
			document = new LspDocument(version, text);
		}
		return document;
	}
}
