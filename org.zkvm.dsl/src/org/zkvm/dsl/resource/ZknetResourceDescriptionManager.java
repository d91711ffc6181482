package org.zkvm.dsl.resource;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;

import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescription.Delta;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionManager;

/**
 * Which files the language server checks again after a change: besides those that refer to what
 * changed (Xtext's rule), every file that shares an address, subnet or HiperSockets LAN with what
 * the changed file had before or has now ({@link NetworkFacts}), so that a whole-network finding
 * such as a duplicate address appears, and goes, in every file it concerns.
 */
public class ZknetResourceDescriptionManager extends DefaultResourceDescriptionManager {

	@Override
	public boolean isAffected(Collection<Delta> deltas, IResourceDescription candidate, IResourceDescriptions context) {
		if (super.isAffected(deltas, candidate, context)) {
			return true;
		}
		Set<String> mine = NetworkFacts.of(candidate);
		if (mine.isEmpty()) {
			return false;
		}
		for (Delta delta : deltas) {
			if (delta.getUri().equals(candidate.getURI()) || !delta.haveEObjectDescriptionsChanged()) {
				continue;
			}
			if (!Collections.disjoint(mine, NetworkFacts.of(delta.getOld())) || !Collections.disjoint(mine, NetworkFacts.of(delta.getNew()))) {
				return true;
			}
		}
		return false;
	}
}
