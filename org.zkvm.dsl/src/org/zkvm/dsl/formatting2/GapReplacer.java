package org.zkvm.dsl.formatting2;

import org.eclipse.xtext.formatting2.ITextReplacer;
import org.eclipse.xtext.formatting2.ITextReplacerContext;
import org.eclipse.xtext.formatting2.regionaccess.IComment;
import org.eclipse.xtext.formatting2.regionaccess.IHiddenRegion;
import org.eclipse.xtext.formatting2.regionaccess.IHiddenRegionPart;
import org.eclipse.xtext.formatting2.regionaccess.ITextSegment;

/**
 * The text between two tokens, decided in one place: nothing, one space, a line break or a
 * statement break (one blank line kept), then the indentation of what follows. Comments stay where
 * the author put them: a comment after code on its line keeps its spacing (aligned comments stay
 * aligned), a comment on a line of its own gets the indentation of the block it is in, a blank line
 * before or after it is kept (two are folded into one). Line breaks are the file's own (LF or CRLF).
 */
final class GapReplacer implements ITextReplacer {

	/** What the gap should be, comments aside. */
	enum Gap {
		/** Before the first token: nothing, or the comments that open the file and a blank line kept after them. */
		START, NONE, SPACE, LINE, STATEMENT, END
	}

	private final IHiddenRegion region;
	private final Gap gap;
	private final String indentation;
	private final String indentationAfter;
	private final String lineSeparator;

	/**
	 * @param indentation      of a comment on a line of its own in this gap (the block's)
	 * @param indentationAfter of the token after the gap (one less before a closing brace)
	 */
	GapReplacer(IHiddenRegion region, Gap gap, String indentation, String indentationAfter, String lineSeparator) {
		this.region = region;
		this.gap = gap;
		this.indentation = indentation;
		this.indentationAfter = indentationAfter;
		this.lineSeparator = lineSeparator;
	}

	@Override
	public ITextSegment getRegion() {
		return region;
	}

	@Override
	public ITextReplacerContext createReplacements(ITextReplacerContext context) {
		String text = text();
		if (!text.equals(region.getText())) {
			context.addReplacement(region.replaceWith(text));
		}
		return context;
	}

	String text() {
		StringBuilder out = new StringBuilder();
		// at the start of a line: at the start of the file, or after a comment that ends its line
		boolean lineStart = region.getPreviousSemanticRegion() == null;
		int pendingNewlines = 0;
		for (IHiddenRegionPart part : region.getParts()) {
			if (part instanceof IComment comment) {
				if (lineStart || pendingNewlines > 0) {
					out.append(breaks(lineStart, pendingNewlines, 1)).append(indentation);
				} else {
					out.append(whitespaceBefore(part));
				}
				out.append(comment.getText());
				lineStart = comment.getText().endsWith("\n");
				pendingNewlines = 0;
			} else {
				pendingNewlines = newlines(part.getText());
			}
		}
		boolean hadComment = region.getParts().stream().anyMatch(IComment.class::isInstance);
		if (!hadComment) {
			return plain(pendingNewlines);
		}
		// the token after the last comment
		switch (gap) {
			case END -> {
				if (!lineStart) {
					out.append(lineSeparator);
				}
			}
			case START, LINE, STATEMENT -> out.append(breaks(lineStart, Math.max(pendingNewlines, lineStart ? 0 : 1), gap == Gap.LINE ? 0 : 1))
					.append(indentationAfter);
			default -> out.append(lineStart ? indentationAfter : gap == Gap.SPACE || pendingNewlines > 0 ? " " : "");
		}
		return out.toString();
	}

	/** Without comments: the gap as decided. */
	private String plain(int newlines) {
		return switch (gap) {
			case START, NONE -> "";
			case SPACE -> " ";
			case LINE -> lineSeparator + indentationAfter;
			case STATEMENT -> (newlines >= 2 ? lineSeparator + lineSeparator : lineSeparator) + indentationAfter;
			case END -> lineSeparator;
		};
	}

	/** Line breaks: after a comment that ended its line, each newline is a blank line; otherwise the first ends the line. */
	private String breaks(boolean lineStart, int newlines, int blankLinesKept) {
		int blank = Math.min(blankLinesKept, lineStart ? newlines : Math.max(0, newlines - 1));
		return (lineStart ? "" : lineSeparator) + lineSeparator.repeat(blank);
	}

	/** The spaces between code and a comment on the same line, as written (aligned comments stay aligned). */
	private static String whitespaceBefore(IHiddenRegionPart comment) {
		IHiddenRegionPart previous = comment.getPreviousHiddenPart();
		return previous != null && !(previous instanceof IComment) ? previous.getText() : previous == null ? " " : "";
	}

	private static int newlines(String whitespace) {
		return (int) whitespace.chars().filter(c -> c == '\n').count();
	}
}
