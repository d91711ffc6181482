package org.zkvm.dsl.ide.cli;

import java.util.concurrent.Callable;

import org.eclipse.xtext.ide.server.ServerLauncher;
import org.zkvm.dsl.ide.server.ZknetServerModule;

import picocli.CommandLine.Command;

@Command(name = "lsp", mixinStandardHelpOptions = true,
		description = {"Runs the zknet language server on stdin/stdout (Language Server Protocol, JSON-RPC).",
				"Editors start it; it is not meant to be used by hand."})
public class LspCommand implements Callable<Integer> {

	@Override
	public Integer call() {
		// ServerLauncher finds the language through META-INF/services/org.eclipse.xtext.ISetup
		ServerLauncher.launch(ServerLauncher.class.getName(), new String[0], ZknetServerModule.create());
		return ExitCodes.OK;
	}
}
