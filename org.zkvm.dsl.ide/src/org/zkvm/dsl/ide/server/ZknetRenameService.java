package org.zkvm.dsl.ide.server;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.rename.RenameService2;
import org.eclipse.xtext.resource.XtextResource;

/** Rename: nothing to rename where no element was parsed ({@link PositionGuards}). */
public class ZknetRenameService extends RenameService2 {

	@Override
	protected EObject getElementWithIdentifierAt(XtextResource resource, int offset) {
		return PositionGuards.nothingAt(getEObjectAtOffsetHelper(), resource, offset) ? null : super.getElementWithIdentifierAt(resource, offset);
	}
}
