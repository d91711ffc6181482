package org.zkvm.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zkvm.dsl.ui.editor.FormatHandler;
import org.zkvm.dsl.ui.editor.ZknetContentAssistProcessor;
import org.zkvm.dsl.ui.editor.ZknetDocument;
import org.zkvm.dsl.ui.editor.ZknetHyperlinkDetector;
import org.zkvm.dsl.ui.editor.ZknetTextHover;
import org.zkvm.dsl.ui.outline.ZknetOutlinePage;

/** The seed network in a real workbench: content assist, hover, hyperlinks across files, the outline and formatting. */
class EditorServicesTest {

	private IProject project;
	private IFile hosts;

	@BeforeEach
	void seedNetwork() throws Exception {
		project = Ui.project("seed-network");
		Ui.write(project, "networks.zknet", Ui.example("seed-network/networks.zknet"));
		Ui.write(project, "workloads.zknet", Ui.example("seed-network/workloads.zknet"));
		hosts = Ui.write(project, "z13a.zknet", Ui.example("seed-network/z13a.zknet"));
		Ui.waitForBuild();
	}

	@AfterEach
	void closeEditors() {
		Ui.page().closeAllEditors(false);
	}

	private ISourceViewer openHosts() throws Exception {
		ITextEditor editor = Ui.open(hosts);
		ISourceViewer viewer = Ui.viewer(editor);
		Ui.waitUntil("the server to check z13a.zknet", () -> {
			ZknetDocument document = ZknetDocument.of(viewer.getDocument());
			return document != null && document.checks() > 0;
		});
		assertEquals(List.of(), Ui.annotations(viewer), "the seed network has no problems");
		return viewer;
	}

	private static int after(IDocument document, String text) {
		int at = document.get().indexOf(text);
		assertTrue(at >= 0, "not in the document: " + text);
		return at + text.length();
	}

	@Test
	void contentAssistProposesNamesFromOtherFilesAndKeywords() throws Exception {
		ISourceViewer viewer = openHosts();
		IDocument document = viewer.getDocument();
		int reference = after(document, "address 10.131.11.254/8 in ");
		List<String> names = proposals(viewer, reference);
		// the networks are declared in networks.zknet, not in z13a.zknet
		assertTrue(names.stream().anyMatch(n -> n.startsWith("production")), "proposals: " + names);
		assertTrue(names.stream().anyMatch(n -> n.startsWith("intranet")), "proposals: " + names);
		assertFalse(document.get().contains("network production"));

		document.replace(document.getLength(), 0, "\n");
		List<String> keywords = proposals(viewer, document.getLength());
		assertTrue(keywords.stream().anyMatch(n -> n.startsWith("cec")), "proposals: " + keywords);
		assertTrue(keywords.stream().anyMatch(n -> n.startsWith("network")), "proposals: " + keywords);
	}

	private static List<String> proposals(ISourceViewer viewer, int offset) {
		ZknetContentAssistProcessor processor = new ZknetContentAssistProcessor();
		ICompletionProposal[] proposals = processor.computeCompletionProposals(viewer, offset);
		assertEquals(null, processor.getErrorMessage(), "content assist reports no error");
		return Arrays.stream(proposals).map(ICompletionProposal::getDisplayString).toList();
	}

	@Test
	void hoverDescribesTheNameUnderTheMouse() throws Exception {
		ISourceViewer viewer = openHosts();
		int reference = after(viewer.getDocument(), "address 10.131.11.254/8 in ") + 2;
		String hover = new ZknetTextHover().getHoverInfo(viewer, new Region(reference, 0));
		assertNotNull(hover);
		assertTrue(hover.contains("production"), hover);
		assertTrue(hover.contains("10.0.0.0/8"), hover);
	}

	@Test
	void aHyperlinkOpensTheDefinitionInAnotherFile() throws Exception {
		ISourceViewer viewer = openHosts();
		int reference = after(viewer.getDocument(), "address 10.131.11.254/8 in ") + 2;
		ZknetHyperlinkDetector detector = new ZknetHyperlinkDetector();
		IHyperlink[] links = detector.detectHyperlinks(viewer, new Region(reference, 0), false);
		assertNotNull(links, "no hyperlink at the network reference");
		assertEquals("production", viewer.getDocument().get(links[0].getHyperlinkRegion().getOffset(), links[0].getHyperlinkRegion().getLength()));
		links[0].open();
		IEditorPart active = Ui.page().getActiveEditor();
		assertEquals("networks.zknet", active.getEditorInput().getName());
		ITextSelection selection = (ITextSelection) ((ITextEditor) active).getSelectionProvider().getSelection();
		assertEquals("production", selection.getText());
	}

	@Test
	void theOutlineShowsTheModelsStructure() throws Exception {
		openHosts();
		ContentOutline outline = (ContentOutline) Ui.page().showView(IPageLayout.ID_OUTLINE);
		Ui.waitUntil("the zknet outline page", () -> outline.getCurrentPage() instanceof ZknetOutlinePage page
				&& page.getControl() != null && ((org.eclipse.swt.widgets.Tree) page.getControl()).getItemCount() > 0);
		org.eclipse.swt.widgets.Tree tree = (org.eclipse.swt.widgets.Tree) outline.getCurrentPage().getControl();
		TreeItem cec = tree.getItem(0);
		assertTrue(cec.getText().startsWith("Z13A"), cec.getText());
		List<String> children = Arrays.stream(cec.getItems()).map(TreeItem::getText).toList();
		assertTrue(children.stream().anyMatch(c -> c.startsWith("Z13A.LPAR11 : kvm")), "children: " + children);
		assertTrue(children.stream().anyMatch(c -> c.startsWith("Z13A.LPAR12 : kvm")), "children: " + children);
		assertTrue(children.stream().anyMatch(c -> c.startsWith("Z13A.ZOS1 : zos")), "children: " + children);
		Ui.screenshot("editor-outline");
	}

	@Test
	void formattingIndentsAModel() throws Exception {
		IFile messy = Ui.write(project, "messy.zknet", "network lab 192.168.0.0/24\ncec LAB model z16 {\nchpid 10 osd devices F500-F51F\n}\n");
		Ui.waitForBuild();
		ITextEditor editor = Ui.open(messy);
		IDocument document = Ui.viewer(editor).getDocument();
		Ui.waitUntil("the document to open in the server", () -> ZknetDocument.of(document) != null);
		assertTrue(FormatHandler.format(document));
		assertTrue(document.get().contains("{\n\tchpid 10 osd devices F500-F51F\n}"), document.get());
	}
}
