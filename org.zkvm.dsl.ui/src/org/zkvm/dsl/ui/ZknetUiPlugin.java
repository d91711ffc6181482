package org.zkvm.dsl.ui;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;
import org.zkvm.dsl.ide.ZknetIdeSetup;
import org.zkvm.dsl.ui.server.EmbeddedLanguageServer;

import com.google.inject.Injector;

/** The editor bundle: one language injector and one in-process language server for the workbench. */
public class ZknetUiPlugin extends AbstractUIPlugin {

	public static final String ID = "org.zkvm.dsl.ui";
	/** The content type of .zknet files (plugin.xml). */
	public static final String CONTENT_TYPE = "org.zkvm.dsl.zknet";

	private static volatile ZknetUiPlugin instance;

	private Injector language;
	private EmbeddedLanguageServer server;

	@Override
	public void start(BundleContext context) throws Exception {
		super.start(context);
		instance = this;
	}

	@Override
	public void stop(BundleContext context) throws Exception {
		EmbeddedLanguageServer running;
		synchronized (this) {
			running = server;
			server = null;
		}
		if (running != null) {
			running.shutdown();
		}
		instance = null;
		super.stop(context);
	}

	public static ZknetUiPlugin get() {
		ZknetUiPlugin plugin = instance;
		if (plugin == null) {
			throw new IllegalStateException("the zknet editor bundle is not started");
		}
		return plugin;
	}

	/** The language with its IDE services (org.zkvm.dsl.ide), created once. */
	public synchronized Injector language() {
		if (language == null) {
			language = new ZknetIdeSetup().createInjectorAndDoEMFRegistration();
		}
		return language;
	}

	/** The language server every editor talks to, started on first use with the workspace's open projects. */
	public synchronized EmbeddedLanguageServer server() {
		if (server == null) {
			server = EmbeddedLanguageServer.start(language());
		}
		return server;
	}

	public static void log(IStatus status) {
		ZknetUiPlugin plugin = instance;
		if (plugin != null) {
			plugin.getLog().log(status);
		}
	}

	public static void info(String message) {
		log(Status.info(message));
	}

	public static void error(String message, Throwable cause) {
		log(new Status(IStatus.ERROR, ID, message, cause));
	}
}
