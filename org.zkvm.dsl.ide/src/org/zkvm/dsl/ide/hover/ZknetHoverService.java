package org.zkvm.dsl.ide.hover;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.HoverContext;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
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
		ILeafNode leaf = resource.getParseResult() == null || resource.getParseResult().getRootNode() == null ? null
				: NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		if (leaf != null && !leaf.isHidden() && leaf.getGrammarElement() instanceof Keyword keyword && Character.isLetter(keyword.getValue().charAt(0))) {
			return new KeywordContext(document, resource, offset, leaf, keyword.getValue());
		}
		HoverContext context = super.createContext(document, resource, offset);
		if (leaf == null || leaf.isHidden() || inCrossReference(leaf)) {
			return context;
		}
		// a declaration's name, or a value of an element zknet derives facts for: that element
		EObject own = NodeModelUtils.findActualSemanticObjectFor(leaf);
		boolean answered = context != null && context.getElement() == own && context.getRegion() != null && context.getRegion().contains(offset);
		if (own != null && !answered && HoverFacts.of(own).isPresent()) {
			return new HoverContext(document, resource, offset, new TextRegion(leaf.getOffset(), leaf.getLength()), own);
		}
		return context;
	}

	private static boolean inCrossReference(ILeafNode leaf) {
		for (INode node = leaf; node != null; node = node.getParent()) {
			if (node.getGrammarElement() instanceof CrossReference) {
				return true;
			}
		}
		return false;
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
