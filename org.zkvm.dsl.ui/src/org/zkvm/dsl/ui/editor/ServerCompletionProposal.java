package org.zkvm.dsl.ui.editor;

import java.util.Locale;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposalExtension2;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;

/**
 * One completion item of the server. It replaces the item's range as the server gave it, stretched
 * by what the user typed after asking; typing on keeps the items whose label starts with the word.
 */
final class ServerCompletionProposal implements ICompletionProposal, ICompletionProposalExtension2 {

	private final CompletionItem item;
	private final int invokedAt;
	private final int start;
	private final int end;
	private final String text;
	private Point selection;

	ServerCompletionProposal(CompletionItem item, IDocument document, int invokedAt) {
		this.item = item;
		this.invokedAt = invokedAt;
		TextEdit edit = item.getTextEdit() == null ? null
				: item.getTextEdit().isLeft() ? item.getTextEdit().getLeft()
						: new TextEdit(item.getTextEdit().getRight().getReplace(), item.getTextEdit().getRight().getNewText());
		if (edit != null) {
			Region region = Positions.region(document, edit.getRange());
			start = region.getOffset();
			end = region.getOffset() + region.getLength();
			text = edit.getNewText();
		} else {
			start = invokedAt;
			end = invokedAt;
			text = item.getInsertText() != null ? item.getInsertText() : item.getLabel();
		}
	}

	@Override
	public void apply(ITextViewer viewer, char trigger, int stateMask, int offset) {
		replace(viewer.getDocument(), Math.max(end + (offset - invokedAt), offset));
	}

	private void replace(IDocument document, int replaceEnd) {
		try {
			document.replace(start, replaceEnd - start, text);
			selection = new Point(start + text.length(), 0);
		} catch (BadLocationException e) {
			selection = null;
		}
	}

	@Override
	public boolean validate(IDocument document, int offset, DocumentEvent event) {
		if (offset < start) {
			return false;
		}
		try {
			String typed = document.get(start, offset - start).toLowerCase(Locale.ROOT);
			return filterText().toLowerCase(Locale.ROOT).startsWith(typed);
		} catch (BadLocationException e) {
			return false;
		}
	}

	private String filterText() {
		return item.getFilterText() != null ? item.getFilterText() : text;
	}

	@Override
	public void selected(ITextViewer viewer, boolean smartToggle) {
	}

	@Override
	public void unselected(ITextViewer viewer) {
	}

	@Override
	public void apply(IDocument document) {
		replace(document, end);
	}

	@Override
	public Point getSelection(IDocument document) {
		return selection;
	}

	@Override
	public String getAdditionalProposalInfo() {
		return item.getDocumentation() == null ? item.getDetail()
				: item.getDocumentation().isLeft() ? item.getDocumentation().getLeft() : item.getDocumentation().getRight().getValue();
	}

	@Override
	public String getDisplayString() {
		return item.getDetail() == null || item.getDetail().isBlank() ? item.getLabel() : item.getLabel() + " \u2013 " + item.getDetail();
	}

	@Override
	public Image getImage() {
		return null;
	}

	@Override
	public IContextInformation getContextInformation() {
		return null;
	}

	/** The item as the server sent it. */
	CompletionItem item() {
		return item;
	}
}
