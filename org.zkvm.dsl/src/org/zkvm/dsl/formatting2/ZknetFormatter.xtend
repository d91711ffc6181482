package org.zkvm.dsl.formatting2

import java.util.Set
import org.eclipse.xtext.AbstractRule
import org.eclipse.xtext.CrossReference
import org.eclipse.xtext.GrammarUtil
import org.eclipse.xtext.Keyword
import org.eclipse.xtext.ParserRule
import org.eclipse.xtext.RuleCall
import org.eclipse.xtext.formatting2.AbstractFormatter2
import org.eclipse.xtext.formatting2.FormatterPreferenceKeys
import org.eclipse.xtext.formatting2.IFormattableDocument
import org.eclipse.xtext.formatting2.ITextReplacer
import org.eclipse.xtext.formatting2.ITextReplacerContext
import org.eclipse.xtext.formatting2.regionaccess.IComment
import org.eclipse.xtext.formatting2.regionaccess.IHiddenRegion
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion
import org.zkvm.dsl.zknet.Model

/**
 * The layout of a .zknet file: one statement per line (a blank line between statements is kept,
 * two are folded into one), block contents indented by a tab, one space between the words of a
 * statement, none inside a value such as 0.0.f500,0.0.f501,0.0.f502 or Z10A.50, none before a
 * comma. Every gap between two tokens gets exactly one decision ({@link GapReplacer}), so rules
 * never conflict; comments keep their place, and the file keeps its line ends.
 */
class ZknetFormatter extends AbstractFormatter2 {

	/** The containment lists whose elements are statements, one per line. */
	static val STATEMENT_LISTS = #{'imports', 'elements', 'members', 'rules', 'ctcs'}

	/**
	 * A comment the parser met while recovering from an error has no grammar rule; Xtext's default
	 * then fails ("No ITextReplacer configured for (null)"), during rename too: keep such a comment as it is.
	 */
	override ITextReplacer createCommentReplacer(IComment comment) {
		if (comment.grammarElement instanceof AbstractRule) super.createCommentReplacer(comment) else new ITextReplacer {
			override getRegion() { comment }
			override createReplacements(ITextReplacerContext context) { context }
		}
	}

	def dispatch void format(Model model, extension IFormattableDocument document) {
		val statementStarts = statementStarts(model)
		val unit = request.preferences.getPreference(FormatterPreferenceKeys.indentation)
		val text = textRegionAccess.regionForDocument.text
		val separator = if (text.contains('\r\n')) '\r\n' else '\n'
		var depth = 0
		var hidden = textRegionAccess.regionForRootEObject.previousHiddenRegion
		while (hidden !== null) {
			val gap = hidden
			val before = gap.previousSemanticRegion
			val after = gap.nextSemanticRegion
			val kind = if (before === null) {
				GapReplacer.Gap.START
			} else if (after === null) {
				GapReplacer.Gap.END
			} else if (before.isKeyword('{') || after.isKeyword('}')) {
				GapReplacer.Gap.LINE
			} else if (statementStarts.contains(gap)) {
				GapReplacer.Gap.STATEMENT
			} else if (after.isKeyword(',')) {
				GapReplacer.Gap.NONE
			} else {
				GapReplacer.Gap.SPACE
			}
			val closing = after !== null && after.isKeyword('}')
			addReplacer(new GapReplacer(gap, kind, unit.repeat(depth), unit.repeat(Math.max(0, if (closing) depth - 1 else depth)), separator))
			if (after !== null && after.isKeyword('{')) {
				depth++
			} else if (closing) {
				depth = Math.max(0, depth - 1)
			}
			if (after !== null && after.isMultiTokenValue) {
				addReplacer(new CompactValueReplacer(after))
			}
			hidden = after?.nextHiddenRegion
		}
	}

	/** The gaps in front of statements: top-level elements and the members of every block. */
	def private Set<IHiddenRegion> statementStarts(Model model) {
		val result = newHashSet
		for (element : model.eAllContents.toIterable) {
			val feature = element.eContainingFeature
			if (feature !== null && feature.many && STATEMENT_LISTS.contains(feature.name)) {
				val region = textRegionAccess.regionForEObject(element)
				if (region !== null) {
					result += region.previousHiddenRegion
				}
			}
		}
		result
	}

	def private boolean isKeyword(ISemanticRegion region, String keyword) {
		val element = region.grammarElement
		element instanceof Keyword && (element as Keyword).value == keyword
	}

	/**
	 * A value of a data type rule such as BusIdList, DeviceRange or QualifiedName: the text region
	 * access keeps it as one region, so spaces inside it are removed by a replacer.
	 */
	def private boolean isMultiTokenValue(ISemanticRegion region) {
		val element = region.grammarElement
		val call = switch element {
			RuleCall: element
			CrossReference: element.terminal
		}
		if (call instanceof RuleCall) {
			val rule = call.rule
			return rule instanceof ParserRule && GrammarUtil.isDatatypeRule(rule as ParserRule) && rule.name != 'Name'
		}
		false
	}
}
