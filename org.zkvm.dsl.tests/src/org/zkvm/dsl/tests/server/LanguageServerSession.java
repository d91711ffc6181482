package org.zkvm.dsl.tests.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameCapabilities;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.zkvm.dsl.ide.ZknetIdeSetup;
import org.zkvm.dsl.ide.server.ZknetServerModule;

import com.google.inject.Injector;

/**
 * Xtext's real language server with zknet's server and IDE modules (as {@code zknet lsp} runs
 * them), driven in process through the LSP4J API an editor's requests arrive at
 * ({@link ZknetServerModule#inProcess}, as the Eclipse editor runs it).
 */
public final class LanguageServerSession implements AutoCloseable {

	private static final int TIMEOUT_SECONDS = 60;

	private final LanguageServerImpl server;
	private final Map<String, List<Diagnostic>> published = new ConcurrentHashMap<>();
	private final InitializeResult initialized;

	private static Injector language;

	private static synchronized Injector language() {
		if (language == null) {
			language = new ZknetIdeSetup().createInjectorAndDoEMFRegistration();
		} else {
			// Workspace registers the runtime's injector (without the IDE services, e.g. rename's strategy) in EMF's
			// global registry, which the server reads: a session started after a Workspace load registers the IDE's again
			new ZknetIdeSetup().register(language);
		}
		return language;
	}

	/** A server whose workspace is the folder {@code root}, initialized as VS Code would (hierarchical symbols, prepare rename). */
	public LanguageServerSession(Path root) throws Exception {
		server = ZknetServerModule.inProcess(language());
		server.connect(new LanguageClient() {
			@Override
			public void telemetryEvent(Object object) {
			}

			@Override
			public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
				published.put(diagnostics.getUri(), diagnostics.getDiagnostics());
			}

			@Override
			public void showMessage(MessageParams messageParams) {
			}

			@Override
			public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
				return CompletableFuture.completedFuture(null);
			}

			@Override
			public void logMessage(MessageParams message) {
			}
		});
		InitializeParams params = new InitializeParams();
		params.setRootUri(root.toUri().toString());
		params.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "test")));
		TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
		DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
		symbols.setHierarchicalDocumentSymbolSupport(true);
		text.setDocumentSymbol(symbols);
		RenameCapabilities rename = new RenameCapabilities();
		rename.setPrepareSupport(true);
		text.setRename(rename);
		ClientCapabilities capabilities = new ClientCapabilities();
		capabilities.setTextDocument(text);
		params.setCapabilities(capabilities);
		initialized = server.initialize(params).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		server.initialized(new InitializedParams());
	}

	public InitializeResult initializeResult() {
		return initialized;
	}

	/** What the server published for a file (after the initial build or an open); null when nothing was. */
	public List<Diagnostic> published(Path file) {
		return published.get(uri(file));
	}

	/** All URIs diagnostics were published for. */
	public Map<String, List<Diagnostic>> published() {
		return published;
	}

	/** Opens a file of the workspace and waits for its diagnostics. */
	public List<Diagnostic> open(Path file) throws Exception {
		String uri = uri(file);
		published.remove(uri);
		server.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "zknet", 1, Files.readString(file))));
		return awaitDiagnostics(uri);
	}

	/** Tells the server that files were created on disk, as an editor's file watcher does. */
	public void filesCreated(Path... files) {
		server.didChangeWatchedFiles(new DidChangeWatchedFilesParams(
				java.util.Arrays.stream(files).map(file -> new FileEvent(uri(file), FileChangeType.Created)).toList()));
	}

	/** Tells the server that files were deleted on disk, as an editor's file watcher does. */
	public void filesDeleted(Path... files) {
		server.didChangeWatchedFiles(new DidChangeWatchedFilesParams(
				java.util.Arrays.stream(files).map(file -> new FileEvent(uri(file), FileChangeType.Deleted)).toList()));
	}

	/** Closes an open file, as an editor does when its tab is closed. */
	public void close(Path file) {
		server.didClose(new DidCloseTextDocumentParams(id(file)));
	}

	/** Waits until the server publishes diagnostics for a file it was not asked to open. */
	public List<Diagnostic> awaitPublished(Path file) throws InterruptedException {
		return awaitDiagnostics(uri(file));
	}

	/** Replaces the text of an open file (version {@code version}) and waits for its new diagnostics. */
	public List<Diagnostic> change(Path file, int version, String text) throws Exception {
		String uri = uri(file);
		published.remove(uri);
		server.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
				List.of(new TextDocumentContentChangeEvent(text))));
		return awaitDiagnostics(uri);
	}

	/** Replaces the text of an open file and returns at once, as an editor does while the user types. */
	public void send(Path file, int version, String text) {
		server.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri(file), version),
				List.of(new TextDocumentContentChangeEvent(text))));
	}

	private List<Diagnostic> awaitDiagnostics(String uri) throws InterruptedException {
		long deadline = System.currentTimeMillis() + TIMEOUT_SECONDS * 1000L;
		while (!published.containsKey(uri)) {
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("no diagnostics published for " + uri);
			}
			Thread.sleep(20);
		}
		return published.get(uri);
	}

	public List<CodeAction> codeActions(Path file, Diagnostic diagnostic) throws Exception {
		CodeActionParams params = new CodeActionParams(id(file), diagnostic.getRange(), new CodeActionContext(List.of(diagnostic)));
		List<Either<Command, CodeAction>> actions = server.codeAction(params).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		return actions.stream().filter(Either::isRight).map(Either::getRight).toList();
	}

	public List<CompletionItem> completion(Path file, Position at) throws Exception {
		var result = server.completion(new CompletionParams(id(file), at)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		return result.isLeft() ? result.getLeft() : result.getRight().getItems();
	}

	public Hover hover(Path file, Position at) throws Exception {
		return server.hover(new HoverParams(id(file), at)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
	}

	public List<? extends Location> definition(Path file, Position at) throws Exception {
		var result = server.definition(new DefinitionParams(id(file), at)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		return result.getLeft();
	}

	public List<? extends Location> references(Path file, Position at, boolean includeDeclaration) throws Exception {
		return server.references(new ReferenceParams(id(file), at, new ReferenceContext(includeDeclaration))).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
	}

	public WorkspaceEdit rename(Path file, Position at, String newName) throws Exception {
		return server.rename(new RenameParams(id(file), at, newName)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
	}

	public List<? extends TextEdit> formatting(Path file) throws Exception {
		return server.formatting(new DocumentFormattingParams(id(file), new FormattingOptions(4, false))).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
	}

	public List<DocumentSymbol> documentSymbols(Path file) throws Exception {
		List<Either<SymbolInformation, DocumentSymbol>> symbols = server.documentSymbol(new DocumentSymbolParams(id(file)))
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		return symbols.stream().filter(Either::isRight).map(Either::getRight).toList();
	}

	public SemanticTokens semanticTokens(Path file) throws Exception {
		return server.semanticTokensFull(new SemanticTokensParams(id(file))).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
	}

	private static TextDocumentIdentifier id(Path file) {
		return new TextDocumentIdentifier(uri(file));
	}

	/** The URI as the server spells it (file:///...), through Xtext's own conversion. */
	public static String uri(Path file) {
		return new UriExtensions().toUriString(org.eclipse.emf.common.util.URI.createFileURI(file.toAbsolutePath().toString()));
	}

	@Override
	public void close() {
		server.shutdown();
	}
}
