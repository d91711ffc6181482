package org.zkvm.dsl.report;

import java.util.List;

import org.zkvm.dsl.analysis.ConnectionAdvice;
import org.zkvm.dsl.analysis.IsfcCapacity;
import org.zkvm.dsl.analysis.PointToPointRates;
import org.zkvm.dsl.topology.PacketPath;

/**
 * Everything the capacity and advice report says about a model, computed once and rendered as
 * HTML, Markdown and JSON (docs/reports.md documents the JSON schema).
 */
public record CapacityReport(List<String> sources, List<IsfcLink> isfcLinks, List<PointToPointLink> pointToPointLinks, List<Advice> advice, List<PathSummary> paths,
		List<Bond> bonds, List<Ipv6Step> ipv6Steps) {

	/**
	 * An ISFC logical link: its estimate as modelled and for every smaller CTC count, and the seed's
	 * measured figures where the link is the one seed 004 measured.
	 */
	public record IsfcLink(String name, String cluster, String source, IsfcCapacity.Step whole, List<IsfcCapacity.Step> byCtcCount, Measured measured) {
	}

	/** Seed 004's measurements on its 16-CTC link (2 FICON Express2 and 2 Express4 chpids). */
	public record Measured(double isfcTransportMBps, double appcVmMBps, String source) {
	}

	public record PointToPointLink(String name, String kind, String left, String right, int mtu, String source, PointToPointRates.Estimate estimate) {
	}

	/** The path between a workload's ends, hop by hop with MTUs (starting at the guest end). */
	public record PathSummary(String workload, String source, PacketPath path) {
	}

	public record Advice(String workload, String description, String from, String to, String source, List<ConnectionAdvice.Ranked> ranking) {
	}

	/**
	 * A bond of a host: its members (chpid, OSA feature), the member that carries the traffic, and what
	 * a failure of that member's chpid changes; {@code redundant} whether a chpid or an OSA feature
	 * can fail without the host losing what the bond carries.
	 */
	public record Bond(String host, String name, String mode, String source, List<BondMember> members, String active, String failover, boolean redundant) {
	}

	/** Where a host routes IPv6 from a wider into a narrower MTU: IPv6 routers never fragment, the senders need path MTU discovery. */
	public record Ipv6Step(String host, String from, int fromMtu, String to, int toMtu, String source, String note) {
	}

	public record BondMember(String name, String chpid, String feature) {
	}
}
