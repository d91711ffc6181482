package org.zkvm.dsl.ui.editor;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.zkvm.dsl.ui.server.EmbeddedLanguageServer;

/** Ctrl+click and F3 on a name: the server's definition, in this file or another of the project. */
public class ZknetHyperlinkDetector extends AbstractHyperlinkDetector {

	@Override
	public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
		ZknetDocument document = ZknetDocument.of(viewer.getDocument());
		if (document == null) {
			return null;
		}
		DefinitionParams params = new DefinitionParams(new TextDocumentIdentifier(document.uri()),
				Positions.position(document.document(), region.getOffset()));
		try {
			Either<List<? extends Location>, List<? extends LocationLink>> result = document.server().requests().definition(params)
					.get(EmbeddedLanguageServer.UI_WAIT_MILLIS, TimeUnit.MILLISECONDS);
			if (result == null || result.isRight() || result.getLeft().isEmpty()) {
				return null;
			}
			IRegion word = Words.at(document.document(), region.getOffset());
			return result.getLeft().stream().map(location -> new DefinitionHyperlink(word, location)).toArray(IHyperlink[]::new);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		} catch (Exception e) {
			return null;
		}
	}

	/** Opens one definition. */
	static final class DefinitionHyperlink implements IHyperlink {
		private final IRegion region;
		private final Location target;

		DefinitionHyperlink(IRegion region, Location target) {
			this.region = region;
			this.target = target;
		}

		@Override
		public IRegion getHyperlinkRegion() {
			return region;
		}

		@Override
		public String getTypeLabel() {
			return "Open Definition";
		}

		@Override
		public String getHyperlinkText() {
			return "Open Definition";
		}

		@Override
		public void open() {
			Locations.open(target);
		}
	}

	/** Names as the grammar's ID terminal has them, with '.' for qualified names. */
	static final class Words {
		private Words() {
		}

		static IRegion at(org.eclipse.jface.text.IDocument document, int offset) {
			String text = document.get();
			int start = Math.min(offset, text.length());
			while (start > 0 && isPart(text.charAt(start - 1))) {
				start--;
			}
			int end = Math.min(offset, text.length());
			while (end < text.length() && isPart(text.charAt(end))) {
				end++;
			}
			return new Region(start, Math.max(0, end - start));
		}

		private static boolean isPart(char c) {
			return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '^';
		}
	}
}
