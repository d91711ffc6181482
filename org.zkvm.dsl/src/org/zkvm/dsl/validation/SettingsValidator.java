package org.zkvm.dsl.validation;

import org.eclipse.xtext.validation.Check;
import org.zkvm.dsl.settings.ProjectSettings;
import org.zkvm.dsl.settings.ProjectSettingsProvider;
import org.zkvm.dsl.zknet.Model;

import com.google.inject.Inject;

/** The project's zknet.properties: its problems are errors shown on every model it governs. */
public class SettingsValidator extends ZknetCheckBase {

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
