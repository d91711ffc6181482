package org.zkvm.dsl.validation;

import org.eclipse.xtext.validation.ComposedChecks;
import org.eclipse.xtext.validation.NamesAreUniqueValidator;

/**
 * The language's validator: one validator class per concern, composed here.
 */
@ComposedChecks(validators = { NamesAreUniqueValidator.class })
public class ZknetValidator extends AbstractZknetValidator {
}
