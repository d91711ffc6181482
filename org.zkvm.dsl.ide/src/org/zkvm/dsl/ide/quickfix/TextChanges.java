package org.zkvm.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Text edits on one zknet document, placed through the node model so that a quick fix touches only
 * what it changes and keeps the user's layout and comments everywhere else.
 */
public final class TextChanges {

	private record Change(int offset, int length, String text) {
	}

	private final Document document;
	private final String text;
	private final List<Change> changes = new ArrayList<>();

	public TextChanges(Document document) {
		this.document = document;
		this.text = document.getContents();
	}

	public String text() {
		return text;
	}

	public void replace(int offset, int length, String replacement) {
		changes.add(new Change(offset, length, replacement));
	}

	public static List<INode> nodes(EObject element, EStructuralFeature feature) {
		return NodeModelUtils.findNodesForFeature(element, feature);
	}

	/** The source text of a feature as written (a cross-reference's name as the user wrote it). */
	public static String written(EObject element, EStructuralFeature feature, int index) {
		List<INode> nodes = nodes(element, feature);
		if (nodes.isEmpty()) {
			return null;
		}
		return NodeModelUtils.getTokenText(nodes.get(Math.max(0, Math.min(index, nodes.size() - 1))));
	}

	/** Replaces the written value of a (single-valued) feature. */
	public boolean replaceFeature(EObject element, EStructuralFeature feature, String replacement) {
		List<INode> nodes = nodes(element, feature);
		if (nodes.isEmpty()) {
			return false;
		}
		INode node = nodes.get(0);
		replace(node.getOffset(), node.getLength(), replacement);
		return true;
	}

	/** Inserts text right after the written value of a feature. */
	public boolean insertAfterFeature(EObject element, EStructuralFeature feature, String insertion) {
		List<INode> nodes = nodes(element, feature);
		if (nodes.isEmpty()) {
			return false;
		}
		INode last = nodes.get(nodes.size() - 1);
		replace(last.getEndOffset(), 0, insertion);
		return true;
	}

	/** Removes one value of a comma-separated list, with its separator. */
	public void removeListItem(EObject element, EStructuralFeature feature, int index) {
		List<INode> nodes = nodes(element, feature);
		INode node = nodes.get(index);
		if (nodes.size() == 1) {
			return;
		}
		if (index > 0) {
			INode previous = nodes.get(index - 1);
			replace(previous.getEndOffset(), node.getEndOffset() - previous.getEndOffset(), "");
		} else {
			INode next = nodes.get(1);
			replace(node.getOffset(), next.getOffset() - node.getOffset(), "");
		}
	}

	/** Inserts text right after an element's last token (before a comment that follows it). */
	public void insertAtEnd(EObject element, String insertion) {
		INode last = null;
		for (INode leaf : NodeModelUtils.getNode(element).getLeafNodes()) {
			if (!((ILeafNode) leaf).isHidden()) {
				last = leaf;
			}
		}
		if (last != null) {
			replace(last.getEndOffset(), 0, insertion);
		}
	}

	/** Deletes text together with the blanks before it on its line ('  vnicc learning', '  address 10.0.0.1/8'). */
	public void deleteWithLeadingBlanks(int start, int end) {
		int from = start;
		while (from > 0 && (text.charAt(from - 1) == ' ' || text.charAt(from - 1) == '\t')) {
			from--;
		}
		replace(from, end - from, "");
	}

	/** Deletes the lines an element occupies (with the comment that ends its last line). */
	public void deleteLines(EObject element) {
		ICompositeNode node = NodeModelUtils.getNode(element);
		int start = lineStart(node.getOffset());
		int end = lineEnd(node.getEndOffset());
		replace(start, Math.min(text.length(), end + 1) - start, "");
	}

	/** Inserts a line after the line where an element ends, with that element's indentation. */
	public void insertLineAfter(EObject element, String line) {
		ICompositeNode node = NodeModelUtils.getNode(element);
		int start = lineStart(node.getOffset());
		int end = lineEnd(node.getEndOffset());
		replace(end, 0, "\n" + indentation(start) + line);
	}

	/** Inserts lines (nested lines start with tabs) after the line where an element ends, with its indentation. */
	public void insertLinesAfter(EObject element, List<String> lines) {
		String indent = indentation(element);
		StringBuilder block = new StringBuilder();
		for (String line : lines) {
			block.append('\n').append(indent).append(line);
		}
		ICompositeNode node = NodeModelUtils.getNode(element);
		replace(lineEnd(node.getEndOffset()), 0, block.toString());
	}

	/** Replaces the text of an element by lines (the first at the element's position, the others indented like it). */
	public void replaceElement(EObject element, List<String> lines) {
		ICompositeNode node = NodeModelUtils.getNode(element);
		String indent = indentation(element);
		replace(node.getOffset(), node.getLength(), String.join("\n" + indent, lines));
	}

	/** Inserts a line just before the closing brace of a block element, indented one step deeper. */
	public void insertBeforeClosingBrace(EObject block, String line) {
		ICompositeNode node = NodeModelUtils.getNode(block);
		int brace = text.lastIndexOf('}', node.getEndOffset() - 1);
		int start = lineStart(brace);
		String indent = indentation(start);
		if (text.substring(start, brace).isBlank()) {
			replace(start, 0, indent + "\t" + line + "\n");
		} else {
			replace(brace, 0, "\n" + indent + "\t" + line + "\n" + indent);
		}
	}

	public String indentation(EObject element) {
		return indentation(lineStart(NodeModelUtils.getNode(element).getOffset()));
	}

	private String indentation(int lineStart) {
		int i = lineStart;
		while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
			i++;
		}
		return text.substring(lineStart, i);
	}

	private int lineStart(int offset) {
		int i = offset;
		while (i > 0 && text.charAt(i - 1) != '\n') {
			i--;
		}
		return i;
	}

	private int lineEnd(int offset) {
		int i = offset;
		while (i < text.length() && text.charAt(i) != '\n') {
			i++;
		}
		return i;
	}

	/** The edits in document order; insertions at one place keep the order they were made in. */
	public List<TextEdit> edits() {
		List<Change> sorted = new ArrayList<>(changes);
		sorted.sort(Comparator.comparingInt(Change::offset));
		List<TextEdit> result = new ArrayList<>();
		Change pending = null;
		for (Change change : sorted) {
			if (pending != null && pending.offset() == change.offset() && pending.length() == 0) {
				pending = new Change(pending.offset(), change.length(), pending.text() + change.text());
				continue;
			}
			if (pending != null) {
				result.add(toEdit(pending));
			}
			pending = change;
		}
		if (pending != null) {
			result.add(toEdit(pending));
		}
		return result;
	}

	private TextEdit toEdit(Change change) {
		return new TextEdit(new Range(document.getPosition(change.offset()), document.getPosition(change.offset() + change.length())), change.text());
	}
}
