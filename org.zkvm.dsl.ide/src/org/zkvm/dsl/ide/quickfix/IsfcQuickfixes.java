package org.zkvm.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.editor.quickfix.DiagnosticResolutionAcceptor;
import org.eclipse.xtext.ide.editor.quickfix.QuickFix;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.zkvm.dsl.analysis.DeviceRange;
import org.zkvm.dsl.analysis.IsfcLayout;
import org.zkvm.dsl.topology.IsfcLinks;
import org.zkvm.dsl.validation.IssueCodes;
import org.zkvm.dsl.zknet.CtcGroup;
import org.zkvm.dsl.zknet.IsfcLink;
import org.zkvm.dsl.zknet.ZvmCluster;
import org.zkvm.dsl.zknet.ZvmMember;

/** Fixes of the ISFC and SSI checks (IsfcValidator): CTCs per chpid, chpid order, missing links. */
public class IsfcQuickfixes extends QuickfixBase {

	@QuickFix(IssueCodes.ISFC_CTCS_PER_CHPID)
	public void limitCtcsPerChpid(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Drop the CTCs beyond 4 per chpid", edits((diagnostic, element, changes) -> {
			IsfcLink link = EcoreUtil2.getContainerOfType(element, IsfcLink.class);
			if (link != null) {
				rewriteCtcs(link, limitPerChpid(link), changes);
			}
		}));
		acceptor.accept("Move the CTCs beyond 4 per chpid to the link's other chpids", edits((diagnostic, element, changes) -> {
			IsfcLink link = EcoreUtil2.getContainerOfType(element, IsfcLink.class);
			if (link != null) {
				moveToSpareChpids(link).ifPresent(ctcs -> rewriteCtcs(link, ctcs, changes));
			}
		}));
	}

	@QuickFix(IssueCodes.ISFC_CHPID_ORDER)
	public void reorderChpids(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Reassign the CTC devices to the chpids so that both directions carry the same", edits((diagnostic, element, changes) -> {
			IsfcLink link = EcoreUtil2.getContainerOfType(element, IsfcLink.class);
			if (link == null) {
				return;
			}
			List<CtcLine> ctcs = ctcLines(link);
			Map<String, CtcLine> byChpid = new LinkedHashMap<>();
			ctcs.forEach(c -> byChpid.putIfAbsent(c.chpidKey, c));
			List<CtcLine> reordered = new ArrayList<>();
			for (IsfcLayout.Ctc ctc : IsfcLinks.layout(link).recommended()) {
				CtcLine chpid = byChpid.get(ctc.chpid());
				reordered.add(new CtcLine(ctc.leftDevice(), ctc.rightDevice(), chpid.chpidKey, chpid.chpidText, chpid.remoteChpidText));
			}
			if (reordered.size() == ctcs.size()) {
				rewriteCtcs(link, reordered, changes);
			}
		}));
	}

	@QuickFix(IssueCodes.SSI_MEMBERS)
	public void addMissingLink(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Add the missing ISFC logical link", edits((diagnostic, element, changes) -> {
			List<String> names = data(diagnostic);
			ZvmCluster cluster = EcoreUtil2.getContainerOfType(element, ZvmCluster.class);
			if (names.size() < 2 || cluster == null || cluster.getMembers().isEmpty()) {
				return;
			}
			ZvmMember last = cluster.getMembers().get(cluster.getMembers().size() - 1);
			changes.insertLinesAfter(last, List.of("isfc " + names.get(0) + " <-> " + names.get(1) + " {",
					"\t// the FICON CTCs of this link: ctc DEVICES chpid CHPID remote DEVICES", "}"));
		}));
	}

	/** One CTC as the fix writes it back: its devices, and its chpids as the user wrote them. */
	private record CtcLine(int left, int right, String chpidKey, String chpidText, String remoteChpidText) {
	}

	private static List<CtcLine> ctcLines(IsfcLink link) {
		List<CtcLine> result = new ArrayList<>();
		for (CtcGroup group : link.getCtcs()) {
			List<Integer> local = IsfcLinks.devices(group.getDevices());
			List<Integer> remote = IsfcLinks.devices(group.getRemoteDevices());
			String key = group.getChpid() == null || group.getChpid().eIsProxy() ? "?" : group.getChpid().getName();
			String chpid = TextChanges.written(group, Z.getCtcGroup_Chpid(), 0);
			String remoteChpid = group.getRemoteChpid() == null ? null : TextChanges.written(group, Z.getCtcGroup_RemoteChpid(), 0);
			for (int i = 0; i < Math.min(local.size(), remote.size()); i++) {
				result.add(new CtcLine(local.get(i), remote.get(i), key, chpid, remoteChpid));
			}
		}
		return result;
	}

	private static List<CtcLine> limitPerChpid(IsfcLink link) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		List<CtcLine> kept = new ArrayList<>();
		for (CtcLine ctc : ctcLines(link)) {
			if (counts.merge(ctc.chpidKey, 1, Integer::sum) <= IsfcLayout.CTCS_PER_CHPID) {
				kept.add(ctc);
			}
		}
		return kept;
	}

	private static Optional<List<CtcLine>> moveToSpareChpids(IsfcLink link) {
		List<CtcLine> ctcs = ctcLines(link);
		Map<String, Integer> counts = new LinkedHashMap<>();
		Map<String, CtcLine> first = new LinkedHashMap<>();
		for (CtcLine ctc : ctcs) {
			counts.merge(ctc.chpidKey, 1, Integer::sum);
			first.putIfAbsent(ctc.chpidKey, ctc);
		}
		Map<String, Integer> seen = new LinkedHashMap<>();
		List<CtcLine> result = new ArrayList<>();
		for (CtcLine ctc : ctcs) {
			if (seen.merge(ctc.chpidKey, 1, Integer::sum) <= IsfcLayout.CTCS_PER_CHPID) {
				result.add(ctc);
				continue;
			}
			Optional<String> spare = counts.entrySet().stream().filter(e -> e.getValue() < IsfcLayout.CTCS_PER_CHPID).map(Map.Entry::getKey).findFirst();
			if (spare.isEmpty()) {
				return Optional.empty();
			}
			counts.merge(spare.get(), 1, Integer::sum);
			counts.merge(ctc.chpidKey, -1, Integer::sum);
			CtcLine target = first.get(spare.get());
			result.add(new CtcLine(ctc.left, ctc.right, target.chpidKey, target.chpidText, target.remoteChpidText));
		}
		return Optional.of(result);
	}

	/** Writes the link's CTCs back as groups of consecutive devices on the same chpids. */
	private static void rewriteCtcs(IsfcLink link, List<CtcLine> ctcs, TextChanges changes) {
		if (link.getCtcs().isEmpty()) {
			return;
		}
		List<String> lines = new ArrayList<>();
		int i = 0;
		while (i < ctcs.size()) {
			CtcLine start = ctcs.get(i);
			int j = i;
			while (j + 1 < ctcs.size() && sameChpids(start, ctcs.get(j + 1)) && ctcs.get(j + 1).left == ctcs.get(j).left + 1
					&& ctcs.get(j + 1).right == ctcs.get(j).right + 1) {
				j++;
			}
			CtcLine end = ctcs.get(j);
			lines.add("ctc " + range(start.left, end.left) + " chpid " + start.chpidText + " remote " + range(start.right, end.right)
					+ (start.remoteChpidText != null ? " chpid " + start.remoteChpidText : ""));
			i = j + 1;
		}
		CtcGroup firstGroup = link.getCtcs().get(0);
		CtcGroup lastGroup = link.getCtcs().get(link.getCtcs().size() - 1);
		var firstNode = NodeModelUtils.getNode(firstGroup);
		var lastNode = NodeModelUtils.getNode(lastGroup);
		String indent = changes.indentation(firstGroup);
		changes.replace(firstNode.getOffset(), lastNode.getEndOffset() - firstNode.getOffset(), String.join("\n" + indent, lines));
	}

	private static boolean sameChpids(CtcLine a, CtcLine b) {
		return a.chpidText.equals(b.chpidText) && Objects.equals(a.remoteChpidText, b.remoteChpidText);
	}

	private static String range(int first, int last) {
		return first == last ? DeviceRange.format(first) : DeviceRange.format(first) + "-" + DeviceRange.format(last);
	}
}
