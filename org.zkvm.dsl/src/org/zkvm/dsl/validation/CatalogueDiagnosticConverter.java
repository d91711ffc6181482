package org.zkvm.dsl.validation;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.util.IAcceptor;
import org.eclipse.xtext.validation.DiagnosticConverterImpl;
import org.eclipse.xtext.validation.Issue;

/**
 * Gives parse and link errors the catalogue's codes ({@link IssueCodes#SYNTAX}, {@link IssueCodes#LINK})
 * instead of Xtext's internal ones, so that the command line, Maven, the language server and Eclipse
 * all report the codes docs/checks.md lists.
 */
public class CatalogueDiagnosticConverter extends DiagnosticConverterImpl {

	@Override
	public void convertResourceDiagnostic(Resource.Diagnostic diagnostic, Severity severity, IAcceptor<Issue> acceptor) {
		super.convertResourceDiagnostic(diagnostic, severity, issue -> {
			if (issue instanceof Issue.IssueImpl impl) {
				impl.setCode(catalogueCode(issue));
			}
			acceptor.accept(issue);
		});
	}

	/** The catalogue's code of an issue: Xtext's own codes mapped, zknet's codes unchanged. */
	public static String catalogueCode(Issue issue) {
		String code = issue.getCode();
		if (code == null || Diagnostic.SYNTAX_DIAGNOSTIC.equals(code) || issue.isSyntaxError()) {
			return IssueCodes.SYNTAX;
		}
		if (Diagnostic.LINKING_DIAGNOSTIC.equals(code)) {
			return IssueCodes.LINK;
		}
		return code;
	}
}
