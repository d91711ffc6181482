package org.zkvm.dsl.ui.wizard;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.eclipse.ui.ide.IDE;
import org.zkvm.dsl.ui.ZknetUiPlugin;
import org.zkvm.dsl.ui.builder.ZknetNature;

/**
 * New > zknet Model: a .zknet file with a starter network that has no problems (one CEC, a KVM host
 * on an OSA, a guest behind a routed bridge), in a project whose zknet builder is then on.
 */
public class NewModelWizard extends Wizard implements INewWizard {

	/** The starter model shipped with the bundle. */
	public static final String STARTER = "templates/starter.zknet";

	private IWorkbench workbench;
	private IStructuredSelection selection;
	private WizardNewFileCreationPage page;

	public NewModelWizard() {
		setWindowTitle("New zknet Model");
		setNeedsProgressMonitor(true);
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		this.workbench = workbench;
		this.selection = selection;
	}

	@Override
	public void addPages() {
		page = new WizardNewFileCreationPage("model", selection) {
			@Override
			protected InputStream getInitialContents() {
				try {
					return starter();
				} catch (IOException e) {
					ZknetUiPlugin.error("zknet: the starter model is missing from the bundle", e);
					return null;
				}
			}
		};
		page.setTitle("zknet Model");
		page.setDescription("Create a network model. The zknet builder checks it on every save and writes the configuration into src-gen/.");
		page.setFileExtension("zknet");
		page.setFileName("network.zknet");
		addPage(page);
	}

	/** The starter model's text. */
	public static InputStream starter() throws IOException {
		URL entry = ZknetUiPlugin.get().getBundle().getEntry(STARTER);
		if (entry == null) {
			throw new IOException(STARTER + " not found");
		}
		return entry.openStream();
	}

	@Override
	public boolean performFinish() {
		IFile file = page.createNewFile();
		if (file == null) {
			return false;
		}
		try {
			ZknetNature.addTo(file.getProject(), null);
		} catch (CoreException e) {
			ZknetUiPlugin.error("zknet: " + file.getFullPath() + " was created, but the zknet builder could not be turned on", e);
		}
		try {
			IDE.openEditor(workbench.getActiveWorkbenchWindow().getActivePage(), file);
		} catch (PartInitException e) {
			ZknetUiPlugin.log(e.getStatus());
		}
		return true;
	}
}
