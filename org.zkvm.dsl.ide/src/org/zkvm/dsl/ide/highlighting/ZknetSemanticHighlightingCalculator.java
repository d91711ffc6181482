package org.zkvm.dsl.ide.highlighting;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.ide.editor.syntaxcoloring.DefaultSemanticHighlightingCalculator;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.CancelIndicator;
import org.zkvm.dsl.ide.symbols.ElementKind;

/**
 * Colours names by what they name ({@link ElementKind}), where they are declared and wherever they
 * are referred to: an LPAR looks like an LPAR in a route, an ISFC link and a workload alike. The style ids are LSP
 * semantic token types (and the modifier 'declaration'), so the language server passes them on as
 * they are; the Eclipse editor maps the same ids to colours.
 */
public class ZknetSemanticHighlightingCalculator extends DefaultSemanticHighlightingCalculator {

	public static final String DECLARATION = "declaration";

	@Override
	protected boolean highlightElement(EObject object, IHighlightedPositionAcceptor acceptor, CancelIndicator cancel) {
		String kind = kind(object);
		if (kind != null) {
			EStructuralFeature name = object.eClass().getEStructuralFeature("name");
			if (name != null) {
				highlightFeature(acceptor, object, name, kind, DECLARATION);
			}
		}
		for (EReference reference : object.eClass().getEAllReferences()) {
			if (!reference.isContainment() && !reference.isContainer()) {
				highlightReferences(object, reference, acceptor);
			}
		}
		return false;
	}

	private void highlightReferences(EObject object, EReference reference, IHighlightedPositionAcceptor acceptor) {
		if (!object.eIsSet(reference)) {
			return;
		}
		Object value = object.eGet(reference, false);
		List<?> targets = value instanceof List<?> list ? list : List.of(value);
		List<INode> nodes = NodeModelUtils.findNodesForFeature(object, reference);
		for (int i = 0; i < Math.min(targets.size(), nodes.size()); i++) {
			if (targets.get(i) instanceof EObject target && !target.eIsProxy()) {
				highlightReference(acceptor, nodes.get(i), target);
			}
		}
	}

	/**
	 * A plain reference in the target's colour; a qualified one ('LPAR12.br-ex', 'Z13A.10') segment by
	 * segment, each in the colour of the element it names (the LPAR, then the bridge), the dots left plain.
	 */
	private void highlightReference(IHighlightedPositionAcceptor acceptor, INode node, EObject target) {
		List<ILeafNode> segments = new ArrayList<>();
		for (ILeafNode leaf : node.getLeafNodes()) {
			if (!leaf.isHidden() && !".".equals(leaf.getText())) {
				segments.add(leaf);
			}
		}
		if (segments.size() <= 1) {
			String kind = kind(target);
			if (kind != null) {
				highlightNode(acceptor, node, kind);
			}
			return;
		}
		List<EObject> named = new ArrayList<>();
		EObject element = target;
		for (int i = segments.size() - 1; i >= 0; i--) {
			String text = plain(segments.get(i).getText());
			while (element != null && !text.equalsIgnoreCase(name(element))) {
				element = element.eContainer();
			}
			if (element == null) {
				// a segment written otherwise than its element's name (quoted, escaped): the reference in its target's colour, as a whole
				String kind = kind(target);
				if (kind != null) {
					highlightNode(acceptor, node, kind);
				}
				return;
			}
			named.add(0, element);
			element = element.eContainer();
		}
		for (int i = 0; i < segments.size(); i++) {
			String kind = kind(named.get(i));
			if (kind != null) {
				highlightNode(acceptor, segments.get(i), kind);
			}
		}
	}

	/** A name segment as the model stores it: without the '^' escape and the quotes of a quoted name. */
	private static String plain(String text) {
		String result = text.startsWith("^") ? text.substring(1) : text;
		return result.length() >= 2 && result.startsWith("\"") && result.endsWith("\"") ? result.substring(1, result.length() - 1) : result;
	}

	private static String name(EObject element) {
		EStructuralFeature name = element.eClass().getEStructuralFeature("name");
		return name != null && element.eGet(name) instanceof String text ? text : null;
	}

	/** The LSP token type of a named element ({@link ElementKind}); null for what is not highlighted by kind. */
	public static String kind(EObject element) {
		return ElementKind.of(element.eClass()).map(kind -> kind.tokenType).orElse(null);
	}
}
