package org.zkvm.dsl.tests.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.headless.ModelDiagnostic;
import org.zkvm.dsl.headless.ModelDiagnostic.Severity;
import org.zkvm.dsl.tests.Workspace;

/** zknet.properties changes the severities of a project's checks; what it cannot use is reported. */
class SeveritySettingsTest {

	private static final String IUCV = """
			zvm VM {
				system SYS1
				guest L1 on SYS1
				guest L2 on SYS1
				iucv iucv0 L1 <-> L2 mtu 9000
			}
			""";

	private static List<ModelDiagnostic> withCode(LoadedModel model, String code) {
		return model.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
	}

	@Test
	void defaultSeverityWithoutSettings() {
		LoadedModel model = Workspace.load(Map.of("m.zknet", IUCV));
		assertEquals(Severity.WARNING, withCode(model, "iucv.legacy").get(0).severity());
	}

	@Test
	void aProjectRaisesASeverity() {
		LoadedModel model = Workspace.load(Map.of("m.zknet", IUCV, "zknet.properties", "# site rules\nseverity.iucv.legacy = error\n"));
		assertEquals(Severity.ERROR, withCode(model, "iucv.legacy").get(0).severity());
		assertTrue(model.hasErrors());
	}

	@Test
	void settingsInAFolderAboveApply() {
		LoadedModel model = Workspace.load(Map.of("site/a/m.zknet", IUCV, "site/zknet.properties", "severity.iucv.legacy=info"));
		assertEquals(Severity.INFO, withCode(model, "iucv.legacy").get(0).severity());
	}

	@Test
	void ignoreSilencesACheck() {
		LoadedModel model = Workspace.load(Map.of("m.zknet", IUCV, "zknet.properties", "severity.iucv.legacy = ignore"));
		assertEquals(List.of(), model.diagnostics());
	}

	@Test
	void unknownCodesAndSeveritiesAreReportedOnceAtTheirLine() {
		LoadedModel model = Workspace.load(Map.of("a.zknet", IUCV, "b.zknet", IUCV.replace("VM {", "VM2 {"),
				"zknet.properties", "severity.iucv.legacy = warning\nseverity.arp.nonsense = error\nseverity.mtu.range = fatal\ncolour = blue\n"));
		List<ModelDiagnostic> settings = withCode(model, "settings");
		assertEquals(3, settings.size(), Workspace.describe(model.diagnostics()));
		assertEquals("zknet.properties", java.nio.file.Path.of(settings.get(0).file()).getFileName().toString());
		assertEquals(List.of(2, 3, 4), settings.stream().map(ModelDiagnostic::line).toList());
		assertTrue(settings.get(0).message().contains("unknown issue code 'arp.nonsense'"));
		assertTrue(settings.get(1).message().contains("'fatal'"));
		assertTrue(settings.get(2).message().contains("unknown setting 'colour'"));
		assertTrue(settings.stream().allMatch(d -> d.severity() == Severity.ERROR));
		assertEquals(Severity.WARNING, withCode(model, "iucv.legacy").get(0).severity(), "the valid lines still apply");
	}
}
