package org.zkvm.dsl.conversion;

import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.AbstractNullSafeConverter;
import org.eclipse.xtext.nodemodel.INode;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Names are identifiers (br-ex, o5s_10g_1, LPAR11) or double-quoted strings for anything else
 * (names with dots, or characters the validator then rejects for scripts).
 */
@Singleton
public class NameValueConverter extends AbstractNullSafeConverter<String> {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_][a-zA-Z_0-9-]*");

	private Set<String> keywords;

	@Inject
	void setGrammar(IGrammarAccess grammarAccess) {
		keywords = GrammarUtil.getAllKeywords(grammarAccess.getGrammar());
	}

	@Override
	protected String internalToValue(String string, INode node) {
		if (string.startsWith("\"")) {
			if (string.length() < 2 || !string.endsWith("\"")) {
				throw new ValueConverterException("unterminated name string", node, null);
			}
			String value = Strings.unquote(string);
			if (value.isEmpty()) {
				throw new ValueConverterException("a name cannot be empty", node, null);
			}
			if (value.startsWith(".") || value.endsWith(".") || value.contains("..")) {
				// a dot separates the parts of a qualified name (LPAR11.br-ex): no part may be empty
				throw new ValueConverterException("the name \"" + value + "\" has an empty part between dots: dots separate the parts of qualified "
						+ "names, so a name cannot start or end with '.' or contain '..'", node, null);
			}
			return value;
		}
		return string.startsWith("^") ? string.substring(1) : string;
	}

	@Override
	protected String internalToString(String value) {
		if (IDENTIFIER.matcher(value).matches()) {
			return keywords.contains(value) ? "^" + value : value;
		}
		return Strings.quote(value);
	}
}
