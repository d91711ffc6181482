package org.zkvm.dsl.ui.studio;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.progress.UIJob;
import org.zkvm.dsl.headless.ModelFiles;
import org.zkvm.dsl.ui.ZknetUiPlugin;
import org.zkvm.dsl.ui.builder.ZknetNature;
import org.zkvm.dsl.ui.editor.ZknetDocument;

/**
 * zknet Studio's command line: {@code -Dzknet.open=PATH[:PATH...]} (what the zknet-studio script passes
 * for its arguments) makes each folder a project in place (nothing is copied; the builder writes its
 * src-gen/ there), turns the zknet builder on and opens the first model in the editor. A file opens
 * its folder as the project and itself in the editor.
 */
public class StudioStartup implements IStartup {

	public static final String PROPERTY = "zknet.open";

	@Override
	public void earlyStartup() {
		String paths = System.getProperty(PROPERTY);
		if (paths == null || paths.isBlank()) {
			return;
		}
		List<Path> requested = new ArrayList<>();
		for (String path : paths.split(File.pathSeparator)) {
			if (!path.isBlank()) {
				requested.add(Path.of(path).toAbsolutePath().normalize());
			}
		}
		new WorkspaceJob("zknet Studio: opening " + paths) {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
				SubMonitor progress = SubMonitor.convert(monitor, requested.size() * 2);
				List<IFile> toOpen = new ArrayList<>();
				for (Path path : requested) {
					if (!Files.exists(path)) {
						ZknetUiPlugin.log(Status.warning("zknet Studio: " + path + " does not exist"));
						continue;
					}
					Path folder = Files.isDirectory(path) ? path : path.getParent();
					IProject project = project(folder, progress.split(1));
					ZknetNature.addTo(project, null);
					project.build(IncrementalProjectBuilder.FULL_BUILD, progress.split(1));
					IFile file = Files.isDirectory(path) ? firstModel(project, folder) : project.getFile(IPath.fromFile(folder.relativize(path).toFile()));
					if (file != null) {
						toOpen.add(file);
					}
				}
				if (!toOpen.isEmpty()) {
					open(toOpen.get(0));
				}
				return Status.OK_STATUS;
			}
		}.schedule();
	}

	private static IProject project(Path folder, IProgressMonitor monitor) throws CoreException {
		IWorkspace workspace = ResourcesPlugin.getWorkspace();
		for (IProject existing : workspace.getRoot().getProjects()) {
			if (existing.getLocation() != null && existing.getLocation().toFile().toPath().equals(folder)) {
				if (!existing.isOpen()) {
					existing.open(monitor);
				}
				return existing;
			}
		}
		String name = folder.getFileName() == null ? "zknet" : folder.getFileName().toString();
		IProject project = workspace.getRoot().getProject(name);
		for (int i = 2; project.exists(); i++) {
			project = workspace.getRoot().getProject(name + "-" + i);
		}
		IProjectDescription description = workspace.newProjectDescription(project.getName());
		if (!folder.equals(workspace.getRoot().getLocation().toFile().toPath().resolve(project.getName()))) {
			description.setLocation(IPath.fromFile(folder.toFile()));
		}
		project.create(description, monitor);
		project.open(monitor);
		return project;
	}

	private static IFile firstModel(IProject project, Path folder) {
		try {
			List<Path> models = ModelFiles.collect(List.of(folder));
			return models.isEmpty() ? null : project.getFile(IPath.fromFile(folder.relativize(models.get(0)).toFile()));
		} catch (ModelFiles.UnusablePathException e) {
			return null;
		}
	}

	private static void open(IFile file) {
		new UIJob("zknet Studio: opening " + file.getName()) {
			@Override
			public IStatus runInUIThread(IProgressMonitor monitor) {
				IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
				if (window == null && PlatformUI.getWorkbench().getWorkbenchWindowCount() > 0) {
					window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
				}
				if (window == null || window.getActivePage() == null) {
					return Status.warning("zknet Studio: no workbench window to open " + file.getFullPath() + " in");
				}
				try {
					IEditorPart editor = IDE.openEditor(window.getActivePage(), file);
					boolean zknet = ZknetDocument.all().stream().anyMatch(document -> file.equals(document.file()));
					ZknetUiPlugin.info("zknet Studio: opened " + file.getLocation() + (zknet ? " in the zknet editor" : " in " + editor.getSite().getId()));
				} catch (CoreException e) {
					return e.getStatus();
				}
				return Status.OK_STATUS;
			}
		}.schedule();
	}
}
