package org.zkvm.dsl.ide.hover;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.hover.HoverService;

/** Hover: the element's derived facts ({@link HoverFacts}), then its comment. */
public class ZknetHoverService extends HoverService {

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
