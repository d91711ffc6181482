package org.zkvm.dsl.ui.outline;

import java.util.List;
import java.util.Objects;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.zkvm.dsl.ui.ZknetUiPlugin;
import org.zkvm.dsl.ui.editor.Locations;
import org.zkvm.dsl.ui.editor.ZknetDocument;

/**
 * The model's structure (CECs, LPARs, hosts, guests, interfaces, links, networks) from the server's
 * document symbols, refreshed each time the server has checked the document; selecting an entry
 * selects its name in the editor.
 */
public class ZknetOutlinePage extends ContentOutlinePage {

	private final ITextEditor editor;
	private final ZknetDocument document;
	private AutoCloseable subscription;

	ZknetOutlinePage(ITextEditor editor, ZknetDocument document) {
		this.editor = editor;
		this.document = document;
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer viewer = getTreeViewer();
		viewer.setContentProvider(new SymbolContentProvider());
		viewer.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object element) {
				if (element instanceof DocumentSymbol symbol) {
					return symbol.getDetail() == null || symbol.getDetail().isBlank() ? symbol.getName()
							: symbol.getName() + " : " + symbol.getDetail();
				}
				return String.valueOf(element);
			}
		});
		viewer.addSelectionChangedListener(event -> {
			if (event.getSelection() instanceof IStructuredSelection selection
					&& selection.getFirstElement() instanceof DocumentSymbol symbol && getControl().isFocusControl()) {
				Locations.select(editor, symbol.getSelectionRange());
			}
		});
		subscription = document.onChecked(this::refresh);
		refresh();
	}

	/** Asks the server for the symbols and shows them. */
	public void refresh() {
		DocumentSymbolParams params = new DocumentSymbolParams(new TextDocumentIdentifier(document.uri()));
		document.server().requests().documentSymbol(params).whenComplete((result, error) -> {
			if (error != null) {
				ZknetUiPlugin.error("zknet outline: no symbols for " + document.uri(), error);
				return;
			}
			List<DocumentSymbol> symbols = result.stream().filter(Either::isRight).map(Either::getRight).toList();
			Display.getDefault().asyncExec(() -> show(symbols));
		});
	}

	private void show(List<DocumentSymbol> symbols) {
		TreeViewer viewer = getTreeViewer();
		if (viewer == null || viewer.getControl().isDisposed()) {
			return;
		}
		Object[] expanded = viewer.getExpandedElements();
		viewer.setInput(symbols);
		if (expanded.length == 0) {
			viewer.expandToLevel(2);
		} else {
			restore(viewer, symbols, expanded);
		}
	}

	/** Keeps what the user expanded expanded, by name and kind (the symbols are new objects each time). */
	private static void restore(TreeViewer viewer, List<DocumentSymbol> symbols, Object[] expanded) {
		for (DocumentSymbol symbol : symbols) {
			for (Object old : expanded) {
				if (old instanceof DocumentSymbol before && Objects.equals(before.getName(), symbol.getName())
						&& before.getKind() == symbol.getKind()) {
					viewer.setExpandedState(symbol, true);
					if (symbol.getChildren() != null) {
						restore(viewer, symbol.getChildren(), expanded);
					}
				}
			}
		}
	}

	@Override
	public void dispose() {
		if (subscription != null) {
			try {
				subscription.close();
			} catch (Exception e) {
				// a list removal; cannot fail
			}
		}
		super.dispose();
	}

	private static final class SymbolContentProvider extends ArrayContentProvider implements ITreeContentProvider {
		@Override
		public Object[] getChildren(Object parent) {
			return parent instanceof DocumentSymbol symbol && symbol.getChildren() != null ? symbol.getChildren().toArray() : new Object[0];
		}

		@Override
		public Object getParent(Object element) {
			return null;
		}

		@Override
		public boolean hasChildren(Object element) {
			return element instanceof DocumentSymbol symbol && symbol.getChildren() != null && !symbol.getChildren().isEmpty();
		}
	}
}
