package org.zkvm.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.TextInvocationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zkvm.dsl.ui.editor.ZknetAnnotation;
import org.zkvm.dsl.ui.quickfix.ZknetQuickAssistProcessor;

/** Pitfall models in a real workbench: the builder's markers, the editor's annotations and the quick fixes of both. */
class MarkersAndQuickFixesTest {

	@AfterEach
	void closeEditors() {
		Ui.page().closeAllEditors(false);
	}

	@Test
	void aPitfallModelGetsAMarkerWithItsCodeAndTheEditorShowsIt() throws Exception {
		IProject project = Ui.project("pitfall");
		IFile file = Ui.write(project, "arp.same-subnet.zknet", Ui.example("pitfalls/arp.same-subnet.zknet"));
		Ui.waitForBuild();

		List<IMarker> markers = Ui.markers(file, "arp.same-subnet");
		assertEquals(1, markers.size(), "markers: " + Ui.markers(file));
		IMarker marker = markers.get(0);
		assertEquals(20, marker.getAttribute(IMarker.LINE_NUMBER, -1));
		assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1));
		assertTrue(marker.getAttribute(IMarker.MESSAGE, "").endsWith("[arp.same-subnet]"), marker.getAttribute(IMarker.MESSAGE, ""));

		ITextEditor editor = Ui.open(file);
		assertEquals("org.eclipse.ui.genericeditor.GenericEditor", editor.getSite().getId());
		ISourceViewer viewer = Ui.viewer(editor);
		Ui.waitUntil("the editor's arp.same-subnet annotation",
				() -> Ui.annotations(viewer).stream().anyMatch(a -> "arp.same-subnet".equals(a.code())));
		ZknetAnnotation annotation = Ui.annotations(viewer).stream().filter(a -> "arp.same-subnet".equals(a.code())).findFirst().orElseThrow();
		Position position = viewer.getAnnotationModel().getPosition(annotation);
		IDocument document = viewer.getDocument();
		assertEquals(19, document.getLineOfOffset(position.getOffset()), "on line 20");
		assertEquals(marker.getAttribute(IMarker.CHAR_START, -1), position.getOffset());
		// the builder's marker steps back while the editor shows the live diagnostic: nothing shows twice
		Ui.waitUntil("the marker's annotation to be hidden", () -> {
			for (var it = viewer.getAnnotationModel().getAnnotationIterator(); it.hasNext();) {
				if (it.next() instanceof MarkerAnnotation markerAnnotation && !markerAnnotation.isMarkedDeleted()) {
					return false;
				}
			}
			return true;
		});
	}

	@Test
	void theEditorsQuickFixChangesTheTextAndSavingClearsTheMarker() throws Exception {
		IProject project = Ui.project("quickfix");
		IFile file = Ui.write(project, "mtu.guest-bridge.zknet", Ui.example("pitfalls/mtu.guest-bridge.zknet"));
		Ui.waitForBuild();
		assertEquals(1, Ui.markers(file, "mtu.guest-bridge").size(), "markers: " + Ui.markers(file));

		ITextEditor editor = Ui.open(file);
		ISourceViewer viewer = Ui.viewer(editor);
		Ui.waitUntil("the mtu.guest-bridge annotation", () -> Ui.annotations(viewer).stream().anyMatch(a -> "mtu.guest-bridge".equals(a.code())));
		ZknetAnnotation annotation = Ui.annotations(viewer).stream().filter(a -> "mtu.guest-bridge".equals(a.code())).findFirst().orElseThrow();
		int offset = viewer.getAnnotationModel().getPosition(annotation).getOffset();
		assertTrue(new ZknetQuickAssistProcessor().canFix(annotation));
		assertEquals(1, Ui.annotations(viewer).stream().filter(a -> "mtu.guest-bridge".equals(a.code())).count(), "one annotation per problem");
		// the open file's marker offers nothing: the editor's fix is the one to use
		IMarker stale = Ui.markers(file, "mtu.guest-bridge").get(0);
		assertEquals(0, IDE.getMarkerHelpRegistry().getResolutions(stale).length);

		// Ctrl+1 in the editor: the Generic Editor's quick assist popup lists the provider's fix
		Ui.page().showView(org.eclipse.ui.IPageLayout.ID_PROBLEM_VIEW);
		Ui.page().activate(editor);
		editor.selectAndReveal(offset, 0);
		Ui.settle(500);
		assertEquals(offset, viewer.getSelectedRange().x);
		((ITextOperationTarget) viewer).doOperation(ISourceViewer.QUICK_ASSIST);
		String title = "Align the guest MTU to the bridge";
		Ui.waitUntil("the quick fix popup", () -> popupItems().contains(title));
		Ui.settle(1000);
		assertEquals(1, popupItems().stream().filter(title::equals).count(), "listed once: " + popupItems());
		Ui.screenshot("editor-quick-fix");
		closePopups();

		ICompletionProposal[] proposals = new ZknetQuickAssistProcessor().computeQuickAssistProposals(new TextInvocationContext(viewer, offset, 0));
		ICompletionProposal fix = Arrays.stream(proposals).filter(p -> title.equals(p.getDisplayString())).findFirst()
				.orElseThrow(() -> new AssertionError("proposals: " + Arrays.stream(proposals).map(ICompletionProposal::getDisplayString).toList()));
		fix.apply(viewer.getDocument());
		assertTrue(viewer.getDocument().get().contains("nic eth0 on br-ex mtu 57344 address 10.136.11.1/24"), viewer.getDocument().get());
		assertTrue(editor.isDirty());
		Ui.waitUntil("the annotation to go", () -> Ui.annotations(viewer).stream().noneMatch(a -> "mtu.guest-bridge".equals(a.code())));
		assertEquals(1, Ui.markers(file, "mtu.guest-bridge").size(), "the saved file still has the problem");

		editor.doSave(null);
		Ui.waitForBuild();
		assertEquals(List.of(), Ui.markers(file, "mtu.guest-bridge"));
		assertTrue(Ui.read(file).contains("mtu 57344 address 10.136.11.1/24"));
	}

	@Test
	void aMarkersQuickFixFromTheProblemsViewChangesTheFileAndTheMarkerGoes() throws Exception {
		IProject project = Ui.project("markerfix");
		IFile file = Ui.write(project, "mtu.range.zknet", Ui.example("pitfalls/mtu.range.zknet"));
		Ui.waitForBuild();
		List<IMarker> markers = Ui.markers(file, "mtu.range");
		assertEquals(1, markers.size(), "markers: " + Ui.markers(file));

		assertTrue(IDE.getMarkerHelpRegistry().hasResolutions(markers.get(0)));
		IMarkerResolution[] resolutions = IDE.getMarkerHelpRegistry().getResolutions(markers.get(0));
		IMarkerResolution clamp = Arrays.stream(resolutions).filter(r -> r.getLabel().equals("Set the largest MTU the device allows")).findFirst()
				.orElseThrow(() -> new AssertionError("resolutions: " + Arrays.stream(resolutions).map(IMarkerResolution::getLabel).toList()));
		clamp.run(markers.get(0));

		assertTrue(Ui.read(file).contains("layer 3 mtu 8992 address"), Ui.read(file));
		Ui.waitForBuild();
		assertEquals(List.of(), Ui.markers(file, "mtu.range"));
	}

	@Test
	void aMarkerWithoutAFixOffersNone() throws Exception {
		IProject project = Ui.project("nofix");
		IFile file = Ui.write(project, "broken.zknet", "cec X model z16 {\n\tlpar\n}\n");
		Ui.waitForBuild();
		List<IMarker> syntax = Ui.markers(file, "syntax");
		assertFalse(syntax.isEmpty(), "markers: " + Ui.markers(file));
		assertFalse(IDE.getMarkerHelpRegistry().hasResolutions(syntax.get(0)));
	}

	private static List<String> popupItems() {
		List<String> items = new java.util.ArrayList<>();
		for (Shell shell : Display.getCurrent().getShells()) { // every shell, popups included
			collect(shell, items);
		}
		return items;
	}

	private static void collect(org.eclipse.swt.widgets.Control control, List<String> items) {
		if (control instanceof Table table) {
			for (TableItem item : table.getItems()) {
				items.add(item.getText());
			}
		}
		if (control instanceof org.eclipse.swt.widgets.Composite composite) {
			for (var child : composite.getChildren()) {
				collect(child, items);
			}
		}
	}

	private static void closePopups() {
		Shell workbench = Ui.page().getWorkbenchWindow().getShell();
		for (Shell shell : Display.getCurrent().getShells()) {
			if (shell != workbench && !shell.isDisposed()) {
				shell.close();
			}
		}
		assertNotNull(workbench);
	}
}
