package org.zkvm.dsl.ide.lab;

/** A step of the lab that failed, said in one line: the command and what it printed. */
public class LabException extends Exception {

	private static final long serialVersionUID = 1L;

	public LabException(String message) {
		super(message);
	}
}
