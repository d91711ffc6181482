package org.zkvm.dsl.scoping;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.impl.FilteringScope;
import org.zkvm.dsl.zknet.ZknetPackage;

/**
 * Scoping follows qualified names (CEC.LPAR.interface) with imports; elements of the same
 * CEC, LPAR or guest are visible by their simple name. Workload endpoints are typed EObject in
 * the grammar and narrowed here to what can be an endpoint.
 */
public class ZknetScopeProvider extends AbstractZknetScopeProvider {

	@Override
	public IScope getScope(EObject context, EReference reference) {
		IScope scope = super.getScope(context, reference);
		if (reference == ZknetPackage.Literals.WORKLOAD__FROM || reference == ZknetPackage.Literals.WORKLOAD__TO) {
			return new FilteringScope(scope, description -> Endpoints.isEndpointType(description.getEClass()));
		}
		return scope;
	}

}
