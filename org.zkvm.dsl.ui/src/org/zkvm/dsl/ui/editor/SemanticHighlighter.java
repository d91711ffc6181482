package org.zkvm.dsl.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.BadPositionCategoryException;
import org.eclipse.jface.text.DefaultPositionUpdater;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.jface.text.IPositionUpdater;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.ITextViewerExtension4;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

/**
 * Colours names by what they name, from the server's semantic tokens (the calculator in
 * org.zkvm.dsl.ide.highlighting): an LPAR looks like an LPAR wherever it is referred to. The tokens
 * are kept as document positions, so they move with the text until the server's next answer, and
 * are merged into every presentation the syntax colouring makes.
 */
final class SemanticHighlighter implements ITextPresentationListener {

	private static final String CATEGORY = "org.zkvm.dsl.ui.semantic";

	/** Token type to colour; the kinds of org.zkvm.dsl.ide.symbols.ElementKind. */
	private static final Map<String, Color> COLOURS = Map.of(
			"namespace", new Color(new RGB(0x6a, 0x1b, 0x9a)), // CECs, z/VM clusters
			"class", new Color(new RGB(0x00, 0x5c, 0xb8)), // LPARs, hosts
			"struct", new Color(new RGB(0x00, 0x7a, 0x5e)), // guests
			"enumMember", new Color(new RGB(0x8a, 0x4b, 0x00)), // CHPIDs
			"property", new Color(new RGB(0x00, 0x6d, 0x8f)), // interfaces
			"type", new Color(new RGB(0x9c, 0x27, 0x4f)), // networks
			"interface", new Color(new RGB(0x5b, 0x5b, 0x00)), // links
			"function", new Color(new RGB(0x4a, 0x4a, 0xb0))); // workloads

	private static final class Token extends Position {
		final Color colour;
		final boolean declaration;

		Token(int offset, int length, Color colour, boolean declaration) {
			super(offset, length);
			this.colour = colour;
			this.declaration = declaration;
		}
	}

	private final ITextViewer viewer;
	private final ZknetDocument document;
	private final IPositionUpdater updater = new DefaultPositionUpdater(CATEGORY);
	private volatile boolean disposed;

	SemanticHighlighter(ITextViewer viewer, ZknetDocument document) {
		this.viewer = viewer;
		this.document = document;
		IDocument text = document.document();
		if (!text.containsPositionCategory(CATEGORY)) {
			text.addPositionCategory(CATEGORY);
			text.addPositionUpdater(updater);
		}
		if (viewer instanceof ITextViewerExtension4 extension) {
			extension.addTextPresentationListener(this);
		}
	}

	void dispose() {
		disposed = true;
		if (viewer instanceof ITextViewerExtension4 extension) {
			extension.removeTextPresentationListener(this);
		}
	}

	/** Asks the server for the tokens and shows them, unless the text changed while it answered. */
	void refresh() {
		SemanticTokensLegend legend = document.server().semanticTokensLegend();
		if (legend == null || disposed) {
			return;
		}
		long stamp = stamp();
		document.server().requests().semanticTokensFull(new SemanticTokensParams(new TextDocumentIdentifier(document.uri())))
				.thenAccept(tokens -> Display.getDefault().asyncExec(() -> {
					if (!disposed && tokens != null && stamp == stamp()) {
						show(decode(tokens, legend));
					}
				}));
	}

	private long stamp() {
		return document.document() instanceof IDocumentExtension4 extension ? extension.getModificationStamp() : 0;
	}

	private List<Token> decode(SemanticTokens tokens, SemanticTokensLegend legend) {
		IDocument text = document.document();
		List<Token> decoded = new ArrayList<>();
		List<Integer> data = tokens.getData();
		int declarationBit = legend.getTokenModifiers().indexOf("declaration");
		int line = 0;
		int character = 0;
		for (int i = 0; i + 4 < data.size(); i += 5) {
			int deltaLine = data.get(i);
			line += deltaLine;
			character = deltaLine == 0 ? character + data.get(i + 1) : data.get(i + 1);
			int type = data.get(i + 3);
			String typeName = type < legend.getTokenTypes().size() ? legend.getTokenTypes().get(type) : null;
			Color colour = typeName == null ? null : COLOURS.get(typeName);
			if (colour == null) {
				continue;
			}
			try {
				int offset = text.getLineOffset(line) + character;
				boolean declaration = declarationBit >= 0 && (data.get(i + 4) & (1 << declarationBit)) != 0;
				decoded.add(new Token(offset, data.get(i + 2), colour, declaration));
			} catch (BadLocationException stale) {
				return List.of();
			}
		}
		return decoded;
	}

	private void show(List<Token> tokens) {
		IDocument text = document.document();
		try {
			for (Position old : text.getPositions(CATEGORY)) {
				text.removePosition(CATEGORY, old);
			}
			for (Token token : tokens) {
				if (token.getOffset() + token.getLength() <= text.getLength()) {
					text.addPosition(CATEGORY, token);
				}
			}
		} catch (BadLocationException | BadPositionCategoryException e) {
			return;
		}
		if (viewer.getTextWidget() != null && !viewer.getTextWidget().isDisposed()) {
			viewer.invalidateTextPresentation();
		}
	}

	@Override
	public void applyTextPresentation(TextPresentation presentation) {
		IRegion extent = presentation.getExtent();
		if (extent == null) {
			return;
		}
		Position[] positions;
		try {
			positions = document.document().getPositions(CATEGORY);
		} catch (BadPositionCategoryException e) {
			return;
		}
		int start = extent.getOffset();
		int end = start + extent.getLength();
		for (Position position : positions) {
			if (position.isDeleted() || !(position instanceof Token token)) {
				continue;
			}
			if (token.getOffset() + token.getLength() <= start || token.getOffset() >= end) {
				continue;
			}
			StyleRange range = new StyleRange(token.getOffset(), token.getLength(), token.colour, null,
					token.declaration ? SWT.BOLD : SWT.NORMAL);
			presentation.mergeStyleRange(range);
		}
	}
}
