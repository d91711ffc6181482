package org.zkvm.dsl.ui.quickfix;

import java.util.List;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.zkvm.dsl.ui.ProblemMarkers;
import org.zkvm.dsl.ui.ZknetUiPlugin;
import org.zkvm.dsl.ui.editor.Positions;
import org.zkvm.dsl.ui.editor.ZknetDocument;
import org.zkvm.dsl.ui.server.EmbeddedLanguageServer;

/**
 * Quick fixes for the builder's markers (Problems view, Ctrl+1 on a marker): the marker becomes the
 * diagnostic the server would have published, and the server's code actions for it are offered.
 */
public class ZknetMarkerResolutionGenerator implements IMarkerResolutionGenerator2 {

	/**
	 * A file open in the zknet editor is fixed there (Ctrl+1 on the live problem): its markers describe
	 * the saved text, and the editor would otherwise list every fix twice.
	 */
	@Override
	public boolean hasResolutions(IMarker marker) {
		return QuickFixes.hasFixes(marker.getAttribute(ProblemMarkers.CODE, null)) && !isOpenInEditor(marker);
	}

	private static boolean isOpenInEditor(IMarker marker) {
		return marker.getResource() instanceof IFile file && file.getLocationURI() != null
				&& ZknetDocument.ofUri(EmbeddedLanguageServer.uri(file.getLocationURI())) != null;
	}

	@Override
	public IMarkerResolution[] getResolutions(IMarker marker) {
		if (!(marker.getResource() instanceof IFile file) || file.getLocationURI() == null || !hasResolutions(marker)) {
			return new IMarkerResolution[0];
		}
		try {
			Diagnostic diagnostic = diagnostic(marker, file);
			EmbeddedLanguageServer server = ZknetUiPlugin.get().server();
			List<CodeAction> actions = QuickFixes.forDiagnostics(server, EmbeddedLanguageServer.uri(file.getLocationURI()), List.of(diagnostic));
			return actions.stream().map(Resolution::new).toArray(IMarkerResolution[]::new);
		} catch (Exception e) {
			ZknetUiPlugin.error("zknet: no quick fixes for " + marker.getAttribute(IMarker.MESSAGE, "a problem"), e);
			return new IMarkerResolution[0];
		}
	}

	/** The diagnostic behind a marker, with its range in the file as it is now. */
	static Diagnostic diagnostic(IMarker marker, IFile file) throws CoreException {
		ITextFileBufferManager buffers = FileBuffers.getTextFileBufferManager();
		buffers.connect(file.getFullPath(), LocationKind.IFILE, new NullProgressMonitor());
		try {
			IDocument document = buffers.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE).getDocument();
			int start = marker.getAttribute(IMarker.CHAR_START, 0);
			int end = marker.getAttribute(IMarker.CHAR_END, start);
			String message = ProblemMarkers.message(marker);
			DiagnosticSeverity severity = switch (marker.getAttribute(IMarker.SEVERITY, IMarker.SEVERITY_ERROR)) {
				case IMarker.SEVERITY_ERROR -> DiagnosticSeverity.Error;
				case IMarker.SEVERITY_WARNING -> DiagnosticSeverity.Warning;
				default -> DiagnosticSeverity.Information;
			};
			Diagnostic diagnostic = new Diagnostic(Positions.range(document, start, end - start), message, severity, "zknet",
					marker.getAttribute(ProblemMarkers.CODE, null));
			diagnostic.setData(ProblemMarkers.data(marker).toArray(String[]::new));
			return diagnostic;
		} finally {
			buffers.disconnect(file.getFullPath(), LocationKind.IFILE, new NullProgressMonitor());
		}
	}

	private static final class Resolution implements IMarkerResolution2 {
		private final CodeAction action;

		Resolution(CodeAction action) {
			this.action = action;
		}

		@Override
		public String getLabel() {
			return action.getTitle();
		}

		@Override
		public void run(IMarker marker) {
			QuickFixes.apply(action);
		}

		@Override
		public String getDescription() {
			return action.getTitle();
		}

		@Override
		public Image getImage() {
			return null;
		}
	}
}
