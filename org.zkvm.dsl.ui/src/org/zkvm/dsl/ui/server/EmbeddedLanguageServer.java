package org.zkvm.dsl.ui.server;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.ILog;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersChangeEvent;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.zkvm.dsl.ide.server.ZknetServerModule;

import com.google.inject.Injector;

/**
 * zknet's language server (Xtext's, with zknet's server module: what {@code zknet lsp} runs for VS Code),
 * running inside the workbench and called directly: no process, no socket. Each open project is a
 * workspace folder, so references resolve within a project as they do in the builder. Requests answer
 * on the server's own threads; callers on the UI thread wait at most {@link #UI_WAIT_MILLIS}.
 */
public final class EmbeddedLanguageServer implements LanguageClient {

	/** How long the UI thread may wait for an answer (a quick fix, a hyperlink). */
	public static final long UI_WAIT_MILLIS = 3000;
	/** How long a background computation (completion, hover, outline) may wait. */
	public static final long BACKGROUND_WAIT_MILLIS = 10000;

	private static final ILog LOG = ILog.of(EmbeddedLanguageServer.class);

	private final LanguageServerImpl server;
	private final Map<String, List<Consumer<List<Diagnostic>>>> listeners = new ConcurrentHashMap<>();
	private final Map<String, AtomicInteger> versions = new ConcurrentHashMap<>();
	private final WorkspaceSync sync;
	private InitializeResult initialized;

	private EmbeddedLanguageServer(Injector language) {
		server = ZknetServerModule.inProcess(language);
		server.connect(this);
		sync = new WorkspaceSync(this);
	}

	/** Starts a server over the workspace's open projects and keeps it in step with the workspace. */
	public static EmbeddedLanguageServer start(Injector language) {
		EmbeddedLanguageServer embedded = new EmbeddedLanguageServer(language);
		InitializeParams params = new InitializeParams();
		List<WorkspaceFolder> folders = java.util.Arrays.stream(ResourcesPlugin.getWorkspace().getRoot().getProjects())
				.filter(IProject::isOpen).map(WorkspaceSync::folder).filter(java.util.Objects::nonNull).toList();
		params.setWorkspaceFolders(folders);
		// Xtext's server takes its base folder from the root URI even when it is given workspace folders
		params.setRootUri(uri(ResourcesPlugin.getWorkspace().getRoot().getLocationURI()));
		TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
		DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
		symbols.setHierarchicalDocumentSymbolSupport(true);
		text.setDocumentSymbol(symbols);
		ClientCapabilities capabilities = new ClientCapabilities();
		capabilities.setTextDocument(text);
		params.setCapabilities(capabilities);
		try {
			embedded.initialized = embedded.server.initialize(params).get(60, TimeUnit.SECONDS);
		} catch (Exception e) {
			throw new IllegalStateException("the zknet language server did not start: " + e.getMessage(), e);
		}
		embedded.server.initialized(new InitializedParams());
		ResourcesPlugin.getWorkspace().addResourceChangeListener(embedded.sync);
		return embedded;
	}

	public void shutdown() {
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(sync);
		try {
			server.shutdown().get(10, TimeUnit.SECONDS);
		} catch (Exception e) {
			LOG.error("The zknet language server did not shut down cleanly", e);
		}
	}

	/** The server itself: every LSP request. */
	public LanguageServerImpl requests() {
		return server;
	}

	/** The semantic token types and modifiers the server uses; null when it offers none. */
	public SemanticTokensLegend semanticTokensLegend() {
		return initialized.getCapabilities().getSemanticTokensProvider() == null ? null
				: initialized.getCapabilities().getSemanticTokensProvider().getLegend();
	}

	/** The URI the server knows a file by. */
	public static String uri(URI location) {
		return new UriExtensions().toUriString(location);
	}

	public void open(String uri, String text) {
		AtomicInteger version = versions.computeIfAbsent(uri, u -> new AtomicInteger());
		server.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "zknet", version.incrementAndGet(), text)));
	}

	public void change(String uri, String text) {
		AtomicInteger version = versions.computeIfAbsent(uri, u -> new AtomicInteger());
		server.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version.incrementAndGet()),
				List.of(new TextDocumentContentChangeEvent(text))));
	}

	public void close(String uri) {
		server.didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
	}

	void filesChanged(List<FileEvent> events) {
		if (!events.isEmpty()) {
			server.didChangeWatchedFiles(new DidChangeWatchedFilesParams(events));
		}
	}

	void foldersChanged(List<WorkspaceFolder> added, List<WorkspaceFolder> removed) {
		if (!added.isEmpty() || !removed.isEmpty()) {
			server.didChangeWorkspaceFolders(new DidChangeWorkspaceFoldersParams(new WorkspaceFoldersChangeEvent(added, removed)));
		}
	}

	/**
	 * Calls {@code listener} (on a server thread) with a file's diagnostics each time the server has
	 * checked it again; the returned handle removes the listener.
	 */
	public AutoCloseable onDiagnostics(String uri, Consumer<List<Diagnostic>> listener) {
		listeners.computeIfAbsent(uri, u -> new CopyOnWriteArrayList<>()).add(listener);
		return () -> listeners.getOrDefault(uri, List.of()).remove(listener);
	}

	// ------------------------------------------------------------ LanguageClient

	@Override
	public void publishDiagnostics(PublishDiagnosticsParams params) {
		List<Diagnostic> published = params.getDiagnostics();
		for (Consumer<List<Diagnostic>> listener : listeners.getOrDefault(params.getUri(), List.of())) {
			try {
				listener.accept(published);
			} catch (RuntimeException e) {
				LOG.error("A zknet editor could not show the diagnostics of " + params.getUri(), e);
			}
		}
	}

	@Override
	public void telemetryEvent(Object object) {
	}

	@Override
	public void showMessage(MessageParams message) {
		LOG.info("zknet language server: " + message.getMessage());
	}

	@Override
	public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
		LOG.info("zknet language server: " + request.getMessage());
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public void logMessage(MessageParams message) {
		if (message.getType() == org.eclipse.lsp4j.MessageType.Error) {
			LOG.error("zknet language server: " + message.getMessage());
		}
	}
}
