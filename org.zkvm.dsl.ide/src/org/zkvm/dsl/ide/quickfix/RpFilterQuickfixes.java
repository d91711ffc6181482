package org.zkvm.dsl.ide.quickfix;

import java.util.List;

import org.eclipse.xtext.ide.editor.quickfix.DiagnosticResolutionAcceptor;
import org.eclipse.xtext.ide.editor.quickfix.QuickFix;
import org.zkvm.dsl.validation.IssueCodes;
import org.zkvm.dsl.zknet.HostRoute;
import org.zkvm.dsl.zknet.RpFilter;

/** Fixes of the reverse-path checks (RpFilterValidator). */
public class RpFilterQuickfixes extends QuickfixBase {

	@QuickFix(IssueCodes.RP_ASYMMETRIC)
	public void looseRpFilter(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Set rp_filter to loose (2) on this interface", edits((diagnostic, element, changes) -> {
			// the distribution's strict default, reported at the route: the model says loose for the interface
			if (element instanceof HostRoute route && data(diagnostic).size() == 1) {
				changes.insertLinesAfter(route, List.of("rp-filter loose on " + data(diagnostic).get(0)));
				return;
			}
			if (!(element instanceof RpFilter filter)) {
				return;
			}
			var nodes = TextChanges.nodes(filter, Z.getRpFilter_Interfaces());
			int offset = offsetOf(diagnostic, changes);
			for (int i = 0; i < nodes.size(); i++) {
				if (nodes.get(i).getOffset() <= offset && offset < nodes.get(i).getEndOffset()) {
					if (filter.getInterfaces().size() == 1) {
						changes.replaceFeature(filter, Z.getRpFilter_Mode(), "loose");
					} else {
						changes.removeListItem(filter, Z.getRpFilter_Interfaces(), i);
						changes.insertLinesAfter(filter, List.of("rp-filter loose on " + filter.getInterfaces().get(i).getName()));
					}
					return;
				}
			}
		}));
	}
}
