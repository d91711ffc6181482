package org.zkvm.dsl.ide.server;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;

/**
 * Xtext's definition, references and rename assume the offset lies inside a parsed element; in an
 * empty document, in junk that does not parse or in a comment before the first element there is
 * none, and they failed with a null pointer. These services answer "nothing here" instead.
 */
final class PositionGuards {
	private PositionGuards() {
	}

	static boolean nothingAt(EObjectAtOffsetHelper helper, XtextResource resource, int offset) {
		if (resource.getContents().isEmpty() || resource.getParseResult() == null || resource.getParseResult().getRootNode() == null) {
			return true;
		}
		EObject element = helper.resolveContainedElementAt(resource, offset);
		return element == null;
	}
}
