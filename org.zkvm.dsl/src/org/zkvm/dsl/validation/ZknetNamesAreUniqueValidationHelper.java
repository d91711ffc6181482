package org.zkvm.dsl.validation;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.validation.NamesAreUniqueValidationHelper;
import org.zkvm.dsl.scoping.ElementKinds;

/** Duplicate names get the code name.duplicate and a message in the model's words. */
public class ZknetNamesAreUniqueValidationHelper extends NamesAreUniqueValidationHelper {

	@Override
	protected String getErrorCode() {
		return IssueCodes.DUPLICATE_NAME;
	}

	@Override
	public String getDuplicateNameErrorMessage(IEObjectDescription description, EClass clusterType, EStructuralFeature feature) {
		return "the name '" + description.getName() + "' is used twice: this " + ElementKinds.describe(description.getEClass())
				+ " and another element of its scope cannot both be referred to by it; rename one";
	}
}
