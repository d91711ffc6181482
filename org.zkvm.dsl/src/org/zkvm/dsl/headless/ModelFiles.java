package org.zkvm.dsl.headless;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The .zknet files named on a command line: files as given, folders searched recursively,
 * skipping build output, dependencies and version control folders.
 */
public final class ModelFiles {

	public static final String EXTENSION = ".zknet";

	/** Folders that never hold a user's models. */
	public static final Set<String> IGNORED_FOLDERS = Set.of("target", "node_modules", "src-gen", "xtend-gen", "bin");

	private ModelFiles() {
	}

	/**
	 * Whether a folder below the one searched is skipped: build output, dependencies, hidden folders
	 * (version control, editor settings, zknet's own half-written output) and folders zknet generated.
	 * The command line, Maven and the language server's workspace index all skip the same folders.
	 */
	public static boolean isIgnoredFolder(Path dir) {
		String name = dir.getFileName().toString();
		return IGNORED_FOLDERS.contains(name) || name.startsWith(".") || Files.exists(dir.resolve(OutputFolder.MARKER));
	}

	/** Whether a file lies in a folder below {@code root} that {@link #isIgnoredFolder} skips; false for a file outside root. */
	public static boolean isInIgnoredFolder(Path root, Path file) {
		if (!file.startsWith(root)) {
			return false;
		}
		for (Path dir = file.getParent(); dir != null && !dir.equals(root); dir = dir.getParent()) {
			if (isIgnoredFolder(dir)) {
				return true;
			}
		}
		return false;
	}

	/** One path the user named that cannot be used, and why. */
	public static class UnusablePathException extends Exception {
		private static final long serialVersionUID = 1L;

		public UnusablePathException(String message) {
			super(message);
		}
	}

	/**
	 * @return the model files, each once, folders' contents in sorted order
	 * @throws UnusablePathException for a path that does not exist, is unreadable, is not a
	 *                               .zknet file, or is a folder with no model in it
	 */
	public static List<Path> collect(List<Path> paths) throws UnusablePathException {
		Set<Path> result = new LinkedHashSet<>();
		for (Path path : paths) {
			if (!Files.exists(path)) {
				throw new UnusablePathException("cannot read '" + path + "': no such file or folder");
			}
			if (!Files.isReadable(path)) {
				throw new UnusablePathException("cannot read '" + path + "': permission denied");
			}
			if (Files.isDirectory(path)) {
				List<Path> found = walk(path);
				if (found.isEmpty()) {
					throw new UnusablePathException("'" + path + "' contains no " + EXTENSION + " files");
				}
				result.addAll(found);
			} else if (!path.getFileName().toString().endsWith(EXTENSION)) {
				throw new UnusablePathException("'" + path + "' is not a model: zknet models are " + EXTENSION + " files");
			} else {
				result.add(path.normalize());
			}
		}
		return new ArrayList<>(result);
	}

	private static List<Path> walk(Path folder) throws UnusablePathException {
		List<Path> found = new ArrayList<>();
		List<Path> unreadable = new ArrayList<>();
		try {
			Files.walkFileTree(folder, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
					boolean root = dir.equals(folder);
					return !root && isIgnoredFolder(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
					if (attrs.isRegularFile() && file.getFileName().toString().endsWith(EXTENSION)) {
						if (Files.isReadable(file)) {
							found.add(file.normalize());
						} else {
							unreadable.add(file);
						}
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException e) {
					unreadable.add(file);
					return FileVisitResult.CONTINUE;
				}
			});
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (!unreadable.isEmpty()) {
			throw new UnusablePathException("cannot read '" + unreadable.get(0) + "': permission denied");
		}
		Collections.sort(found);
		return found;
	}
}
