package org.zkvm.dsl.ui.editor;

import org.eclipse.jface.text.source.Annotation;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;

/** A diagnostic of the language server shown while typing, with the editor's standard error, warning and info looks. */
public final class ZknetAnnotation extends Annotation {

	public static final String ERROR = "org.eclipse.ui.workbench.texteditor.error";
	public static final String WARNING = "org.eclipse.ui.workbench.texteditor.warning";
	public static final String INFO = "org.eclipse.ui.workbench.texteditor.info";

	private final Diagnostic diagnostic;

	public ZknetAnnotation(Diagnostic diagnostic) {
		super(type(diagnostic.getSeverity()), false, text(diagnostic));
		this.diagnostic = diagnostic;
	}

	public Diagnostic diagnostic() {
		return diagnostic;
	}

	/** The catalogue code (docs/checks.md), e.g. arp.same-subnet; null for none. */
	public String code() {
		return diagnostic.getCode() == null ? null : diagnostic.getCode().isLeft() ? diagnostic.getCode().getLeft()
				: String.valueOf(diagnostic.getCode().getRight());
	}

	private static String type(DiagnosticSeverity severity) {
		if (severity == null) {
			return ERROR;
		}
		return switch (severity) {
			case Error -> ERROR;
			case Warning -> WARNING;
			default -> INFO;
		};
	}

	static String text(Diagnostic diagnostic) {
		String code = diagnostic.getCode() == null ? null : diagnostic.getCode().isLeft() ? diagnostic.getCode().getLeft() : null;
		return code == null ? message(diagnostic) : message(diagnostic) + " [" + code + "]";
	}

	static String message(Diagnostic diagnostic) {
		return diagnostic.getMessage() == null ? "" : diagnostic.getMessage().isLeft() ? diagnostic.getMessage().getLeft()
				: diagnostic.getMessage().getRight().getValue();
	}
}
