package org.zkvm.dsl.ide.server;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.util.IAcceptor;
import org.eclipse.xtext.util.IFileSystemScanner;
import org.eclipse.xtext.util.UriExtensions;
import org.zkvm.dsl.headless.ModelFiles;

/**
 * Finds the files of a workspace folder for the language server's index, skipping the folders the
 * command line skips ({@link ModelFiles#isIgnoredFolder}): a workspace with a {@code node_modules}
 * or a Maven {@code target/} opens as fast as one without, and sees the same models as {@code zknet}.
 */
public class WorkspaceScanner implements IFileSystemScanner {

	private final UriExtensions uris = new UriExtensions();

	@Override
	public void scan(URI root, IAcceptor<URI> acceptor) {
		if (!root.isFile()) {
			return;
		}
		Path start = Path.of(root.toFileString());
		if (!Files.isDirectory(start)) {
			return;
		}
		try {
			Files.walkFileTree(start, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
					return dir.equals(start) || !ModelFiles.isIgnoredFolder(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
					if (attrs.isRegularFile()) {
						// spelled as Xtext spells the URIs of opened documents (file:///...), so both name one resource
						acceptor.accept(uris.toEmfUri(file.toAbsolutePath().toUri()));
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException exc) {
					return FileVisitResult.CONTINUE;
				}
			});
		} catch (IOException e) {
			// an unreadable workspace folder simply contributes no models
		}
	}
}
