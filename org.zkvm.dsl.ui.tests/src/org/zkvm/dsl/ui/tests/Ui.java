package org.zkvm.dsl.ui.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.zkvm.dsl.ui.ProblemMarkers;
import org.zkvm.dsl.ui.builder.ZknetNature;
import org.zkvm.dsl.ui.editor.ZknetAnnotation;

/** A real workbench driven from its UI thread: projects, editors, builds and waits that keep the event loop running. */
final class Ui {

	private static final long TIMEOUT_MILLIS = 90_000;

	private Ui() {
	}

	/** The repository's root (examples/). */
	static Path root() {
		return Path.of(System.getProperty("zknet.root", "..")).toAbsolutePath().normalize();
	}

	static String example(String relative) {
		try {
			return Files.readString(root().resolve("examples").resolve(relative));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A new project with the zknet builder on (any earlier one of that name is deleted first). */
	static IProject project(String name) throws CoreException {
		IProject project = plainProject(name);
		ZknetNature.addTo(project, null);
		return project;
	}

	/** A new project without zknet's nature. */
	static IProject plainProject(String name) throws CoreException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		if (project.exists()) {
			project.delete(true, true, null);
		}
		project.create(null);
		project.open(null);
		return project;
	}

	static IFile write(IProject project, String name, String text) throws CoreException {
		IFile file = project.getFile(name);
		ByteArrayInputStream content = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
		if (file.exists()) {
			file.setContents(content, true, false, null);
		} else {
			file.create(content, true, null);
		}
		return file;
	}

	static String read(IFile file) throws CoreException {
		try (var in = file.getContents(true)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Waits, with the UI running, until the workspace's automatic builds are done. */
	static void waitForBuild() {
		waitUntil("the workspace build", () -> Job.getJobManager().find(ResourcesPlugin.FAMILY_AUTO_BUILD).length == 0
				&& Job.getJobManager().find(ResourcesPlugin.FAMILY_MANUAL_BUILD).length == 0);
	}

	static void waitUntil(String what, BooleanSupplier condition) {
		Display display = Display.getCurrent();
		long end = System.currentTimeMillis() + TIMEOUT_MILLIS;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > end) {
				throw new AssertionError("timed out waiting for " + what);
			}
			if (!display.readAndDispatch()) {
				try {
					Thread.sleep(20);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new AssertionError("interrupted waiting for " + what);
				}
			}
		}
	}

	/** Lets the UI run for a while (for what has no condition to wait for, such as a repaint). */
	static void settle(long millis) {
		long end = System.currentTimeMillis() + millis;
		waitUntil("nothing", () -> System.currentTimeMillis() > end);
	}

	static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	static ITextEditor open(IFile file) throws CoreException {
		return (ITextEditor) IDE.openEditor(page(), file);
	}

	static ISourceViewer viewer(ITextEditor editor) {
		return (ISourceViewer) editor.getAdapter(ITextOperationTarget.class);
	}

	static List<ZknetAnnotation> annotations(ISourceViewer viewer) {
		List<ZknetAnnotation> found = new ArrayList<>();
		for (Iterator<Annotation> it = viewer.getAnnotationModel().getAnnotationIterator(); it.hasNext();) {
			if (it.next() instanceof ZknetAnnotation annotation) {
				found.add(annotation);
			}
		}
		return found;
	}

	static List<IMarker> markers(IResource resource) throws CoreException {
		return Arrays.asList(resource.findMarkers(ProblemMarkers.TYPE, true, IResource.DEPTH_INFINITE));
	}

	static List<IMarker> markers(IResource resource, String code) throws CoreException {
		return markers(resource).stream().filter(marker -> code.equals(marker.getAttribute(ProblemMarkers.CODE, null))).toList();
	}

	/** Saves a picture of the screen (for the README) under zknet.screenshots, when that is set. */
	static void screenshot(String name) {
		String folder = System.getProperty("zknet.screenshots");
		if (folder == null) {
			return;
		}
		Display display = Display.getCurrent();
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		Rectangle bounds = shell.getBounds();
		Image image = new Image(display, bounds.width, bounds.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, bounds.x, bounds.y);
			ImageLoader loader = new ImageLoader();
			loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
			Files.createDirectories(Path.of(folder));
			loader.save(Path.of(folder, name + ".png").toString(), SWT.IMAGE_PNG);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} finally {
			gc.dispose();
			image.dispose();
		}
	}
}
