package org.zkvm.dsl;

/** Initialises the language without Equinox (command line, language server, tests). */
public class ZknetStandaloneSetup extends ZknetStandaloneSetupGenerated {

	public static void doSetup() {
		new ZknetStandaloneSetup().createInjectorAndDoEMFRegistration();
	}
}
