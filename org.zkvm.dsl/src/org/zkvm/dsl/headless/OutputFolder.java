package org.zkvm.dsl.headless;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Replaces an output folder as a whole: the files go into a new folder beside the target, which
 * is moved into place only when every file is written. A failure, or the JVM being stopped
 * (SIGINT, SIGTERM), leaves the previous output exactly as it was and no temporary folder behind.
 * A folder that zknet did not write is never replaced: zknet marks its output folders.
 */
public final class OutputFolder {

	/** The file that marks a folder as zknet's output, so that 'generate -o' never replaces anything else. */
	public static final String MARKER = ".zknet-output";

	/** The target cannot be used; nothing was written. */
	public static class RefusedException extends Exception {
		private static final long serialVersionUID = 1L;

		RefusedException(String message) {
			super(message);
		}
	}

	private final Path target;
	/**
	 * Files are written in parallel under the read lock; creating, committing and abandoning the
	 * folder take the write lock, so an abandoning shutdown hook waits for writes in flight and
	 * every later write fails.
	 */
	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
	private volatile Path temporary;
	/** Folders created so far; computeIfAbsent makes a second writer wait until the folder exists. */
	private final Map<Path, Boolean> createdFolders = new ConcurrentHashMap<>();
	private Path backup;
	private volatile boolean finished;

	private OutputFolder(Path target) {
		this.target = target.toAbsolutePath().normalize();
	}

	/**
	 * Writes the files (relative path to content) into {@code target}, replacing what was there.
	 * {@code marker} is the text of the marker file.
	 */
	public static void replace(Path target, Map<String, String> files, String marker) throws IOException, RefusedException {
		new OutputFolder(target).write(files, marker);
	}

	private void write(Map<String, String> files, String marker) throws IOException, RefusedException {
		checkTarget();
		Path parent = target.getParent();
		Files.createDirectories(parent);
		recoverFromKilledRun();
		Thread cleanup = new Thread(this::abandon, "zknet output cleanup");
		Runtime.getRuntime().addShutdownHook(cleanup);
		try {
			lock.writeLock().lock();
			try {
				temporary = Files.createTempDirectory(parent, "." + target.getFileName() + ".zknet-new-");
			} finally {
				lock.writeLock().unlock();
			}
			writeAll(files);
			writeFile(MARKER, marker);
			commit();
		} finally {
			abandon();
			try {
				Runtime.getRuntime().removeShutdownHook(cleanup);
			} catch (IllegalStateException shuttingDown) {
				// the hook runs anyway
			}
		}
	}

	private void checkTarget() throws RefusedException, IOException {
		if (Files.isSymbolicLink(target)) {
			throw new RefusedException(target + " is a symbolic link; name the folder itself");
		}
		if (Files.exists(target) && !Files.isDirectory(target)) {
			throw new RefusedException(target + " exists and is not a folder");
		}
		if (Files.isDirectory(target) && !Files.exists(target.resolve(MARKER), LinkOption.NOFOLLOW_LINKS) && !isEmpty(target)) {
			throw new RefusedException(target + " is not empty and was not written by zknet; name a new or empty folder, or one zknet wrote before");
		}
		if (target.getParent() == null) {
			throw new RefusedException("the output folder cannot be the file system's root");
		}
	}

	/**
	 * A run killed outright (SIGKILL, power loss) may leave its new folder, or the previous output
	 * moved aside, beside the target: the previous output comes back, the rest goes.
	 */
	private void recoverFromKilledRun() throws IOException {
		String prefix = "." + target.getFileName() + ".zknet-";
		List<Path> leftovers;
		try (Stream<Path> siblings = Files.list(target.getParent())) {
			leftovers = siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
		}
		for (Path leftover : leftovers) {
			boolean previous = leftover.getFileName().toString().startsWith(prefix + "old-");
			if (previous && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
				Files.move(leftover, target, StandardCopyOption.ATOMIC_MOVE);
			} else {
				deleteTree(leftover);
			}
		}
	}

	private static boolean isEmpty(Path folder) throws IOException {
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
			return !entries.iterator().hasNext();
		}
	}

	/** The files, in parallel: a large site is tens of thousands of small files, and file creation dominates. */
	private void writeAll(Map<String, String> files) throws IOException {
		try {
			files.entrySet().parallelStream().forEach(entry -> {
				try {
					writeFile(entry.getKey(), entry.getValue());
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		} catch (UncheckedIOException e) {
			throw e.getCause();
		}
	}

	/** One file, under the read lock, so that an abandoning shutdown hook never races a write. */
	private void writeFile(String name, String content) throws IOException {
		lock.readLock().lock();
		try {
			if (finished) {
				throw new IOException("interrupted");
			}
			Path file = temporary.resolve(name).normalize();
			if (!file.startsWith(temporary) || file.equals(temporary) || Path.of(name).isAbsolute()) {
				throw new IllegalStateException("generated file name leaves the output folder: " + name);
			}
			// a host's or guest's folder holds several files: create each folder once (10,000 guests write 40,000 files)
			try {
				createdFolders.computeIfAbsent(file.getParent(), folder -> {
					try {
						Files.createDirectories(folder);
						return true;
					} catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				});
			} catch (UncheckedIOException e) {
				throw e.getCause();
			}
			Files.writeString(file, content);
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions(name)));
		} finally {
			lock.readLock().unlock();
		}
	}

	/** Scripts executable; files with addresses that their tools want private (netplan, NetworkManager) owner-only. */
	private static String permissions(String name) {
		if (name.endsWith(".sh")) {
			return "rwxr-xr-x";
		}
		if (name.endsWith(".nmconnection") || name.contains("/netplan/")) {
			return "rw-------";
		}
		return "rw-r--r--";
	}

	private void commit() throws IOException {
		lock.writeLock().lock();
		try {
			if (finished) {
				throw new IOException("interrupted");
			}
			Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rwxr-xr-x"));
			if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
				backup = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".zknet-old-");
				Files.delete(backup);
				Files.move(target, backup, StandardCopyOption.ATOMIC_MOVE);
			}
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
			} catch (IOException e) {
				if (backup != null) {
					Files.move(backup, target, StandardCopyOption.ATOMIC_MOVE);
					backup = null;
				}
				throw e;
			}
			temporary = null;
			if (backup != null) {
				deleteTree(backup);
				backup = null;
			}
			finished = true;
		} finally {
			lock.writeLock().unlock();
		}
	}

	/** Undoes whatever is half done: the new folder goes, the previous output stays or comes back. */
	private void abandon() {
		lock.writeLock().lock();
		try {
			finished = true;
			try {
				if (temporary != null) {
					deleteTree(temporary);
					temporary = null;
				}
				if (backup != null) {
					if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
						Files.move(backup, target, StandardCopyOption.ATOMIC_MOVE);
					} else {
						deleteTree(backup);
					}
					backup = null;
				}
			} catch (IOException e) {
				System.err.println("zknet: could not clean up " + e.getMessage());
			}
		} finally {
			lock.writeLock().unlock();
		}
	}

	/** Deletes a folder and everything below it; symbolic links are deleted, never followed. */
	public static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		Files.walkFileTree(root, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
				if (e != null) {
					throw e;
				}
				Files.delete(dir);
				return FileVisitResult.CONTINUE;
			}
		});
	}
}
