package org.zkvm.dsl.parser;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CharStream;
import org.eclipse.xtext.nodemodel.impl.NodeModelBuilder;
import org.eclipse.xtext.parser.IParseResult;
import org.zkvm.dsl.parser.antlr.ZknetParser;

/**
 * The parser, fed with text as editors and files give it: a UTF-8 byte-order mark at the start (as
 * files saved on Windows have) is read as a blank, and a carriage return that ends a line on its own
 * (old Mac line ends; LSP counts it as a line end) as a line feed. Both keep every offset, so
 * positions in diagnostics, edits and the editor's document stay the same; the grammar and Xtext's
 * line counting then see one kind of line end.
 */
public class ZknetTextParser extends ZknetParser {

	@Override
	protected IParseResult doParse(String ruleName, CharStream in, NodeModelBuilder builder, int initialLookAhead) {
		String text = in.size() == 0 ? "" : in.substring(0, in.size() - 1);
		String normalized = normalized(text);
		return super.doParse(ruleName, normalized.equals(text) ? in : new ANTLRStringStream(normalized), builder, initialLookAhead);
	}

	/** The text with a leading byte-order mark blanked and lone carriage returns as line feeds; same length. */
	public static String normalized(CharSequence text) {
		char[] chars = text.toString().toCharArray();
		if (chars.length > 0 && chars[0] == '\uFEFF') {
			chars[0] = ' ';
		}
		for (int i = 0; i < chars.length; i++) {
			if (chars[i] == '\r' && (i + 1 == chars.length || chars[i + 1] != '\n')) {
				chars[i] = '\n';
			}
		}
		return new String(chars);
	}
}
