package org.zkvm.dsl.ui.editor;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextInputListener;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.jface.text.source.IAnnotationModelListener;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.zkvm.dsl.ui.ProblemMarkers;
import org.zkvm.dsl.ui.ZknetUiPlugin;

/**
 * Connects an editor's document to the language server and shows what the server finds while the
 * user types: its diagnostics as annotations (the builder's markers for the same file are hidden
 * meanwhile, so nothing shows twice) and its semantic tokens as colours.
 */
public class ZknetReconciler implements IReconciler, ITextInputListener {

	private ITextViewer viewer;
	private ZknetDocument connected;
	private AutoCloseable checkedSubscription;
	private SemanticHighlighter highlighter;
	private Annotation[] shown = new Annotation[0];
	private final IAnnotationModelListener markerHider = model -> hideMarkers(model, true);

	@Override
	public void install(ITextViewer textViewer) {
		viewer = textViewer;
		viewer.addTextInputListener(this);
		connect(viewer.getDocument());
	}

	@Override
	public void uninstall() {
		if (viewer != null) {
			viewer.removeTextInputListener(this);
			disconnect();
			viewer = null;
		}
	}

	@Override
	public IReconcilingStrategy getReconcilingStrategy(String contentType) {
		return null;
	}

	@Override
	public void inputDocumentAboutToBeChanged(IDocument oldInput, IDocument newInput) {
		disconnect();
	}

	@Override
	public void inputDocumentChanged(IDocument oldInput, IDocument newInput) {
		connect(newInput);
	}

	private void connect(IDocument document) {
		if (document == null || connected != null) {
			return;
		}
		try {
			connected = ZknetDocument.connect(document);
		} catch (RuntimeException e) {
			ZknetUiPlugin.error("zknet: the language server could not open the document", e);
		}
		if (connected == null) {
			return;
		}
		highlighter = new SemanticHighlighter(viewer, connected);
		if (viewer instanceof ISourceViewer sourceViewer && sourceViewer.getAnnotationModel() != null) {
			sourceViewer.getAnnotationModel().addAnnotationModelListener(markerHider);
		}
		checkedSubscription = connected.onChecked(this::checked);
		checked();
	}

	private void disconnect() {
		if (connected == null) {
			return;
		}
		try {
			checkedSubscription.close();
		} catch (Exception e) {
			// a list removal; cannot fail
		}
		highlighter.dispose();
		highlighter = null;
		showAnnotations(List.of());
		if (viewer instanceof ISourceViewer sourceViewer && sourceViewer.getAnnotationModel() != null) {
			sourceViewer.getAnnotationModel().removeAnnotationModelListener(markerHider);
			hideMarkers(sourceViewer.getAnnotationModel(), false);
		}
		ZknetDocument.disconnect(connected);
		connected = null;
	}

	private void checked() {
		ZknetDocument document = connected;
		if (document == null) {
			return;
		}
		List<Diagnostic> diagnostics = document.diagnostics();
		SemanticHighlighter currentHighlighter = highlighter;
		Display display = Display.getDefault();
		display.asyncExec(() -> {
			if (connected == document) {
				showAnnotations(diagnostics);
			}
		});
		if (currentHighlighter != null) {
			currentHighlighter.refresh();
		}
	}

	private void showAnnotations(List<Diagnostic> diagnostics) {
		if (!(viewer instanceof ISourceViewer sourceViewer) || sourceViewer.getAnnotationModel() == null) {
			return;
		}
		IAnnotationModel model = sourceViewer.getAnnotationModel();
		IDocument document = viewer.getDocument();
		Map<Annotation, Position> added = new HashMap<>();
		if (document != null) {
			for (Diagnostic diagnostic : diagnostics) {
				Region region = Positions.region(document, diagnostic.getRange());
				added.put(new ZknetAnnotation(diagnostic), new Position(region.getOffset(), region.getLength()));
			}
		}
		if (model instanceof IAnnotationModelExtension extension) {
			extension.replaceAnnotations(shown, added);
		} else {
			for (Annotation old : shown) {
				model.removeAnnotation(old);
			}
			added.forEach(model::addAnnotation);
		}
		shown = added.keySet().toArray(new Annotation[0]);
		hideMarkers(model, connected != null);
	}

	/** The builder's markers describe the saved file; while the editor shows the server's view they step back. */
	private static void hideMarkers(IAnnotationModel model, boolean hide) {
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			if (it.next() instanceof MarkerAnnotation marker && ProblemMarkers.isZknet(marker.getMarker())) {
				marker.markDeleted(hide);
			}
		}
	}
}
