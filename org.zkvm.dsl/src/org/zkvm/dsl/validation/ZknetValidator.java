package org.zkvm.dsl.validation;

import org.eclipse.xtext.validation.ComposedChecks;
import org.eclipse.xtext.validation.NamesAreUniqueValidator;

/**
 * The language's validator: one validator class per concern, composed here, the project's
 * zknet.properties first.
 */
@ComposedChecks(validators = { SettingsValidator.class, NamesAreUniqueValidator.class, IsfcValidator.class, ArpRoutingValidator.class,
		RpFilterValidator.class, AddressValidator.class, MtuValidator.class, LayerDeviceValidator.class, NameValidator.class,
		CrossFileNamesValidator.class, ManagementValidator.class, VlanBondValidator.class, Ipv6Validator.class })
public class ZknetValidator extends AbstractZknetValidator {
}
