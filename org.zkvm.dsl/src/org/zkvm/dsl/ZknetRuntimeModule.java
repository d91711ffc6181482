package org.zkvm.dsl;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider;
import org.eclipse.xtext.preferences.IPreferenceValuesProvider;
import org.eclipse.xtext.validation.ConfigurableIssueCodesProvider;
import org.eclipse.xtext.validation.INamesAreUniqueValidationHelper;
import org.zkvm.dsl.settings.SettingsPreferenceValuesProvider;
import org.zkvm.dsl.validation.ZknetIssueCodesProvider;
import org.zkvm.dsl.validation.ZknetNamesAreUniqueValidationHelper;
import org.zkvm.dsl.parser.ZknetSyntaxErrorMessageProvider;
import org.zkvm.dsl.conversion.ZknetValueConverterService;
import org.zkvm.dsl.scoping.ZknetLinkingDiagnosticMessageProvider;

/** Guice bindings of the zknet runtime; see AbstractZknetRuntimeModule for the generated ones. */
public class ZknetRuntimeModule extends AbstractZknetRuntimeModule {

	@Override
	public Class<? extends org.eclipse.xtext.parser.IParser> bindIParser() {
		return org.zkvm.dsl.parser.ZknetTextParser.class;
	}

	public Class<? extends org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy> bindIDefaultResourceDescriptionStrategy() {
		return org.zkvm.dsl.resource.ZknetResourceDescriptionStrategy.class;
	}

	public Class<? extends org.eclipse.xtext.resource.IResourceDescription.Manager> bindIResourceDescription$Manager() {
		return org.zkvm.dsl.resource.ZknetResourceDescriptionManager.class;
	}

	public Class<? extends IValueConverterService> bindIValueConverterService() {
		return ZknetValueConverterService.class;
	}

	public Class<? extends ISyntaxErrorMessageProvider> bindISyntaxErrorMessageProvider() {
		return ZknetSyntaxErrorMessageProvider.class;
	}

	public Class<? extends INamesAreUniqueValidationHelper> bindINamesAreUniqueValidationHelper() {
		return ZknetNamesAreUniqueValidationHelper.class;
	}

	public Class<? extends LinkingDiagnosticMessageProvider> bindLinkingDiagnosticMessageProvider() {
		return ZknetLinkingDiagnosticMessageProvider.class;
	}

	/** One generator for the command line, Maven, the language server and Eclipse. */
	public Class<? extends org.eclipse.xtext.generator.IGenerator2> bindIGenerator2() {
		return org.zkvm.dsl.generator.ZknetGenerator.class;
	}

	/** Every check's code with its catalogue severity, configurable per project. */
	public Class<? extends ConfigurableIssueCodesProvider> bindConfigurableIssueCodesProvider() {
		return ZknetIssueCodesProvider.class;
	}

	/** Parse and link errors carry the catalogue's codes everywhere (CLI, Maven, language server, Eclipse). */
	public Class<? extends org.eclipse.xtext.validation.IDiagnosticConverter> bindIDiagnosticConverter() {
		return org.zkvm.dsl.validation.CatalogueDiagnosticConverter.class;
	}

	/** Severities come from the project's zknet.properties. */
	public Class<? extends IPreferenceValuesProvider> bindIPreferenceValuesProvider() {
		return SettingsPreferenceValuesProvider.class;
	}
}
