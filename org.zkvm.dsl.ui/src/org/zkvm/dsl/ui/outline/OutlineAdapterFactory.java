package org.zkvm.dsl.ui.outline;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.zkvm.dsl.ui.editor.ZknetDocument;

/** Gives a text editor showing a .zknet model an outline page; other editors are left alone. */
public class OutlineAdapterFactory implements IAdapterFactory {

	@Override
	public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
		if (adapterType != IContentOutlinePage.class || !(adaptable instanceof ITextEditor editor)
				|| editor.getDocumentProvider() == null) {
			return null;
		}
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		ZknetDocument zknet = ZknetDocument.of(document);
		return zknet == null ? null : adapterType.cast(new ZknetOutlinePage(editor, zknet));
	}

	@Override
	public Class<?>[] getAdapterList() {
		return new Class<?>[] { IContentOutlinePage.class };
	}
}
