package org.zkvm.dsl.ui.editor;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WhitespaceRule;
import org.eclipse.jface.text.rules.WordRule;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.zkvm.dsl.ui.ZknetUiPlugin;

/**
 * Syntax colouring while typing, without waiting for the server: the grammar's keywords, comments
 * ({@code //}, {@code #}, block), strings and numbers (addresses, bus IDs, sizes) as the grammar's
 * terminals define them. Names are coloured by kind on top of this by {@link SemanticHighlighter}.
 */
public class ZknetPresentationReconciler extends PresentationReconciler {

	static final RGB KEYWORD = new RGB(0x7f, 0x00, 0x55);
	static final RGB COMMENT = new RGB(0x3f, 0x7f, 0x5f);
	static final RGB STRING = new RGB(0x2a, 0x00, 0xff);
	static final RGB NUMBER = new RGB(0x1d, 0x5b, 0x8a);

	public ZknetPresentationReconciler() {
		DefaultDamagerRepairer damagerRepairer = new DefaultDamagerRepairer(scanner());
		setDamager(damagerRepairer, IDocument.DEFAULT_CONTENT_TYPE);
		setRepairer(damagerRepairer, IDocument.DEFAULT_CONTENT_TYPE);
	}

	private static IToken token(RGB rgb, int style) {
		return new Token(new TextAttribute(new Color(rgb), null, style));
	}

	static RuleBasedScanner scanner() {
		IToken keyword = token(KEYWORD, SWT.BOLD);
		IToken comment = token(COMMENT, SWT.NORMAL);
		IToken string = token(STRING, SWT.NORMAL);
		IToken number = token(NUMBER, SWT.NORMAL);
		WordRule words = new WordRule(new IWordDetector() {
			@Override
			public boolean isWordStart(char c) {
				return Character.isLetter(c) || c == '_' || c == '^';
			}

			@Override
			public boolean isWordPart(char c) {
				return Character.isLetterOrDigit(c) || c == '_' || c == '-';
			}
		}, new Token(null)); // a name is one word: digits inside it (Z13A, o5s_10g_1) are not numbers
		IGrammarAccess grammar = ZknetUiPlugin.get().language().getInstance(IGrammarAccess.class);
		for (String word : GrammarUtil.getAllKeywords(grammar.getGrammar())) {
			if (!word.isEmpty() && Character.isLetter(word.charAt(0))) {
				words.addWord(word, keyword);
			}
		}
		WordRule numbers = new WordRule(new IWordDetector() {
			@Override
			public boolean isWordStart(char c) {
				return Character.isDigit(c);
			}

			@Override
			public boolean isWordPart(char c) {
				return Character.isLetterOrDigit(c) || c == '.' || c == '/';
			}
		}, number);
		RuleBasedScanner scanner = new RuleBasedScanner();
		scanner.setRules(new IRule[] {
				new EndOfLineRule("//", comment),
				new EndOfLineRule("#", comment),
				new MultiLineRule("/*", "*/", comment, (char) 0, true),
				new SingleLineRule("\"", "\"", string, '\\'),
				new WhitespaceRule(Character::isWhitespace),
				words,
				numbers });
		return scanner;
	}
}
