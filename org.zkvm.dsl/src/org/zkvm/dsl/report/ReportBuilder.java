package org.zkvm.dsl.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.zkvm.dsl.analysis.ConnectionAdvice.Connection;
import org.zkvm.dsl.analysis.ConnectionAdvice;
import org.zkvm.dsl.analysis.IsfcCapacity;
import org.zkvm.dsl.analysis.IsfcLayout;
import org.zkvm.dsl.analysis.PointToPointRates;
import org.zkvm.dsl.analysis.UperfWorkload;
import org.zkvm.dsl.lab.LabNetworkBuilder;
import org.zkvm.dsl.lab.WorkloadPaths;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.IsfcLinks;
import org.zkvm.dsl.zknet.Cec;
import org.zkvm.dsl.zknet.Guest;
import org.zkvm.dsl.zknet.HiperSocketsInterface;
import org.zkvm.dsl.zknet.IsfcLink;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Model;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.PointToPointKind;
import org.zkvm.dsl.zknet.PointToPointLink;
import org.zkvm.dsl.zknet.StreamDirection;
import org.zkvm.dsl.zknet.TopElement;
import org.zkvm.dsl.zknet.Workload;
import org.zkvm.dsl.zknet.ZvmCluster;
import org.zkvm.dsl.zknet.ZvmMember;

/** Builds the report of a whole model (all its files) from the analysis package. */
public final class ReportBuilder {
	private ReportBuilder() {
	}

	public static CapacityReport build(List<Model> models) {
		List<String> sources = new ArrayList<>();
		List<CapacityReport.IsfcLink> isfc = new ArrayList<>();
		List<CapacityReport.PointToPointLink> p2p = new ArrayList<>();
		List<CapacityReport.Advice> advice = new ArrayList<>();
		List<CapacityReport.PathSummary> paths = new ArrayList<>();
		List<CapacityReport.Bond> bonds = new ArrayList<>();
		List<CapacityReport.Ipv6Step> ipv6Steps = new ArrayList<>();
		// the one path engine: the lab's simulation of the kernel, over the whole site
		WorkloadPaths engine = new WorkloadPaths(LabNetworkBuilder.build(models));
		for (Model model : models) {
			String source = model.eResource().getURI().lastSegment();
			sources.add(source);
			for (TopElement element : model.getElements()) {
				if (element instanceof ZvmCluster cluster) {
					for (ZvmMember member : cluster.getMembers()) {
						if (member instanceof IsfcLink link && !link.getCtcs().isEmpty()) {
							isfc.add(isfcLink(cluster, link, source));
						} else if (member instanceof PointToPointLink link) {
							p2p.add(pointToPoint(link, source));
						}
					}
				} else if (element instanceof Cec cec) {
					for (var member : cec.getMembers()) {
						if (member instanceof Lpar lpar) {
							bonds.addAll(BondFailovers.of(lpar, source + ":" + line(lpar)));
							ipv6Steps.addAll(Ipv6MtuSteps.of(lpar, source + ":" + line(lpar)));
						}
					}
				} else if (element instanceof Workload workload) {
					advice.add(advice(workload, source));
					engine.between(workload.getFrom(), workload.getTo())
							.ifPresent(path -> paths.add(new CapacityReport.PathSummary(workload.getName(), source + ":" + line(workload), path)));
				}
			}
		}
		return new CapacityReport(sources, isfc, p2p, advice, paths, bonds, ipv6Steps);
	}

	private static CapacityReport.IsfcLink isfcLink(ZvmCluster cluster, IsfcLink link, String source) {
		IsfcLayout layout = IsfcLinks.layout(link);
		IsfcCapacity capacity = new IsfcCapacity(layout);
		return new CapacityReport.IsfcLink(IsfcLinks.name(link), cluster.getName(), source + ":" + line(link), capacity.whole(), capacity.byCtcCount(),
				isSeedLink(layout) ? new CapacityReport.Measured(964, 190,
						"seed 004: ISFC Transport run H001750C 964 MB/s client to server; APPC/VM run W001054C 190 MB/s server to client, on the 16-RDEV link") : null);
	}

