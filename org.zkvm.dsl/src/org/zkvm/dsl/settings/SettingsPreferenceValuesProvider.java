package org.zkvm.dsl.settings;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.preferences.IPreferenceValues;
import org.eclipse.xtext.preferences.IPreferenceValuesProvider;

import com.google.inject.Inject;

/** Feeds the severities of zknet.properties to Xtext's configurable issue codes. */
public class SettingsPreferenceValuesProvider implements IPreferenceValuesProvider {

	@Inject
	private ProjectSettingsProvider settings;

	@Override
	public IPreferenceValues getPreferenceValues(Resource context) {
		ProjectSettings project = settings.get(context);
		return key -> project.severity(key.getId()).orElse(key.getDefaultValue());
	}
}
