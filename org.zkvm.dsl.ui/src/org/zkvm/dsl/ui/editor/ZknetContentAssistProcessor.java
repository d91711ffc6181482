package org.zkvm.dsl.ui.editor;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.zkvm.dsl.ui.ZknetUiPlugin;
import org.zkvm.dsl.ui.server.EmbeddedLanguageServer;

/** Content assist from the server's completion: keywords, values and names from every model file of the project. */
public class ZknetContentAssistProcessor implements IContentAssistProcessor {

	private String error;

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		error = null;
		ZknetDocument document = ZknetDocument.of(viewer.getDocument());
		if (document == null) {
			return new ICompletionProposal[0];
		}
		CompletionParams params = new CompletionParams(new TextDocumentIdentifier(document.uri()),
				Positions.position(document.document(), offset));
		try {
			Either<List<CompletionItem>, CompletionList> result = completion(document, params);
			List<CompletionItem> items = result == null ? List.of() : result.isLeft() ? result.getLeft() : result.getRight().getItems();
			return items.stream().map(item -> new ServerCompletionProposal(item, document.document(), offset))
					.toArray(ICompletionProposal[]::new);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new ICompletionProposal[0];
		} catch (Exception e) {
			error = "zknet: no proposals (" + e.getMessage() + ")";
			ZknetUiPlugin.error("zknet content assist failed", e);
			return new ICompletionProposal[0];
		}
	}

	/**
	 * The server cancels a running read request when a write comes in (a file of the project
	 * changed, the builder wrote its output): the request is asked again then, as editors do, up to
	 * three times.
	 */
	private static Either<List<CompletionItem>, CompletionList> completion(ZknetDocument document, CompletionParams params) throws Exception {
		for (int attempt = 1;; attempt++) {
			try {
				return document.server().requests().completion(params).get(EmbeddedLanguageServer.BACKGROUND_WAIT_MILLIS, TimeUnit.MILLISECONDS);
			} catch (CancellationException | ExecutionException e) {
				if (attempt == 3 || !cancelled(e)) {
					throw e;
				}
			}
		}
	}

	private static boolean cancelled(Exception e) {
		Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
		return cause instanceof CancellationException
				|| cause instanceof ResponseErrorException error && error.getResponseError().getCode() == ResponseErrorCode.RequestCancelled.getValue();
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return null;
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return error;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}
