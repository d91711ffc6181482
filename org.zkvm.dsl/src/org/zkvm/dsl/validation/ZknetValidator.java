package org.zkvm.dsl.validation;

import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.ComposedChecks;
import org.eclipse.xtext.validation.NamesAreUniqueValidator;
import org.zkvm.dsl.settings.ProjectSettings;
import org.zkvm.dsl.settings.ProjectSettingsProvider;
import org.zkvm.dsl.zknet.Model;

import com.google.inject.Inject;

/**
 * The language's validator: one validator class per concern, composed here. The project's
 * zknet.properties is checked here too, and its problems are shown on every model it governs.
 */
@ComposedChecks(validators = { NamesAreUniqueValidator.class, IsfcValidator.class, ArpRoutingValidator.class, RpFilterValidator.class,
		AddressValidator.class, MtuValidator.class, LayerDeviceValidator.class, NameValidator.class, CrossFileNamesValidator.class, ManagementValidator.class })
public class ZknetValidator extends AbstractZknetValidator {

	@Inject
	private ProjectSettingsProvider settingsProvider;

	@Check
	public void checkSettings(Model model) {
		ProjectSettings settings = settingsProvider.get(model.eResource());
		for (ProjectSettings.Problem problem : settings.problems()) {
			error(problem.toString(), model, null, IssueCodes.SETTINGS, problem.file().toString(), String.valueOf(problem.line()), problem.message());
		}
	}
}
