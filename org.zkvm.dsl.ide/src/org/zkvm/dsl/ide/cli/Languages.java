package org.zkvm.dsl.ide.cli;

import org.zkvm.dsl.ZknetStandaloneSetup;

import com.google.inject.Injector;

/** The language's injector, created once per process. */
final class Languages {
	private static Injector runtime;

	private Languages() {
	}

	static synchronized Injector runtime() {
		if (runtime == null) {
			runtime = new ZknetStandaloneSetup().createInjectorAndDoEMFRegistration();
		}
		return runtime;
	}
}
