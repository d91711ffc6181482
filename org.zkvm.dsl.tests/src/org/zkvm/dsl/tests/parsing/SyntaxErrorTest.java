package org.zkvm.dsl.tests.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.headless.ModelDiagnostic;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.zknet.Network;

/** Syntax errors are reported with line, column and a readable message, and parsing goes on. */
class SyntaxErrorTest {

	@Test
	void reportsEachErrorWhereItIsAndRecovers() {
		LoadedModel model = Workspace.load("""
				network a 10.0.0.0/8
				network b gateway 10.0.0.0/8
				cec X {
					chpid 10 osd
					lpar L id 7 kvm {
						osa eth0 device 0.0.f500 chpid 10 layer
					}
				}
				network c 172.16.0.0/12
				""");
		List<ModelDiagnostic> errors = Workspace.errors(model);
		// the subnet missing where 'gateway' stands (an IPv4 or IPv6 subnet may start there), then the
		// gateway the parser read after recovering, which is a prefix and no address
		assertEquals(3, errors.size(), Workspace.describe(errors));

		ModelDiagnostic missingCidr = errors.get(0);
		assertEquals("syntax", missingCidr.code());
		assertEquals(2, missingCidr.line());
		assertEquals(11, missingCidr.column());
		assertTrue(missingCidr.message().contains("'gateway'"), missingCidr.message());
		assertTrue(errors.get(1).message().contains("a gateway is a single address"), errors.get(1).message());

		ModelDiagnostic missingLayer = errors.get(2);
		assertEquals("syntax", missingLayer.code());
		assertEquals(7, missingLayer.line());
		assertTrue(missingLayer.message().contains("a number"), missingLayer.message());

		// recovery: what follows the errors is still in the model
		assertEquals(List.of("a", "b", "c"), Workspace.all(model, Network.class).stream().map(Network::getName).toList());
	}

	@Test
	void anUnclosedBlockIsReportedAtTheEndOfTheFile() {
		LoadedModel model = Workspace.load("cec X {\n\tchpid 10 osd\n");
		List<ModelDiagnostic> errors = Workspace.errors(model);
		assertEquals(1, errors.size(), Workspace.describe(errors));
		assertEquals("syntax", errors.get(0).code());
		assertTrue(errors.get(0).message().contains("the end of the file") || errors.get(0).message().contains("'}'"), errors.get(0).message());
	}

	@Test
	void garbageIsASyntaxErrorNotACrash() {
		LoadedModel model = Workspace.load("\u0000\u00ff%%% ]]] cec ((( \n\t@@@");
		assertTrue(Workspace.errors(model).stream().allMatch(d -> d.code().equals("syntax")), Workspace.describe(model.diagnostics()));
		assertTrue(!Workspace.errors(model).isEmpty());
	}

	@Test
	void anEmptyFileIsAnEmptyModel() {
		LoadedModel model = Workspace.load("");
		assertEquals(List.of(), model.diagnostics());
	}
}
