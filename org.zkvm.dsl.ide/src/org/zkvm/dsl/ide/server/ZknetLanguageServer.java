package org.zkvm.dsl.ide.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.ide.server.BuildManager.Buildable;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.xbase.lib.Functions.Function1;
import org.zkvm.dsl.headless.ModelFiles;

/**
 * Xtext's server, ignoring file events from the folders its index skips ({@link WorkspaceScanner}):
 * an editor that watches every .zknet file would otherwise bring a copy under {@code target/} or
 * {@code node_modules/} into the model the moment it changes.
 */
public class ZknetLanguageServer extends LanguageServerImpl {

	@com.google.inject.Inject
	private UriExtensions uriExtensions;

	private final List<Path> roots = new CopyOnWriteArrayList<>();

	@Override
	public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
		if (params.getWorkspaceFolders() != null && !params.getWorkspaceFolders().isEmpty()) {
			params.getWorkspaceFolders().forEach(folder -> path(folder.getUri()).ifPresent(roots::add));
		} else if (params.getRootUri() != null) {
			path(params.getRootUri()).ifPresent(roots::add);
		}
		// Xtext reads the workspace folders only from a client that announces them, and the root URI
		// otherwise: a client that sends folders without the capability must not leave it with no root
		if (params.getRootUri() == null && params.getWorkspaceFolders() != null && !params.getWorkspaceFolders().isEmpty()) {
			params.setRootUri(params.getWorkspaceFolders().get(0).getUri());
		}
		return super.initialize(params);
	}

	@Override
	public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
		for (WorkspaceFolder removed : params.getEvent().getRemoved()) {
			path(removed.getUri()).ifPresent(roots::remove);
		}
		for (WorkspaceFolder added : params.getEvent().getAdded()) {
			path(added.getUri()).ifPresent(roots::add);
		}
		super.didChangeWorkspaceFolders(params);
	}

	@Override
	protected Buildable toBuildable(DidChangeWatchedFilesParams params) {
		List<FileEvent> kept = params.getChanges().stream().filter(event -> !isIgnored(event.getUri())).toList();
		return super.toBuildable(new DidChangeWatchedFilesParams(kept));
	}

	// Requests at a position: a position beyond the document's last line is the client's mistake
	// (invalid parameters), not the server's fault; a character past a line's end is that line's end (LspDocument).
	// The position is checked inside the request's read, after the edits sent before it: a check made when the
	// request arrives races the editor's last edit (and refused completion on a line just typed).

	@Override
	public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
		return atPosition(params.getTextDocument().getUri(), params.getPosition(), cancel -> completion(cancel, params));
	}

	@Override
	public CompletableFuture<Hover> hover(HoverParams params) {
		return atPosition(params.getTextDocument().getUri(), params.getPosition(), cancel -> hover(params, cancel));
	}

	@Override
	public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
		return atPosition(params.getTextDocument().getUri(), params.getPosition(), cancel -> Either.forLeft(definition(cancel, params)));
	}

	@Override
	public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
		return atPosition(params.getTextDocument().getUri(), params.getPosition(), cancel -> references(params, cancel));
	}

	@Override
	public CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(DocumentHighlightParams params) {
		return atPosition(params.getTextDocument().getUri(), params.getPosition(), cancel -> documentHighlight(params, cancel));
	}

	@Override
	public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(PrepareRenameParams params) {
		return atPosition(params.getTextDocument().getUri(), params.getPosition(), cancel -> prepareRename(params, cancel));
	}

	@Override
	public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
		return atPosition(params.getTextDocument().getUri(), params.getPosition(), cancel -> rename(params, cancel));
	}

	@Override
	public CompletableFuture<List<? extends TextEdit>> rangeFormatting(DocumentRangeFormattingParams params) {
		return invalidParams(super.rangeFormatting(params));
	}

	@Override
	public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
		return invalidParams(super.codeAction(params));
	}

	/** The request's own read: the position is checked against the document as the edits before it left it. */
	private <T> CompletableFuture<T> atPosition(String uri, Position position, Function1<CancelIndicator, T> service) {
		CompletableFuture<Optional<Holder<T>>> read = getRequestManager().runRead(cancel -> outside(uri, position) ? Optional.empty()
				: Optional.of(new Holder<>(service.apply(cancel))));
		CompletableFuture<T> answer = invalidParams(read.thenCompose(result -> result.isPresent() ? CompletableFuture.completedFuture(result.get().value())
				: CompletableFuture.<T>failedFuture(new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
						"position " + (position.getLine() + 1) + ":" + (position.getCharacter() + 1) + " is outside the document", null)))));
		answer.whenComplete((result, error) -> {
			if (answer.isCancelled()) {
				read.cancel(true);
			}
		});
		return answer;
	}

	/** A service's answer, which may be null. */
	private record Holder<T>(T value) {
	}

	/** Whether a position is at a line the open document does not have. */
	private boolean outside(String uri, Position position) {
		Optional<Document> document = getWorkspaceManager() instanceof ZknetWorkspaceManager manager ? manager.openDocument(uriExtensions.toUri(uri))
				: Optional.empty();
		return document.isPresent() && (position.getLine() < 0 || position.getLine() >= document.get().getLineCount() || position.getCharacter() < 0);
	}

	private static <T> CompletableFuture<T> invalidParams(CompletableFuture<T> request) {
		CompletableFuture<T> answer = new CompletableFuture<>();
		request.whenComplete((result, error) -> {
			Throwable cause = error;
			while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
				cause = cause.getCause();
			}
			if (cause == null) {
				answer.complete(result);
			} else if (cause instanceof IndexOutOfBoundsException outside) {
				answer.completeExceptionally(new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, outside.getMessage(), null)));
			} else if (cause instanceof ResponseErrorException refused) {
				// e.g. rename's "Refactoring cannot be performed", which Xtext hands on wrapped: the client gets its code and message
				answer.completeExceptionally(refused);
			} else {
				answer.completeExceptionally(error);
			}
		});
		answer.whenComplete((result, error) -> {
			if (answer.isCancelled()) {
				request.cancel(true);
			}
		});
		return answer;
	}

	private boolean isIgnored(String uri) {
		return path(uri).map(file -> roots.stream().anyMatch(root -> ModelFiles.isInIgnoredFolder(root, file))).orElse(false);
	}

	private static Optional<Path> path(String uri) {
		try {
			return Optional.of(Path.of(java.net.URI.create(uri)).toAbsolutePath().normalize());
		} catch (RuntimeException notAFile) {
			return Optional.empty();
		}
	}
}
