package org.zkvm.dsl;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.generator.IGenerator2;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider;
import org.eclipse.xtext.preferences.IPreferenceValuesProvider;
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.validation.ConfigurableIssueCodesProvider;
import org.eclipse.xtext.validation.IDiagnosticConverter;
import org.eclipse.xtext.validation.INamesAreUniqueValidationHelper;
import org.zkvm.dsl.conversion.ZknetValueConverterService;
import org.zkvm.dsl.generator.ZknetGenerator;
import org.zkvm.dsl.parser.ZknetSyntaxErrorMessageProvider;
import org.zkvm.dsl.parser.ZknetTextParser;
import org.zkvm.dsl.resource.ZknetResourceDescriptionManager;
import org.zkvm.dsl.resource.ZknetResourceDescriptionStrategy;
import org.zkvm.dsl.scoping.ZknetLinkingDiagnosticMessageProvider;
import org.zkvm.dsl.settings.SettingsPreferenceValuesProvider;
import org.zkvm.dsl.validation.CatalogueDiagnosticConverter;
import org.zkvm.dsl.validation.ZknetIssueCodesProvider;
import org.zkvm.dsl.validation.ZknetNamesAreUniqueValidationHelper;

/** Guice bindings of the zknet runtime; see AbstractZknetRuntimeModule for the generated ones. */
public class ZknetRuntimeModule extends AbstractZknetRuntimeModule {

	@Override
	public Class<? extends IParser> bindIParser() {
		return ZknetTextParser.class;
	}

	public Class<? extends IDefaultResourceDescriptionStrategy> bindIDefaultResourceDescriptionStrategy() {
		return ZknetResourceDescriptionStrategy.class;
	}

	public Class<? extends IResourceDescription.Manager> bindIResourceDescription$Manager() {
		return ZknetResourceDescriptionManager.class;
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
	public Class<? extends IGenerator2> bindIGenerator2() {
		return ZknetGenerator.class;
	}

	/** Every check's code with its catalogue severity, configurable per project. */
	public Class<? extends ConfigurableIssueCodesProvider> bindConfigurableIssueCodesProvider() {
		return ZknetIssueCodesProvider.class;
	}

	/** Parse and link errors carry the catalogue's codes everywhere (CLI, Maven, language server, Eclipse). */
	public Class<? extends IDiagnosticConverter> bindIDiagnosticConverter() {
		return CatalogueDiagnosticConverter.class;
	}

	/** Severities come from the project's zknet.properties. */
	public Class<? extends IPreferenceValuesProvider> bindIPreferenceValuesProvider() {
		return SettingsPreferenceValuesProvider.class;
	}
}
