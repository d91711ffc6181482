package org.zkvm.dsl.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import java.util.stream.Collectors;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;
import org.zkvm.dsl.analysis.DeviceRange;
import org.zkvm.dsl.analysis.FiconSpeeds;
import org.zkvm.dsl.analysis.IsfcLayout;
import org.zkvm.dsl.analysis.NodeNames;
import org.zkvm.dsl.topology.IsfcLinks;
import org.zkvm.dsl.zknet.Chpid;
import org.zkvm.dsl.zknet.CtcGroup;
import org.zkvm.dsl.zknet.FiconChpid;
import org.zkvm.dsl.zknet.IsfcLink;
import org.zkvm.dsl.zknet.IsfcTraffic;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.OperatingSystem;
import org.zkvm.dsl.zknet.ZvmCluster;
import org.zkvm.dsl.zknet.ZvmSystem;

/** ISFC logical links and SSI clusters (seed 004; facts §3). */
public class IsfcValidator extends ZknetCheckBase {

	private EStructuralFeature linkFeature(IsfcLink link) {
		return link.getName() != null ? Z.getZvmMember_Name() : Z.getIsfcLink_Left();
	}

	@Check
	public void checkCtcs(IsfcLink link) {
		Set<Integer> localSeen = new HashSet<>();
		Set<Integer> remoteSeen = new HashSet<>();
		Map<Chpid, Integer> perChpid = new LinkedHashMap<>();
		Map<Chpid, Integer> perRemoteChpid = new LinkedHashMap<>();
		Map<Chpid, List<CtcGroup>> groupsOn = new HashMap<>();
		Map<Chpid, List<CtcGroup>> groupsOnRemote = new HashMap<>();
		for (CtcGroup group : link.getCtcs()) {
			List<Integer> local = IsfcLinks.devices(group.getDevices());
			List<Integer> remote = IsfcLinks.devices(group.getRemoteDevices());
			checkFicon(group, group.getChpid(), Z.getCtcGroup_Chpid());
			checkFicon(group, group.getRemoteChpid(), Z.getCtcGroup_RemoteChpid());
			if (!local.isEmpty() && !remote.isEmpty() && local.size() != remote.size()) {
				report(IssueCodes.ISFC_UNPAIRED_DEVICE, "the CTC devices are not paired: " + local.size() + " devices on "
						+ IsfcLinks.name(link.getLeft()) + " (" + group.getDevices() + ") but " + remote.size() + " on " + IsfcLinks.name(link.getRight())
						+ " (" + group.getRemoteDevices() + "); every FICON CTC has one device number at each end, so list as many remote devices as local ones",
						group, Z.getCtcGroup_RemoteDevices());
			}
			checkUnique(local, localSeen, link.getLeft(), group, Z.getCtcGroup_Devices());
			checkUnique(remote, remoteSeen, link.getRight(), group, Z.getCtcGroup_RemoteDevices());
			int count = Math.min(local.size(), remote.size());
			if (group.getChpid() != null && !group.getChpid().eIsProxy()) {
				perChpid.merge(group.getChpid(), count, Integer::sum);
				groupsOn.computeIfAbsent(group.getChpid(), k -> new ArrayList<>()).add(group);
			}
			if (group.getRemoteChpid() != null && !group.getRemoteChpid().eIsProxy()) {
				perRemoteChpid.merge(group.getRemoteChpid(), count, Integer::sum);
				groupsOnRemote.computeIfAbsent(group.getRemoteChpid(), k -> new ArrayList<>()).add(group);
			}
		}
		checkPerChpid(link, perChpid, groupsOn, Z.getCtcGroup_Chpid());
		checkPerChpid(link, perRemoteChpid, groupsOnRemote, Z.getCtcGroup_RemoteChpid());

		IsfcLayout layout = IsfcLinks.layout(link);
		int n = layout.ctcs().size();
		if (n > IsfcLayout.MAX_CTCS) {
			report(IssueCodes.ISFC_TOO_MANY_CTCS, "logical link " + IsfcLinks.name(link) + " has " + n
					+ " CTCs; z/VM takes at most 16 devices per ISFC logical link (ACTIVATE ISLINK), so the link cannot be activated as planned; remove "
					+ (n - IsfcLayout.MAX_CTCS) + " of them", link, linkFeature(link));
		}
		if (n > 1 && layout.orderDependsOnCodePage()) {
			String ebcdicFirst = layout.orderingSystem();
			String asciiFirst = ebcdicFirst.equals(layout.left()) ? layout.right() : layout.left();
			report(IssueCodes.ISFC_NAME_ORDER, "which system orders link " + IsfcLinks.name(link) + " depends on how CP compares the names: in EBCDIC, "
					+ "CP's code, " + ebcdicFirst + " comes first (letters before digits), in ASCII " + asciiFirst + "; IBM says only \"the system whose"
					+ " name comes first in the alphabet\" (seed 004) and names no collating sequence. zknet follows EBCDIC (facts §3.3, an inference),"
					+ " so the device order, the chpid-order check and the report assume " + ebcdicFirst + " scans upwards; confirm it on the systems"
					+ " (which side's lowest devices carry its writes) or choose names whose order is the same in both", link, linkFeature(link));
		}
		if (n == 1) {
			report(IssueCodes.ISFC_SINGLE_CTC, "logical link " + IsfcLinks.name(link) + " has a single CTC: both systems write on the same device, "
					+ "so write collisions limit its throughput (seed 004); configure at least 2 CTCs, ideally 4 per FICON chpid", link, linkFeature(link));
		}
		if (n == 9 || n == 10) {
			report(IssueCodes.ISFC_STOP_SHORT_DEPTH, "with " + n + " CTCs each side stops 2 devices short and streams on "
					+ IsfcLayout.usableDevices(n) + " devices; 8 CTCs already give " + IsfcLayout.usableDevices(8)
					+ " (seed 004: from 8 to 10 RDEVs each side's scan gains only one in depth); plan 8, or 11 and more, to get value from every CTC",
					link, linkFeature(link));
		}
		if (n > 1 && link.getCarries().contains(IsfcTraffic.APPC)) {
			report(IssueCodes.ISFC_APPC_SCALING, "APPC/VM traffic gains only modestly from a multi-CTC logical link (seed 004); the "
					+ n + " CTCs mainly help relocation traffic", link, Z.getIsfcLink_Carries(), link.getCarries().indexOf(IsfcTraffic.APPC));
		}
		if (layout.mixedSpeeds()) {
			report(IssueCodes.ISFC_MIXED_SPEEDS, "logical link " + IsfcLinks.name(link) + " mixes FICON chpid speeds; z/VM recommends against it "
					+ "(ACTIVATE ISLINK: the link operates less efficiently)", link, linkFeature(link));
			layout.arrangementProblem().ifPresent(problem -> report(IssueCodes.ISFC_CHPID_ORDER,
					problem + ": " + layout.orderingSystem() + " scans its devices upwards and " + layout.otherSystem()
							+ " downwards, each stopping short of the far end, so each leaves other devices idle (seed 004); "
							+ "reassign the CTC devices to the chpids as the quick fix does",
					link, linkFeature(link)));
		}
	}

