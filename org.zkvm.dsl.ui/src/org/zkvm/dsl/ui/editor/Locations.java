package org.zkvm.dsl.ui.editor;

import java.net.URI;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Region;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.zkvm.dsl.ui.ZknetUiPlugin;

/** Opens a place the server names (a definition, an outline entry) in the .zknet editor and selects it. */
public final class Locations {

	private Locations() {
	}

	public static void open(Location location) {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		URI uri = URI.create(location.getUri());
		try {
			IFile[] files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(uri);
			IEditorPart editor = files.length > 0 ? IDE.openEditor(page, files[0]) : IDE.openEditorOnFileStore(page, EFS.getStore(uri));
			select(editor, location.getRange());
		} catch (CoreException e) {
			ZknetUiPlugin.error("zknet: could not open " + location.getUri(), e);
		}
	}

	public static void select(IEditorPart editor, Range range) {
		ITextEditor text = editor == null ? null : editor.getAdapter(ITextEditor.class);
		if (text == null) {
			return;
		}
		IDocument document = text.getDocumentProvider().getDocument(text.getEditorInput());
		Region region = Positions.region(document, range);
		text.selectAndReveal(region.getOffset(), region.getLength());
	}
}
