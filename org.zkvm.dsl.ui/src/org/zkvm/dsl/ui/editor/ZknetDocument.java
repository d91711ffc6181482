package org.zkvm.dsl.ui.editor;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.lsp4j.Diagnostic;
import org.zkvm.dsl.ui.ZknetUiPlugin;
import org.zkvm.dsl.ui.server.EmbeddedLanguageServer;

/**
 * An editor's document as the language server knows it: opened under its file's URI, every change
 * sent as it happens, closed with the editor. Listeners hear when the server has checked it again.
 */
public final class ZknetDocument implements IDocumentListener {

	private static final Map<IDocument, ZknetDocument> OPEN = new ConcurrentHashMap<>();

	private final IDocument document;
	private final String uri;
	private final IFile file;
	private final EmbeddedLanguageServer server;
	private final List<Runnable> checkedListeners = new CopyOnWriteArrayList<>();
	private AutoCloseable subscription;
	private volatile List<Diagnostic> diagnostics = List.of();
	private final java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();
	private int connections;

	private ZknetDocument(IDocument document, String uri, IFile file, EmbeddedLanguageServer server) {
		this.document = document;
		this.uri = uri;
		this.file = file;
		this.server = server;
	}

	/** The open zknet document behind an editor's document; null when it is none (another editor, a compare viewer). */
	public static ZknetDocument of(IDocument document) {
		return document == null ? null : OPEN.get(document);
	}

	/** All open zknet documents. */
	public static java.util.Collection<ZknetDocument> all() {
		return OPEN.values();
	}

	/** The open document of a file's URI; null when no editor has it. */
	public static ZknetDocument ofUri(String uri) {
		return OPEN.values().stream().filter(d -> d.uri.equals(uri)).findFirst().orElse(null);
	}

	/** Opens the document in the server (once, however many viewers show it); null when it is not a file's document. */
	static synchronized ZknetDocument connect(IDocument document) {
		ZknetDocument existing = OPEN.get(document);
		if (existing != null) {
			existing.connections++;
			return existing;
		}
		ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
		if (buffer == null || buffer.getFileStore() == null) {
			return null;
		}
		IFile file = buffer.getLocation() == null ? null : ResourcesPlugin.getWorkspace().getRoot().getFile(buffer.getLocation());
		java.net.URI location = file != null && file.getLocationURI() != null ? file.getLocationURI() : buffer.getFileStore().toURI();
		EmbeddedLanguageServer server = ZknetUiPlugin.get().server();
		ZknetDocument opened = new ZknetDocument(document, EmbeddedLanguageServer.uri(location), file, server);
		opened.connections = 1;
		OPEN.put(document, opened);
		server.open(opened.uri, document.get());
		opened.subscription = server.onDiagnostics(opened.uri, opened::checked);
		document.addDocumentListener(opened);
		return opened;
	}

	static synchronized void disconnect(ZknetDocument opened) {
		if (--opened.connections > 0) {
			return;
		}
		OPEN.remove(opened.document);
		opened.document.removeDocumentListener(opened);
		try {
			opened.subscription.close();
		} catch (Exception e) {
			ZknetUiPlugin.error("zknet: closing " + opened.uri, e);
		}
		opened.server.close(opened.uri);
	}

	private void checked(List<Diagnostic> published) {
		diagnostics = published;
		checks.incrementAndGet();
		checkedListeners.forEach(Runnable::run);
	}

	/** Runs {@code listener} (on a server thread) each time the server has checked the document again. */
	public AutoCloseable onChecked(Runnable listener) {
		checkedListeners.add(listener);
		return () -> checkedListeners.remove(listener);
	}

	@Override
	public void documentAboutToBeChanged(DocumentEvent event) {
	}

	@Override
	public void documentChanged(DocumentEvent event) {
		server.change(uri, document.get());
	}

	public IDocument document() {
		return document;
	}

	public String uri() {
		return uri;
	}

	/** The workspace file; null for a file opened from outside the workspace. */
	public IFile file() {
		return file;
	}

	public EmbeddedLanguageServer server() {
		return server;
	}

	/** How often the server has checked the document since it was opened. */
	public int checks() {
		return checks.get();
	}

	/** What the server found when it last checked the document. */
	public List<Diagnostic> diagnostics() {
		return diagnostics;
	}
}
