package org.zkvm.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.xtext.ide.editor.quickfix.DiagnosticResolution;
import org.eclipse.xtext.ide.editor.quickfix.IQuickFixProvider;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2.Options;

import com.google.inject.Inject;

/**
 * Every quick fix of the catalogue (docs/checks.md, column "Fix"), as text edits on the document:
 * one provider per concern, as the checks come from one validator per concern, joined here. The
 * language server offers them as code actions; the Eclipse editor calls the same provider.
 */
public class ZknetQuickfixProvider implements IQuickFixProvider {

	private final List<IQuickFixProvider> concerns;

	@Inject
	ZknetQuickfixProvider(IsfcQuickfixes isfc, ArpRoutingQuickfixes arpRouting, RpFilterQuickfixes rpFilter, MtuQuickfixes mtu,
			LayerDeviceQuickfixes layerDevice, ManagementQuickfixes management, Ipv6Quickfixes ipv6) {
		concerns = List.of(isfc, arpRouting, rpFilter, mtu, layerDevice, management, ipv6);
	}

	@Override
	public List<DiagnosticResolution> getResolutions(Options options, Diagnostic diagnostic) {
		List<DiagnosticResolution> resolutions = new ArrayList<>();
		for (IQuickFixProvider concern : concerns) {
			if (concern.handlesDiagnostic(diagnostic)) {
				resolutions.addAll(concern.getResolutions(options, diagnostic));
			}
		}
		// a fix that does not apply to this diagnostic's model computes no edit: never offer one that changes nothing
		resolutions.removeIf(resolution -> changesNothing(resolution.apply()));
		return resolutions;
	}

	private static boolean changesNothing(WorkspaceEdit edit) {
		return edit == null || (edit.getChanges() == null || edit.getChanges().values().stream().allMatch(List::isEmpty))
				&& (edit.getDocumentChanges() == null || edit.getDocumentChanges().isEmpty());
	}

	@Override
	public boolean handlesDiagnostic(Diagnostic diagnostic) {
		return concerns.stream().anyMatch(concern -> concern.handlesDiagnostic(diagnostic));
	}
}