	/** The measured setup of seed 004: 16 CTCs, four per chpid, two FICON Express2 (2 Gb/s) and two Express4 (4 Gb/s) chpids. */
	static boolean isSeedLink(IsfcLayout layout) {
		var shares = layout.chpidShares();
		return layout.ctcs().size() == 16 && shares.size() == 4 && shares.stream().allMatch(s -> s.ctcs() == 4)
				&& shares.stream().filter(s -> s.gbps() == 2).count() == 2 && shares.stream().filter(s -> s.gbps() == 4).count() == 2;
	}

	private static CapacityReport.PointToPointLink pointToPoint(PointToPointLink link, String source) {
		PointToPointRates.Driver driver = link.getKind() == PointToPointKind.IUCV ? PointToPointRates.Driver.IUCV : PointToPointRates.Driver.CTC;
		return new CapacityReport.PointToPointLink(link.getName(), link.getKind().getLiteral(), link.getLeft().getName(), link.getRight().getName(),
				link.getMtu(), source + ":" + line(link), PointToPointRates.estimate(driver, link.getMtu()));
	}

	private static CapacityReport.Advice advice(Workload workload, String source) {
		UperfWorkload w = workload(workload);
		String description = workload.getUperf() != null ? "uperf " + workload.getUperf() : describe(w);
		return new CapacityReport.Advice(workload.getName(), description, Hosts.endpoint(workload.getFrom()), Hosts.endpoint(workload.getTo()),
				source + ":" + line(workload), ConnectionAdvice.rank(w, possible(workload.getFrom(), workload.getTo()), guestSideMtu(workload)));
	}

	/** The smallest MTU of the guest ends' NICs and the bridges they are on (0 without a guest end): what routed HiperSockets carry from a guest. */
	private static int guestSideMtu(Workload workload) {
		int mtu = Integer.MAX_VALUE;
		for (EObject end : List.of(workload.getFrom(), workload.getTo())) {
			if (end instanceof Guest guest) {
				for (Nic nic : guest.getMembers().stream().filter(Nic.class::isInstance).map(Nic.class::cast).toList()) {
					mtu = Math.min(mtu, Hosts.mtu(nic));
					if (nic.getBridge() != null && !nic.getBridge().eIsProxy()) {
						mtu = Math.min(mtu, Hosts.mtu(nic.getBridge()));
					}
				}
			}
		}
		return mtu == Integer.MAX_VALUE ? 0 : mtu;
	}

	private static UperfWorkload workload(Workload workload) {
		if (workload.getUperf() != null) {
			return UperfWorkload.parse(workload.getUperf());
		}
		if (workload.isTransactional()) {
			return new UperfWorkload(false, false, workload.getRequest(), workload.getResponse(), workload.getConnections());
		}
		boolean read = workload.getDirection() == StreamDirection.READ;
		return new UperfWorkload(true, read, read ? 0 : workload.getMessage(), read ? workload.getMessage() : 0, workload.getConnections());
	}

	private static String describe(UperfWorkload w) {
		if (w.streaming()) {
			return "streaming " + (w.read() ? "read" : "write") + " of " + w.messageBytes() + "-byte messages over " + w.connections() + " connections";
		}
		return "transactional, " + w.requestBytes() + "-byte requests, " + w.responseBytes() + "-byte responses, " + w.connections() + " connections";
	}

	/** The connections the two ends' hardware allows (seed 002's five setups). */
	static Set<Connection> possible(EObject from, EObject to) {
		Lpar a = from instanceof Lpar l ? l : Hosts.lparOf(from);
		Lpar b = to instanceof Lpar l ? l : Hosts.lparOf(to);
		if (from instanceof Guest && to instanceof Guest && a == b) {
			return EnumSet.of(Connection.LOCAL_OVS);
		}
		Set<Connection> result = EnumSet.of(Connection.MACVTAP, Connection.ATTACHED_OSA, Connection.ROUTED_OSA);
		if (a != null && b != null && a != b && sharesHiperSockets(a, b)) {
			result.add(Connection.ROUTED_HIPERSOCKETS);
		}
		return result;
	}

	private static boolean sharesHiperSockets(Lpar a, Lpar b) {
		for (HiperSocketsInterface mine : Hosts.members(a, HiperSocketsInterface.class)) {
			for (HiperSocketsInterface theirs : Hosts.members(b, HiperSocketsInterface.class)) {
				if (mine.getLan() != null && mine.getLan() == theirs.getLan()) {
					return true;
				}
			}
		}
		return false;
	}

	private static int line(EObject element) {
		var node = NodeModelUtils.getNode(element);
		return node == null ? 0 : node.getStartLine();
	}
}
