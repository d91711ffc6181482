package org.zkvm.dsl.validation;

import org.eclipse.xtext.preferences.PreferenceKey;
import org.eclipse.xtext.util.IAcceptor;
import org.eclipse.xtext.validation.ConfigurableIssueCodesProvider;
import org.eclipse.xtext.validation.SeverityConverter;

/** Makes every check's code configurable, with the catalogue's default severity. */
public class ZknetIssueCodesProvider extends ConfigurableIssueCodesProvider {

	@Override
	protected void initialize(IAcceptor<PreferenceKey> acceptor) {
		super.initialize(acceptor);
		IssueCodes.CONFIGURABLE.forEach((code, severity) -> acceptor.accept(create(code, switch (severity) {
			case ERROR -> SeverityConverter.SEVERITY_ERROR;
			case WARNING -> SeverityConverter.SEVERITY_WARNING;
			case INFO -> SeverityConverter.SEVERITY_INFO;
			default -> SeverityConverter.SEVERITY_IGNORE;
		})));
	}
}
