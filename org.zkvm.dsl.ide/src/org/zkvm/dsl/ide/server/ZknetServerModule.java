package org.zkvm.dsl.ide.server;

import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.util.IFileSystemScanner;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.util.Modules;

/** Xtext's language server, indexing workspaces with {@link WorkspaceScanner} and ignoring events from the folders it skips. */
public final class ZknetServerModule extends AbstractModule {

	/** Xtext's server module with zknet's bindings over it. */
	public static Module create() {
		return Modules.override(new ServerModule()).with(new ZknetServerModule());
	}

	@Override
	protected void configure() {
		bind(IFileSystemScanner.class).to(WorkspaceScanner.class);
		bind(LanguageServerImpl.class).to(ZknetLanguageServer.class);
	}
}
