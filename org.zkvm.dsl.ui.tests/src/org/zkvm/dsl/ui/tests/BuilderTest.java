package org.zkvm.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zkvm.dsl.ui.builder.ZknetNature;
import org.zkvm.dsl.ui.wizard.NewModelWizard;

/** The project builder: saving models generates src-gen/ as a whole, errors leave it alone, deleted models take their files along. */
class BuilderTest {

	@AfterEach
	void closeEditors() {
		Ui.page().closeAllEditors(false);
	}

	@Test
	void savingAModelInTheEditorRegeneratesItsConfiguration() throws Exception {
		IProject project = Ui.project("generate");
		Ui.write(project, "networks.zknet", Ui.example("seed-network/networks.zknet"));
		Ui.write(project, "workloads.zknet", Ui.example("seed-network/workloads.zknet"));
		IFile hosts = Ui.write(project, "z13a.zknet", Ui.example("seed-network/z13a.zknet"));
		Ui.waitForBuild();

		IFolder output = project.getFolder("src-gen");
		assertTrue(output.getFile(".zknet-output").exists(), "src-gen/ is zknet's output");
		assertTrue(output.isDerived());
		IFile setup = output.getFile("Z13A/LPAR11/setup.sh");
		assertTrue(setup.exists());
		assertTrue(output.getFolder("report").exists());
		assertTrue(Ui.read(setup).contains("o5s_10g_1"));
		assertFalse(Ui.read(setup).contains("o5s_10g_9"));

		// rename the interface in the editor and save: the generated script follows
		ITextEditor editor = Ui.open(hosts);
		IDocument document = Ui.viewer(editor).getDocument();
		document.set(document.get().replace("o5s_10g_1", "o5s_10g_9"));
		editor.doSave(null);
		Ui.waitForBuild();
		assertEquals(List.of(), errors(project));
		assertTrue(Ui.read(setup).contains("o5s_10g_9"), "setup.sh was regenerated");
		assertFalse(Ui.read(setup).contains("o5s_10g_1"));
	}

	@Test
	void aModelWithErrorsLeavesTheOutputAsItWasAndADeletedModelTakesItsFilesAlong() throws Exception {
		IProject project = Ui.project("lifecycle");
		Ui.write(project, "networks.zknet", Ui.example("seed-network/networks.zknet"));
		Ui.write(project, "workloads.zknet", Ui.example("seed-network/workloads.zknet"));
		Ui.write(project, "z13a.zknet", Ui.example("seed-network/z13a.zknet"));
		IFile starter = Ui.write(project, "lab.zknet", """
				network lab 192.168.0.0/16

				cec CEC1 model z16 {
					chpid 10 osd devices F500-F51F

					lpar KVM1 id 1 kvm distro rhel {
						osa enc_f500 device 0.0.f500 chpid 10 layer 2 mtu 8992 address 192.168.1.254/16 in lab
					}
				}
				""");
		Ui.waitForBuild();
		assertEquals(List.of(), errors(project));
		IFolder output = project.getFolder("src-gen");
		IFile kvm1 = output.getFile("CEC1/KVM1/setup.sh");
		assertTrue(kvm1.exists(), "the starter's host is generated");
		String before = Ui.read(kvm1);

		Ui.write(project, "lab.zknet", Ui.read(starter).replace("in lab", "in lab mtu"));
		Ui.waitForBuild();
		assertFalse(errors(project).isEmpty());
		assertEquals(before, Ui.read(kvm1), "a model with errors generates nothing");

		starter.delete(true, null);
		Ui.waitForBuild();
		assertEquals(List.of(), errors(project));
		assertFalse(output.getFolder("CEC1").exists(), "the deleted model's files are gone");
		assertTrue(output.getFile("Z13A/LPAR11/setup.sh").exists(), "the other models' files stay");
	}

	@Test
	void theNewModelWizardCreatesAStarterWithoutProblemsAndTurnsTheBuilderOn() throws Exception {
		IProject project = Ui.plainProject("wizard");
		assertFalse(project.hasNature(ZknetNature.ID));
		NewModelWizard wizard = new NewModelWizard();
		wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
		WizardDialog dialog = new WizardDialog(Ui.page().getWorkbenchWindow().getShell(), wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			WizardNewFileCreationPage page = (WizardNewFileCreationPage) wizard.getPages()[0];
			assertEquals("network.zknet", page.getFileName());
			assertEquals(project.getFullPath(), page.getContainerFullPath());
			assertTrue(wizard.performFinish());
		} finally {
			dialog.close();
		}
		IFile model = project.getFile("network.zknet");
		assertTrue(model.exists());
		assertEquals(starterModel(), Ui.read(model));
		assertTrue(project.hasNature(ZknetNature.ID));
		Ui.waitForBuild();
		assertEquals(List.of(), Ui.markers(project));
		assertTrue(project.getFile("src-gen/CEC1/KVM1/setup.sh").exists());
		assertEquals("network.zknet", Ui.page().getActiveEditor().getEditorInput().getName());
	}

	private static String starterModel() throws Exception {
		try (InputStream in = NewModelWizard.starter()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static List<String> errors(IProject project) throws Exception {
		return Ui.markers(project).stream().filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR)
				.map(m -> m.getResource().getName() + ":" + m.getAttribute(IMarker.LINE_NUMBER, -1) + " " + m.getAttribute(IMarker.MESSAGE, "")).toList();
	}
}
