package org.zkvm.dsl.generator;

/**
 * The first line of every generated file, without the comment marker its format needs: what the
 * file is, the model file it comes from, where in the model, and that it is not edited by hand.
 */
public final class Header {
	private Header() {
	}

	public static String line(String what, String source) {
		return "zknet: " + what + ", generated from " + source + ". Do not edit: change the model.";
	}

	/** With the element the file is generated for, e.g. 'lpar Z16B.RH1'. */
	public static String line(String what, String source, String scope) {
		return line(what, source + " (" + scope + ")");
	}
}
