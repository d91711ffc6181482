package org.zkvm.dsl.ui.editor;

import java.util.concurrent.TimeUnit;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkedString;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.zkvm.dsl.ui.server.EmbeddedLanguageServer;

/** The server's hover (what a name is, its addresses, MTU and the facts behind a check) as plain text. */
public class ZknetTextHover implements ITextHover {

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		return new Region(offset, 0);
	}

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		ZknetDocument document = ZknetDocument.of(viewer.getDocument());
		if (document == null) {
			return null;
		}
		HoverParams params = new HoverParams(new TextDocumentIdentifier(document.uri()),
				Positions.position(document.document(), region.getOffset()));
		try {
			Hover hover = document.server().requests().hover(params).get(EmbeddedLanguageServer.BACKGROUND_WAIT_MILLIS, TimeUnit.MILLISECONDS);
			return hover == null || hover.getContents() == null ? null : plain(text(hover));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		} catch (Exception e) {
			return null;
		}
	}

	private static String text(Hover hover) {
		if (hover.getContents().isRight()) {
			return hover.getContents().getRight().getValue();
		}
		StringBuilder text = new StringBuilder();
		for (Either<String, MarkedString> part : hover.getContents().getLeft()) {
			text.append(part.isLeft() ? part.getLeft() : part.getRight().getValue()).append('\n');
		}
		return text.toString();
	}

	/** Markdown as the hover's plain text: no emphasis marks, code fences or backticks. */
	static String plain(String markdown) {
		String text = markdown.replaceAll("(?m)^```\\w*\\s*$\\n?", "").replace("**", "").replace("`", "").strip();
		return text.isEmpty() ? null : text;
	}
}
