package org.zkvm.dsl.ui.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentRewriteSession;
import org.eclipse.jface.text.DocumentRewriteSessionType;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.jface.text.Region;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/** Applies the server's text edits to documents: open editors' documents in place, other files through their file buffers (saved). */
public final class DocumentEdits {

	private DocumentEdits() {
	}

	/** Applies edits that refer to one version of the document, last first so that earlier offsets stay valid. */
	public static void apply(IDocument document, List<? extends TextEdit> edits) throws BadLocationException {
		record Change(int offset, int length, String text) {
		}
		List<Change> changes = new ArrayList<>();
		for (TextEdit edit : edits) {
			Region region = Positions.region(document, edit.getRange());
			changes.add(new Change(region.getOffset(), region.getLength(), edit.getNewText()));
		}
		changes.sort(Comparator.comparingInt(Change::offset).reversed());
		DocumentRewriteSession session = document instanceof IDocumentExtension4 extension
				? extension.startRewriteSession(DocumentRewriteSessionType.UNRESTRICTED_SMALL) : null;
		try {
			for (Change change : changes) {
				document.replace(change.offset(), change.length(), change.text());
			}
		} finally {
			if (session != null) {
				((IDocumentExtension4) document).stopRewriteSession(session);
			}
		}
	}

	/** Applies a workspace edit; files not open in an editor are changed and saved. */
	public static void apply(WorkspaceEdit edit) throws CoreException, BadLocationException {
		Map<String, List<TextEdit>> byUri = new LinkedHashMap<>();
		if (edit.getChanges() != null) {
			edit.getChanges().forEach((uri, edits) -> byUri.computeIfAbsent(uri, u -> new ArrayList<>()).addAll(edits));
		}
		if (edit.getDocumentChanges() != null) {
			for (var change : edit.getDocumentChanges()) {
				if (change.isLeft()) {
					TextDocumentEdit documentEdit = change.getLeft();
					List<TextEdit> edits = byUri.computeIfAbsent(documentEdit.getTextDocument().getUri(), u -> new ArrayList<>());
					documentEdit.getEdits().forEach(either -> edits.add(either.isLeft() ? either.getLeft()
							: new TextEdit(either.getRight().getRange(), either.getRight().getSnippet().getValue())));
				}
			}
		}
		for (Map.Entry<String, List<TextEdit>> entry : byUri.entrySet()) {
			ZknetDocument open = ZknetDocument.ofUri(entry.getKey());
			if (open != null) {
				apply(open.document(), entry.getValue());
			} else {
				applyToFile(entry.getKey(), entry.getValue());
			}
		}
	}

	private static void applyToFile(String uri, List<TextEdit> edits) throws CoreException, BadLocationException {
		IFile[] files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(java.net.URI.create(uri));
		if (files.length == 0) {
			throw new CoreException(org.eclipse.core.runtime.Status.error("zknet: " + uri + " is not in the workspace; the fix was not applied"));
		}
		ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
		var path = files[0].getFullPath();
		manager.connect(path, LocationKind.IFILE, new NullProgressMonitor());
		try {
			ITextFileBuffer buffer = manager.getTextFileBuffer(path, LocationKind.IFILE);
			apply(buffer.getDocument(), edits);
			buffer.commit(new NullProgressMonitor(), true);
		} finally {
			manager.disconnect(path, LocationKind.IFILE, new NullProgressMonitor());
		}
	}
}
