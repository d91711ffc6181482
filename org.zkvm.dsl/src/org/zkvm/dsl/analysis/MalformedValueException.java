package org.zkvm.dsl.analysis;

/** A value written in a model that cannot mean anything; the message says what is expected. */
public class MalformedValueException extends IllegalArgumentException {
	private static final long serialVersionUID = 1L;

	public MalformedValueException(String message) {
		super(message);
	}
}
