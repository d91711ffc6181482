package org.zkvm.dsl.ide.hover;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.HoverContext;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.TextRegion;

/**
 * Hover: the element's derived facts ({@link HoverFacts}), then its comment; on a declaration's
 * name, what a reference to it shows; on a keyword, what it means.
 */
public class ZknetHoverService extends HoverService {

	/** A hover over a keyword. */
	private static final class KeywordContext extends HoverContext {
		private final String keyword;

		KeywordContext(Document document, XtextResource resource, int offset, ILeafNode leaf, String keyword) {
			super(document, resource, offset, new TextRegion(leaf.getOffset(), leaf.getLength()), null);
			this.keyword = keyword;
		}
	}

	@Override
	protected HoverContext createContext(Document document, XtextResource resource, int offset) {
		HoverContext context = super.createContext(document, resource, offset);
		if (context != null || resource.getParseResult() == null || resource.getParseResult().getRootNode() == null) {
			return context;
		}
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		if (leaf == null || leaf.isHidden()) {
			return null;
		}
		if (leaf.getGrammarElement() instanceof Keyword keyword && Character.isLetter(keyword.getValue().charAt(0))) {
			return new KeywordContext(document, resource, offset, leaf, keyword.getValue());
		}
		EObject element = NodeModelUtils.findActualSemanticObjectFor(leaf);
		EStructuralFeature name = element == null ? null : element.eClass().getEStructuralFeature("name");
		if (name != null && NodeModelUtils.findNodesForFeature(element, name).stream()
				.anyMatch(node -> node.getOffset() <= offset && offset <= node.getEndOffset())) {
			return new HoverContext(document, resource, offset, new TextRegion(leaf.getOffset(), leaf.getLength()), element);
		}
		return null;
	}

	@Override
	protected MarkupContent getMarkupContent(HoverContext context) {
		if (context instanceof KeywordContext keyword) {
			return toMarkupContent(getKind(context), "**" + keyword.keyword + "**: " + KeywordMeanings.of(keyword.keyword));
		}
		return super.getMarkupContent(context);
	}

	@Override
	public String getContents(EObject element) {
		String comment = super.getContents(element);
		String facts = element == null ? "" : HoverFacts.of(element).orElse("");
		if (comment == null || comment.isBlank()) {
			return facts;
		}
		return facts.isEmpty() ? comment : facts + "\n\n---\n\n" + comment;
	}
}
