package org.zkvm.dsl.validation;

/**
 * Every diagnostic code zknet reports, in one place. The codes are stable: users see them in
 * every diagnostic and use them to change severities per project. The catalogue with the rules
 * behind the codes is docs/checks.md.
 */
public final class IssueCodes {
	private IssueCodes() {
	}

	/** The file does not parse, or a value in it is malformed (bad address, chpid id, size ...). */
	public static final String SYNTAX = "syntax";
	/** A reference names nothing visible. */
	public static final String LINK = "link";
	/** Two elements of the same kind with the same qualified name. */
	public static final String DUPLICATE_NAME = "name.duplicate";
}