	private void checkUnique(List<Integer> devices, Set<Integer> seen, ZvmSystem system, CtcGroup group, EStructuralFeature feature) {
		for (int device : devices) {
			if (!seen.add(device)) {
				report(IssueCodes.ISFC_UNPAIRED_DEVICE, "device " + DeviceRange.format(device) + " of " + IsfcLinks.name(system)
						+ " is used twice in this link: ACTIVATE ISLINK rejects a duplicate device (HCP2721E); give each CTC its own device number",
						group, feature);
				return;
			}
		}
	}

	/** A FICON channel runs at a rate its feature negotiates (facts §3.5); another one would inflate or shrink every ISFC estimate. */
	@Check
	public void checkFiconSpeed(FiconChpid chpid) {
		if (chpid.getSpeed() == 0 || chpid.getGeneration() == null) {
			return;
		}
		String generation = chpid.getGeneration().getLiteral();
		List<Integer> rates = FiconSpeeds.negotiated(generation);
		if (!rates.contains(chpid.getSpeed())) {
			report(IssueCodes.ISFC_FICON_SPEED, "FICON " + generation + " negotiates " + rates.stream().map(r -> r + "").collect(Collectors.joining(", "))
					+ " Gbps (facts §3.5), not " + chpid.getSpeed() + " Gbps: give the speed the link really runs at, or leave it out for "
					+ rates.get(rates.size() - 1) + " Gbps", chpid, Z.getFiconChpid_Speed());
		}
	}

