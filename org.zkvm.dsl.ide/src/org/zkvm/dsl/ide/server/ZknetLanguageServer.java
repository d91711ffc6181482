package org.zkvm.dsl.ide.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.xtext.ide.server.BuildManager.Buildable;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.zkvm.dsl.headless.ModelFiles;

/**
 * Xtext's server, ignoring file events from the folders its index skips ({@link WorkspaceScanner}):
 * an editor that watches every .zknet file would otherwise bring a copy under {@code target/} or
 * {@code node_modules/} into the model the moment it changes.
 */
public class ZknetLanguageServer extends LanguageServerImpl {

	private final List<Path> roots = new CopyOnWriteArrayList<>();

	@Override
	public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
		if (params.getWorkspaceFolders() != null && !params.getWorkspaceFolders().isEmpty()) {
			params.getWorkspaceFolders().forEach(folder -> path(folder.getUri()).ifPresent(roots::add));
		} else if (params.getRootUri() != null) {
			path(params.getRootUri()).ifPresent(roots::add);
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
