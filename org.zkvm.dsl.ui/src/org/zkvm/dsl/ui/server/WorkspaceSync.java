package org.zkvm.dsl.ui.server;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.zkvm.dsl.headless.ModelFiles;
import org.zkvm.dsl.settings.ProjectSettings;

/**
 * Tells the embedded server what changes on disk, as an editor's file watcher would: projects
 * opened, closed, created or deleted become workspace folders; .zknet files and zknet.properties
 * changed outside an editor become file events.
 */
final class WorkspaceSync implements IResourceChangeListener {

	private static final ILog LOG = ILog.of(WorkspaceSync.class);

	private final EmbeddedLanguageServer server;

	WorkspaceSync(EmbeddedLanguageServer server) {
		this.server = server;
	}

	static WorkspaceFolder folder(IProject project) {
		URI location = project.getLocationURI();
		return location == null ? null : new WorkspaceFolder(EmbeddedLanguageServer.uri(location), project.getName());
	}

	@Override
	public void resourceChanged(IResourceChangeEvent event) {
		if (event.getDelta() == null) {
			return;
		}
		List<WorkspaceFolder> added = new ArrayList<>();
		List<WorkspaceFolder> removed = new ArrayList<>();
		List<FileEvent> files = new ArrayList<>();
		try {
			event.getDelta().accept(delta -> {
				IResource resource = delta.getResource();
				if (resource.getType() == IResource.PROJECT) {
					return project((IProject) resource, delta, added, removed);
				}
				if (resource.getType() == IResource.FOLDER) {
					return !ModelFiles.IGNORED_FOLDERS.contains(resource.getName());
				}
				if (resource.getType() == IResource.FILE && isWatched(resource) && resource.getLocationURI() != null) {
					FileChangeType type = switch (delta.getKind()) {
						case IResourceDelta.ADDED -> FileChangeType.Created;
						case IResourceDelta.REMOVED -> FileChangeType.Deleted;
						default -> (delta.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED)) != 0 ? FileChangeType.Changed : null;
					};
					if (type != null) {
						files.add(new FileEvent(EmbeddedLanguageServer.uri(resource.getLocationURI()), type));
					}
				}
				return true;
			});
		} catch (CoreException e) {
			LOG.error("zknet could not follow a workspace change", e);
		}
		server.foldersChanged(added, removed);
		server.filesChanged(files);
	}

	private static boolean project(IProject project, IResourceDelta delta, List<WorkspaceFolder> added, List<WorkspaceFolder> removed) {
		WorkspaceFolder folder = folder(project);
		boolean openChanged = (delta.getFlags() & IResourceDelta.OPEN) != 0;
		if (folder != null && (delta.getKind() == IResourceDelta.ADDED || openChanged && project.isOpen())) {
			added.add(folder);
			return false;
		}
		if (delta.getKind() == IResourceDelta.REMOVED || openChanged && !project.isOpen()) {
			if (folder != null) {
				removed.add(folder);
			}
			return false;
		}
		return project.isOpen();
	}

	private static boolean isWatched(IResource file) {
		return "zknet".equals(file.getFileExtension()) || ProjectSettings.FILE_NAME.equals(file.getName());
	}
}