	private void checkFicon(CtcGroup group, Chpid chpid, EStructuralFeature feature) {
		if (chpid != null && !chpid.eIsProxy() && !(chpid instanceof FiconChpid)) {
			report(IssueCodes.ISFC_NOT_FICON, "chpid " + chpid.getName() + " is not a FICON (type FC) chpid: FICON CTC control units "
					+ "(UNIT=FCTC) require FC channel paths (IOCP ICP254I); put the CTC on an 'fc' chpid", group, feature);
		}
	}

	private void checkPerChpid(IsfcLink link, Map<Chpid, Integer> counts, Map<Chpid, List<CtcGroup>> groups, EStructuralFeature feature) {
		counts.forEach((chpid, count) -> {
			if (count > IsfcLayout.CTCS_PER_CHPID) {
				for (CtcGroup group : groups.get(chpid)) {
					report(IssueCodes.ISFC_CTCS_PER_CHPID, "chpid " + chpid.getName() + " carries " + count + " CTCs of link " + IsfcLinks.name(link)
							+ "; throughput rolls off beyond 4 CTCs per FICON chpid (seed 004, IBM's recommendation); move "
							+ (count - IsfcLayout.CTCS_PER_CHPID) + " to another chpid of the link or drop them", group, feature);
				}
			}
		});
	}

	@Check
	public void checkLpar(ZvmSystem system) {
		Lpar lpar = system.getLpar();
		if (lpar != null && !lpar.eIsProxy() && lpar.getOs() != OperatingSystem.ZVM) {
			report(IssueCodes.ZVM_LPAR, "z/VM system " + system.getName() + " is in LPAR " + lpar.getName() + ", which runs " + lpar.getOs().getLiteral()
					+ ": name a z/VM LPAR (lpar ... zvm)", system, Z.getZvmSystem_Lpar());
		}
	}

	@Check
	public void checkNodeName(ZvmSystem system) {
		NodeNames.problem(system.getName()).ifPresent(problem -> report(IssueCodes.ISFC_NODE_NAME,
				"the z/VM system name '" + system.getName() + "' is its ISFC node name and " + problem
						+ "; ACTIVATE ISLINK and the SSI configuration cannot use it", system, Z.getZvmMember_Name()));
	}

	@Check
	public void checkSsi(ZvmCluster cluster) {
		if (!cluster.isSsi()) {
			return;
		}
		List<ZvmSystem> systems = cluster.getMembers().stream().filter(ZvmSystem.class::isInstance).map(ZvmSystem.class::cast).toList();
		if (systems.size() > 4) {
			report(IssueCodes.SSI_MEMBERS, "SSI cluster " + cluster.getName() + " has " + systems.size()
					+ " members; an SSI cluster has at most 4 z/VM systems; split it or drop 'ssi'", cluster, Z.getTopElement_Name());
		}
		Set<String> linked = new HashSet<>();
		for (var member : cluster.getMembers()) {
			if (member instanceof IsfcLink link && link.getLeft() != null && link.getRight() != null) {
				linked.add(pair(link.getLeft(), link.getRight()));
			}
		}
		for (int i = 0; i < systems.size(); i++) {
			for (int j = i + 1; j < systems.size() && systems.size() <= 4; j++) {
				ZvmSystem a = systems.get(i);
				ZvmSystem b = systems.get(j);
				if (!linked.contains(pair(a, b))) {
					report(IssueCodes.SSI_MEMBERS, "SSI members " + a.getName() + " and " + b.getName()
							+ " have no direct ISFC logical link; an SSI cluster must be fully meshed, or the members cannot form the cluster; add 'isfc "
							+ a.getName() + " <-> " + b.getName() + " { ... }'", cluster, Z.getTopElement_Name(), a.getName(), b.getName());
				}
			}
		}
	}

	private static String pair(ZvmSystem a, ZvmSystem b) {
		String x = String.valueOf(System.identityHashCode(a));
		String y = String.valueOf(System.identityHashCode(b));
		return x.compareTo(y) < 0 ? x + "/" + y : y + "/" + x;
	}
}
