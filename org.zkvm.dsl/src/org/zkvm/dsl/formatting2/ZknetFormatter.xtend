package org.zkvm.dsl.formatting2

import java.util.Set
import org.eclipse.emf.ecore.EObject
import org.eclipse.xtext.GrammarUtil
import org.eclipse.xtext.Keyword
import org.eclipse.xtext.ParserRule
import org.eclipse.xtext.RuleCall
import org.eclipse.xtext.formatting2.AbstractFormatter2
import org.eclipse.xtext.formatting2.IFormattableDocument
import org.eclipse.xtext.formatting2.regionaccess.IHiddenRegion
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion
import org.eclipse.xtext.nodemodel.ICompositeNode
import org.eclipse.xtext.nodemodel.INode
import org.eclipse.xtext.nodemodel.util.NodeModelUtils
import org.zkvm.dsl.zknet.Model

/**
 * The layout of a .zknet file: one statement per line (a blank line between statements is kept,
 * two are folded into one), block contents indented by a tab, one space between the words of a
 * statement, none inside a value such as 0.0.f500,0.0.f501,0.0.f502 or Z10A.50, none before a
 * comma. Every gap between two tokens gets exactly one decision, so rules never conflict.
 */
class ZknetFormatter extends AbstractFormatter2 {

	def dispatch void format(Model model, extension IFormattableDocument document) {
		val statementStarts = statementStarts(model)
		for (block : #[model] + model.eAllContents.toIterable) {
			for (pair : block.regionFor.keywordPairs('{', '}')) {
				pair.interior[indent]
			}
		}
		val rootNode = NodeModelUtils.getNode(model)
		var hidden = textRegionAccess.regionForRootEObject.previousHiddenRegion
		while (hidden !== null) {
			val gap = hidden
			val before = gap.previousSemanticRegion
			val after = gap.nextSemanticRegion
			if (before === null) {
				gap.set[noSpace]
			} else if (after === null) {
				gap.set[newLine]
			} else if (before.isKeyword('{') || after.isKeyword('}')) {
				gap.set[newLine]
			} else if (statementStarts.contains(gap)) {
				gap.set[setNewLines(1, 1, 2)]
			} else if (insideOneValue(rootNode, before, after) || after.isKeyword(',')) {
				gap.set[noSpace]
			} else {
				gap.set[oneSpace]
			}
			hidden = after?.nextHiddenRegion
		}
	}

	/** The gaps in front of statements: top-level elements and the members of every block. */
	def private Set<IHiddenRegion> statementStarts(Model model) {
		val result = newHashSet
		for (element : model.eAllContents.toIterable) {
			val feature = element.eContainingFeature
			if (feature !== null && feature.many && isStatementList(element.eContainer, feature.name)) {
				val region = textRegionAccess.regionForEObject(element)
				if (region !== null) {
					result += region.previousHiddenRegion
				}
			}
		}
		result
	}

	def private boolean isStatementList(EObject container, String feature) {
		#{'imports', 'elements', 'members', 'rules', 'ctcs'}.contains(feature)
	}

	def private boolean isKeyword(ISemanticRegion region, String keyword) {
		val element = region.grammarElement
		element instanceof Keyword && (element as Keyword).value == keyword
	}

	/** Both tokens belong to one multi-token value (a data type rule such as BusIdList or QualifiedName). */
	def private boolean insideOneValue(ICompositeNode root, ISemanticRegion before, ISemanticRegion after) {
		val valueBefore = outermostValueNode(NodeModelUtils.findLeafNodeAtOffset(root, before.offset))
		valueBefore !== null && valueBefore === outermostValueNode(NodeModelUtils.findLeafNodeAtOffset(root, after.offset))
	}

	def private INode outermostValueNode(INode leaf) {
		var INode result = null
		var node = leaf?.parent
		while (node !== null) {
			val element = node.grammarElement
			if (element instanceof RuleCall) {
				val rule = element.rule
				if (rule instanceof ParserRule && GrammarUtil.isDatatypeRule(rule as ParserRule)) {
					result = node
				}
			}
			node = node.parent
		}
		result
	}
}
