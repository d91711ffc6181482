package org.zkvm.dsl.validation;

import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.zkvm.dsl.topology.NetworkIndex;
import org.zkvm.dsl.topology.NetworkIndexProvider;
import org.zkvm.dsl.zknet.ZknetPackage;

import com.google.inject.Inject;

/**
 * What the concern validators share: they are composed into {@link ZknetValidator} (not registered
 * on their own), report with the configurable severity of their code, and see the whole network.
 */
public abstract class ZknetCheckBase extends AbstractDeclarativeValidator {

	protected static final ZknetPackage Z = ZknetPackage.eINSTANCE;

	@Inject
	private NetworkIndexProvider networkIndexProvider;

	@Override
	protected List<EPackage> getEPackages() {
		return List.of(ZknetPackage.eINSTANCE);
	}

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into ZknetValidator
	}

	/** The whole network, looked up once per file validation (the provider caches it across files). */
	protected NetworkIndex network(EObject context) {
		Map<Object, Object> state = getContext();
		if (state == null) {
			return networkIndexProvider.get(context);
		}
		return (NetworkIndex) state.computeIfAbsent(NetworkIndex.class, k -> networkIndexProvider.get(context));
	}

	/** Reports on one feature of an element (the index selects one value of a list, -1 the whole feature). */
	protected void report(String code, String message, EObject element, EStructuralFeature feature, int index, String... data) {
		if (element.eResource() != getCurrentObject().eResource()) {
			return; // reported when the element's own file is validated
		}
		addIssue(message, element, feature, index, code, data);
	}

	/** For the codes that are always errors, whatever zknet.properties says. */
	protected void reportError(String code, String message, EObject element, EStructuralFeature feature) {
		if (element.eResource() == getCurrentObject().eResource()) {
			error(message, element, feature, code);
		}
	}

	protected void report(String code, String message, EObject element, EStructuralFeature feature, String... data) {
		report(code, message, element, feature, -1, data);
	}
}
