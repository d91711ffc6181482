package org.zkvm.dsl.tests.server;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.lsp4j.ServerCapabilities;
import org.junit.jupiter.api.Test;

/** What the server tells an editor it can do, at initialization. */
class ServerCapabilitiesTest extends SeedWorkspaceServer {

	@Test
	void theServerAdvertisesEveryFeature() {
		ServerCapabilities c = server.initializeResult().getCapabilities();
		assertNotNull(c.getCompletionProvider(), "completion");
		assertTrue(c.getHoverProvider().getLeft(), "hover");
		assertTrue(c.getDefinitionProvider().getLeft(), "definition");
		assertTrue(c.getReferencesProvider().getLeft(), "references");
		assertNotNull(c.getRenameProvider(), "rename");
		assertTrue(c.getDocumentFormattingProvider().getLeft(), "formatting");
		assertTrue(c.getDocumentSymbolProvider().getLeft(), "document symbols");
		assertNotNull(c.getSemanticTokensProvider(), "semantic tokens");
		assertNotNull(c.getCodeActionProvider(), "code actions");
	}
}
