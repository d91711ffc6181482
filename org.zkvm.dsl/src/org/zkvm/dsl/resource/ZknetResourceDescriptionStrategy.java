package org.zkvm.dsl.resource;

import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionStrategy;
import org.eclipse.xtext.util.IAcceptor;

/** Xtext's index entries, with each element's {@link NetworkFacts} as user data. */
public class ZknetResourceDescriptionStrategy extends DefaultResourceDescriptionStrategy {

	@Override
	public boolean createEObjectDescriptions(EObject element, IAcceptor<IEObjectDescription> acceptor) {
		if (getQualifiedNameProvider() == null) {
			return false;
		}
		String facts = NetworkFacts.of(element);
		if (facts.isEmpty()) {
			return super.createEObjectDescriptions(element, acceptor);
		}
		try {
			QualifiedName name = getQualifiedNameProvider().getFullyQualifiedName(element);
			if (name != null) {
				acceptor.accept(EObjectDescription.create(name, element, Map.of(NetworkFacts.KEY, facts)));
			}
		} catch (RuntimeException unnamed) {
			return super.createEObjectDescriptions(element, acceptor);
		}
		return true;
	}
}
