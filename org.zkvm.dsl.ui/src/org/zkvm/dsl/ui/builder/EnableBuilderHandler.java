package org.zkvm.dsl.ui.builder;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.handlers.HandlerUtil;

/** Configure > Enable zknet Builder on the selected projects. */
public class EnableBuilderHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		if (!(HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection)) {
			return null;
		}
		for (Object element : selection.toList()) {
			IProject project = Adapters.adapt(element, IProject.class);
			if (project != null && project.isOpen()) {
				WorkspaceJob job = new WorkspaceJob("Enabling the zknet builder on " + project.getName()) {
					@Override
					public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
						ZknetNature.addTo(project, monitor);
						return Status.OK_STATUS;
					}
				};
				job.setRule(project);
				job.schedule();
			}
		}
		return null;
	}
}
