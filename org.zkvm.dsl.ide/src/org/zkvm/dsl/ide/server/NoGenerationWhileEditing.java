package org.zkvm.dsl.ide.server;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.generator.IShouldGenerate;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * The language server checks models; it never writes configurations into the workspace. Xtext's
 * server would run the generator on every build, file by file, into {@code src-gen/}: root scripts
 * from a model still being typed, without the all-or-nothing output folder the command line uses.
 * Generating is an explicit step (the editor's Generate command, {@code zknet generate}, Maven).
 */
public class NoGenerationWhileEditing implements IShouldGenerate {

	@Override
	public boolean shouldGenerate(Resource resource, CancelIndicator cancelIndicator) {
		return false;
	}
}
