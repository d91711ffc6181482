package org.zkvm.dsl.ide.server;

import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.impl.ResourceServiceProviderRegistryImpl;
import org.eclipse.xtext.util.IFileSystemScanner;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;

/** Xtext's language server, indexing workspaces with {@link WorkspaceScanner} and ignoring events from the folders it skips. */
public final class ZknetServerModule extends AbstractModule {

	/** Xtext's server module with zknet's bindings over it. */
	public static Module create() {
		return Modules.override(new ServerModule()).with(new ZknetServerModule());
	}

	/**
	 * A server for use inside an OSGi runtime (the Eclipse editor, the tests), where the service loader
	 * that {@code zknet lsp} finds the language with does not work: the language is registered by hand.
	 *
	 * @param language the language's injector with its IDE services (ZknetIdeSetup)
	 */
	public static LanguageServerImpl inProcess(Injector language) {
		ResourceServiceProviderRegistryImpl registry = new ResourceServiceProviderRegistryImpl();
		registry.getExtensionToFactoryMap().put("zknet", language.getInstance(IResourceServiceProvider.class));
		return Guice.createInjector(Modules.override(create())
				.with(binder -> binder.bind(IResourceServiceProvider.Registry.class).toInstance(registry)))
				.getInstance(LanguageServerImpl.class);
	}

	@Override
	protected void configure() {
		bind(IFileSystemScanner.class).to(WorkspaceScanner.class);
		bind(LanguageServerImpl.class).to(ZknetLanguageServer.class);
		bind(WorkspaceManager.class).to(ZknetWorkspaceManager.class);
	}
}
