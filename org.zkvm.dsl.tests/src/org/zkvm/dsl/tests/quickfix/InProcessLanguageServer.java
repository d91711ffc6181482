package org.zkvm.dsl.tests.quickfix;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.impl.ResourceServiceProviderRegistryImpl;
import org.zkvm.dsl.ide.ZknetIdeSetup;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;

/**
 * Xtext's real language server with zknet's IDE module, driven in process: the code actions it
 * answers are the ones VS Code receives over stdio.
 */
final class InProcessLanguageServer implements AutoCloseable {

	private final LanguageServerImpl server;
	private final Map<String, List<Diagnostic>> published = new ConcurrentHashMap<>();

	private static Injector language;

	private static synchronized Injector language() {
		if (language == null) {
			language = new ZknetIdeSetup().createInjectorAndDoEMFRegistration();
		}
		return language;
	}

	/** A server whose workspace is the folder {@code root}. */
	InProcessLanguageServer(Path root) throws Exception {
		Injector language = language();
		ResourceServiceProviderRegistryImpl registry = new ResourceServiceProviderRegistryImpl();
		registry.getExtensionToFactoryMap().put("zknet", language.getInstance(IResourceServiceProvider.class));
		Injector injector = Guice.createInjector(Modules.override(new ServerModule())
				.with(binder -> binder.bind(IResourceServiceProvider.Registry.class).toInstance(registry)));
		server = injector.getInstance(LanguageServerImpl.class);
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
		server.initialize(params).get(60, TimeUnit.SECONDS);
		server.initialized(new InitializedParams());
	}

	/** Opens a file of the workspace and waits for its diagnostics. */
	List<Diagnostic> open(Path file) throws Exception {
		String uri = uri(file);
		published.remove(uri);
		server.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "zknet", 1, Files.readString(file))));
		long deadline = System.currentTimeMillis() + 60_000;
		while (!published.containsKey(uri)) {
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("no diagnostics published for " + uri);
			}
			Thread.sleep(20);
		}
		return published.get(uri);
	}

	List<CodeAction> codeActions(Path file, Diagnostic diagnostic) throws Exception {
		CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(uri(file)), diagnostic.getRange(),
				new CodeActionContext(List.of(diagnostic)));
		List<Either<Command, CodeAction>> actions = server.codeAction(params).get(60, TimeUnit.SECONDS);
		return actions.stream().filter(Either::isRight).map(Either::getRight).toList();
	}

	/** The URI as the server spells it (file:///...), through Xtext's own conversion. */
	static String uri(Path file) {
		return new UriExtensions().toUriString(org.eclipse.emf.common.util.URI.createFileURI(file.toAbsolutePath().toString()));
	}

	@Override
	public void close() {
		server.shutdown();
	}
}
