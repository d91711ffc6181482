package org.zkvm.dsl.ide.server;

import java.util.Optional;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.ide.server.BuildManager.Buildable;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.WorkspaceManager;

/** Xtext's workspace manager, with open documents that count lines as LSP does ({@link LspDocument}). */
@com.google.inject.Singleton
public class ZknetWorkspaceManager extends WorkspaceManager {

	/** The open document at a URI, if the editor has it open. */
	public Optional<Document> openDocument(URI uri) {
		return Optional.ofNullable(getOpenDocuments().get(uri));
	}

	@Override
	public Buildable didOpen(URI uri, Integer version, String contents) {
		Buildable buildable = super.didOpen(uri, version, contents);
		getOpenDocuments().put(uri, new LspDocument(version, contents));
		return buildable;
	}
}
