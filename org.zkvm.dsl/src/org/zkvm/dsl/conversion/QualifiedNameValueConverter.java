package org.zkvm.dsl.conversion;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.AbstractNullSafeConverter;
import org.eclipse.xtext.nodemodel.INode;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/** Dotted names whose segments are {@link NameValueConverter names}; '.*' is kept for imports. */
@Singleton
public class QualifiedNameValueConverter extends AbstractNullSafeConverter<String> {

	@Inject
	private NameValueConverter names;

	@Override
	protected String internalToValue(String string, INode node) {
		string = string.strip();
		boolean wildcard = string.endsWith(".*");
		String body = wildcard ? string.substring(0, string.length() - 2) : string;
		List<String> segments = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			if (c == '"' && (i == 0 || body.charAt(i - 1) != '\\')) {
				quoted = !quoted;
			}
			if (c == '.' && !quoted) {
				segments.add(names.toValue(current.toString().strip(), node));
				current.setLength(0);
			} else {
				current.append(c);
			}
		}
		if (quoted) {
			throw new ValueConverterException("unterminated string in name '" + string + "'", node, null);
		}
		segments.add(names.toValue(current.toString().strip(), node));
		return String.join(".", segments) + (wildcard ? ".*" : "");
	}

	@Override
	protected String internalToString(String value) {
		return value;
	}
}
