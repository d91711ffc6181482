package org.zkvm.dsl.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.headless.ModelDiagnostic;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.validation.IssueCodes;

/** The inputs the fuzz test and users found, each with the diagnostic it now gets instead of a failure. */
class BadInputTest {

	/** A name with an empty part between dots made Xtext's scoping throw (an import of an empty namespace); the other file's diagnostics were lost. */
	@ParameterizedTest
	@ValueSource(strings = { "cec \".\" { lpar A id 1 kvm { osa e device 0.0.f500 chpid 10 } }", "zvm \".\" { system S in Z }",
			"cec \"a..b\" { }", "cec \".a\" { }" })
	void aNameWithAnEmptyPartIsASyntaxError(String text) {
		LoadedModel model = Workspace.load(Map.of("a.zknet", text, "b.zknet", "network n 10.0.0.0/8\nnetwork n 10.1.0.0/16\n"));
		List<String> codes = model.diagnostics().stream().map(ModelDiagnostic::code).toList();
		assertTrue(model.diagnostics().stream().anyMatch(d -> d.file().endsWith("a.zknet") && d.code().equals(IssueCodes.SYNTAX)
				&& d.message().contains("has an empty part between dots")), () -> Workspace.describe(model.diagnostics()));
		assertTrue(model.diagnostics().stream().anyMatch(d -> d.file().endsWith("b.zknet")), "the other file is still checked: " + codes);
	}

	/** A lone CR as the last character broke Xtext's line counting inside the diagnostic conversion: the syntax error was dropped. */
	@ParameterizedTest
	@ValueSource(strings = { "network //\r", "network a 10.0.0.0/8 gateway\r" })
	void aLoneCarriageReturnAtTheEndKeepsTheSyntaxError(String text) {
		LoadedModel model = Workspace.load(text);
		List<ModelDiagnostic> errors = Workspace.errors(model);
		assertEquals(1, errors.size(), () -> Workspace.describe(model.diagnostics()));
		assertEquals(IssueCodes.SYNTAX, errors.get(0).code());
	}

	@Test
	void loneCarriageReturnsAreLineEnds() {
		LoadedModel model = Workspace.load("cec C {\r\tchpid 10 osd\r}\rnetwork x 10.0.0.0/8 mtu 1x\r");
		List<ModelDiagnostic> errors = Workspace.errors(model);
		assertEquals(1, errors.size(), () -> Workspace.describe(model.diagnostics()));
		assertEquals(4, errors.get(0).line(), errors.get(0).toString());
	}

	/** Files saved on Windows start with a byte-order mark; the whole file was lost to one syntax error. */
	@Test
	void aByteOrderMarkIsNotPartOfTheModel() {
		LoadedModel model = Workspace.load("\ufeffnetwork a 10.0.0.0/8\nnetwork b 10.0.0.0/8 mtu 99999x\n");
		List<ModelDiagnostic> errors = Workspace.errors(model);
		assertEquals(1, errors.size(), () -> Workspace.describe(model.diagnostics()));
		assertEquals(2, errors.get(0).line());
		assertEquals(1, errors.get(0).line() - 1, "the first line parses: " + errors.get(0));
		assertEquals("a", Workspace.all(model, org.zkvm.dsl.zknet.Network.class).get(0).getName());
	}

	/** Names become file and folder names: a 300-character LPAR name validated, then generation failed with 'File name too long'. */
	@Test
	void aNameTooLongForAFileNameIsAnError() {
		String name = "L".repeat(300);
		LoadedModel model = Workspace.load("cec C {\n\tlpar " + name + " id 1 kvm\n}\n");
		List<ModelDiagnostic> errors = Workspace.errors(model);
		assertEquals(1, errors.size(), () -> Workspace.describe(model.diagnostics()));
		assertEquals(IssueCodes.NAME_UNSAFE, errors.get(0).code());
		assertTrue(errors.get(0).message().contains("has 300 characters") && errors.get(0).message().contains("at most 64"), errors.get(0).message());
		assertTrue(Workspace.errors(Workspace.load("cec C {\n\tlpar " + "L".repeat(64) + " id 1 kvm\n}\n")).isEmpty(), "64 characters are fine");
	}
}
