package org.zkvm.dsl.ui.editor;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;
import org.zkvm.dsl.ui.server.EmbeddedLanguageServer;

/** Format zknet Model (Ctrl+Shift+F): the language's formatter, as 'Format Document' in VS Code. */
public class FormatHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IEditorPart editor = HandlerUtil.getActiveEditor(event);
		ITextEditor text = editor == null ? null : editor.getAdapter(ITextEditor.class);
		if (text == null) {
			return null;
		}
		format(text.getDocumentProvider().getDocument(text.getEditorInput()));
		return null;
	}

	/** Formats a document that is open in a zknet editor; false when it is not one. */
	public static boolean format(IDocument document) throws ExecutionException {
		ZknetDocument zknet = ZknetDocument.of(document);
		if (zknet == null) {
			return false;
		}
		DocumentFormattingParams params = new DocumentFormattingParams(new TextDocumentIdentifier(zknet.uri()), new FormattingOptions(4, false));
		try {
			List<? extends TextEdit> edits = zknet.server().requests().formatting(params)
					.get(EmbeddedLanguageServer.UI_WAIT_MILLIS, TimeUnit.MILLISECONDS);
			if (edits != null && !edits.isEmpty()) {
				DocumentEdits.apply(document, edits);
			}
			return true;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		} catch (Exception e) {
			throw new ExecutionException("zknet: the model could not be formatted: " + e.getMessage(), e);
		}
	}
}
