package org.zkvm.dsl.formatting2;

import org.eclipse.xtext.formatting2.ITextReplacer;
import org.eclipse.xtext.formatting2.ITextReplacerContext;
import org.eclipse.xtext.formatting2.regionaccess.ITextSegment;

/** Removes the spaces inside one value (0.0.f500 , 0.0.f501 becomes 0.0.f500,0.0.f501); quoted parts stay. */
class CompactValueReplacer implements ITextReplacer {

	private final ITextSegment region;

	CompactValueReplacer(ITextSegment region) {
		this.region = region;
	}

	@Override
	public ITextSegment getRegion() {
		return region;
	}

	@Override
	public ITextReplacerContext createReplacements(ITextReplacerContext context) {
		String text = region.getText();
		// a comment inside a value is left as the author wrote it
		if (!text.contains("/*") && !text.contains("//") && !text.contains("#")) {
			String compact = compact(text);
			if (!compact.equals(text)) {
				context.addReplacement(region.replaceWith(compact));
			}
		}
		return context;
	}

	static String compact(String text) {
		StringBuilder result = new StringBuilder(text.length());
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
				quoted = !quoted;
			}
			if (quoted || !Character.isWhitespace(c)) {
				result.append(c);
			}
		}
		return result.toString();
	}
}
