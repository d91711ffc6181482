package org.zkvm.dsl.parser;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

/** Syntax errors in the words of a model's author: "a number" rather than RULE_INT. */
public class ZknetSyntaxErrorMessageProvider extends SyntaxErrorMessageProvider {

	private static final Map<String, String> TOKENS = Map.ofEntries(
			Map.entry("RULE_INT", "a number"),
			Map.entry("RULE_ID", "a name"),
			Map.entry("RULE_STRING", "a quoted string"),
			Map.entry("RULE_IPV4", "an IPv4 address such as 10.131.11.254/8"),
			Map.entry("RULE_BUS_ID", "a bus-ID such as 0.0.f500"),
			Map.entry("RULE_HEX_LITERAL", "a hexadecimal number such as 0x11"),
			Map.entry("RULE_HEXWORD", "a hexadecimal number"),
			Map.entry("RULE_SIZE_VALUE", "a size such as 64K or 4G"),
			Map.entry("EOF", "the end of the file"));

	private static final Pattern TOKEN = Pattern.compile("RULE_[A-Z0-9_]+|\\bEOF\\b");

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		SyntaxErrorMessage message = super.getSyntaxErrorMessage(context);
		return new SyntaxErrorMessage(humanize(message.getMessage()), message.getIssueCode(), message.getIssueData());
	}

	static String humanize(String message) {
		// ANTLR names the end of input '<EOF>': "no viable alternative at input '<EOF>'", "missing '}' at '<EOF>'"
		String text = message.replace("at input '<EOF>'", "at the end of the file").replace("'<EOF>'", "the end of the file")
				.replace("<EOF>", "the end of the file");
		Matcher m = TOKEN.matcher(text);
		StringBuilder result = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(result, Matcher.quoteReplacement(TOKENS.getOrDefault(m.group(), m.group())));
		}
		m.appendTail(result);
		return result.toString();
	}
}
