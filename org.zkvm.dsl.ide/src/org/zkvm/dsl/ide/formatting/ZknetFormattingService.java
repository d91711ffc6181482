package org.zkvm.dsl.ide.formatting;

import java.util.List;

import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.resource.XtextResource;

/**
 * Formatting leaves a text that does not parse as it is: the formatter lays out what the parser
 * understood, and on a broken text (an unclosed comment, a half-typed statement) its regions do
 * not cover the text, so it could only guess or fail. The editor shows the syntax errors instead.
 */
public class ZknetFormattingService extends FormattingService {

	@Override
	public List<TextEdit> format(XtextResource resource, Document document, int offset, int length, FormattingOptions options) {
		if (resource.getParseResult() == null || resource.getParseResult().hasSyntaxErrors() || resource.getContents().isEmpty()) {
			return List.of();
		}
		return super.format(resource, document, offset, length, options);
	}
}
