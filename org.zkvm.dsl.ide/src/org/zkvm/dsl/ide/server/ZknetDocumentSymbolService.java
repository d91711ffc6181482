package org.zkvm.dsl.ide.server;

import java.util.List;

import org.eclipse.lsp4j.Location;
import org.eclipse.xtext.findReferences.IReferenceFinder.IResourceAccess;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

/** Definitions and references: nothing where no element was parsed ({@link PositionGuards}). */
public class ZknetDocumentSymbolService extends DocumentSymbolService {

	@Inject
	private EObjectAtOffsetHelper atOffset;

	@Override
	public List<? extends Location> getDefinitions(XtextResource resource, int offset, IResourceAccess resourceAccess, CancelIndicator cancelIndicator) {
		return PositionGuards.nothingAt(atOffset, resource, offset) ? List.of() : super.getDefinitions(resource, offset, resourceAccess, cancelIndicator);
	}

	@Override
	public List<? extends Location> getReferences(XtextResource resource, int offset, IResourceAccess resourceAccess, IResourceDescriptions indexData,
			CancelIndicator cancelIndicator) {
		return PositionGuards.nothingAt(atOffset, resource, offset) ? List.of()
				: super.getReferences(resource, offset, resourceAccess, indexData, cancelIndicator);
	}
}
