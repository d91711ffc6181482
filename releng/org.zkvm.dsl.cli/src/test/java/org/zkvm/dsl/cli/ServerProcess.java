package org.zkvm.dsl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * 'zknet lsp' started as an editor starts it, talking JSON-RPC over its stdin and stdout,
 * initialized with one workspace folder; its stderr goes to a file beside the workspace.
 */
final class ServerProcess implements AutoCloseable {

	static final int TIMEOUT = 60;

	final Process process;
	final DiagnosticsClient editor = new DiagnosticsClient();
	final LanguageServer server;
	final InitializeResult initialized;
	final Path stderr;

	ServerProcess(Path workspace, Path stderr) throws Exception {
		this.stderr = stderr;
		this.process = new ProcessBuilder(ZknetProcess.command("lsp")).redirectError(stderr.toFile()).start();
		Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(editor, process.getInputStream(), process.getOutputStream());
		launcher.startListening();
		this.server = launcher.getRemoteProxy();
		InitializeParams init = new InitializeParams();
		init.setProcessId((int) ProcessHandle.current().pid());
		init.setRootUri(workspace.toUri().toString());
		init.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), workspace.getFileName().toString())));
		init.setCapabilities(new ClientCapabilities());
		this.initialized = server.initialize(init).get(TIMEOUT, TimeUnit.SECONDS);
		server.initialized(new InitializedParams());
	}

	/** A file's URI as editors write it (file:///...). */
	static String uri(Path file) {
		return file.toUri().toString().replaceFirst("^file:/(?!/)", "file:///");
	}

	/** Shuts the server down as an editor does; it must exit. */
	void shutdown() throws Exception {
		server.shutdown().get(TIMEOUT, TimeUnit.SECONDS);
		server.exit();
		if (!process.waitFor(TIMEOUT, TimeUnit.SECONDS)) {
			throw new AssertionError("the server did not exit");
		}
	}

	String log() throws IOException {
		return Files.readString(stderr);
	}

	@Override
	public void close() {
		process.destroyForcibly();
	}
}
