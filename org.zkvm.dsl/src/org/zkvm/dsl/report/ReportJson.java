package org.zkvm.dsl.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

import org.zkvm.dsl.analysis.ConnectionAdvice;
import org.zkvm.dsl.analysis.IsfcCapacity;
import org.zkvm.dsl.analysis.PointToPointRates;

/**
 * The report as JSON, schema "zknet-report/1" (docs/report.schema.json, described in
 * docs/reports.md). Field names and meanings are stable; new fields may be added. Numbers are
 * plain JSON numbers, MB/s rounded to two decimals.
 */
public final class ReportJson {
	private ReportJson() {
	}

	public static final String SCHEMA = "zknet-report/1";

	public static String render(CapacityReport report) {
		StringBuilder b = new StringBuilder();
		b.append("{\n  \"schema\": ").append(string(SCHEMA)).append(",\n");
		b.append("  \"sources\": [").append(String.join(", ", report.sources().stream().map(ReportJson::string).toList())).append("],\n");
		b.append("  \"isfcLinks\": [");
		appendAll(b, report.isfcLinks().stream().map(ReportJson::isfc).toList());
		b.append("],\n  \"pointToPointLinks\": [");
		appendAll(b, report.pointToPointLinks().stream().map(ReportJson::pointToPoint).toList());
		b.append("],\n  \"advice\": [");
		appendAll(b, report.advice().stream().map(ReportJson::advice).toList());
		b.append("],\n  \"paths\": [");
		appendAll(b, report.paths().stream().map(ReportJson::path).toList());
		b.append("],\n  \"bonds\": [");
		appendAll(b, report.bonds().stream().map(ReportJson::bond).toList());
		b.append("],\n  \"ipv6MtuSteps\": [");
		appendAll(b, report.ipv6Steps().stream().map(ReportJson::ipv6Step).toList());
		b.append("]\n}\n");
		return b.toString();
	}

	private static void appendAll(StringBuilder b, List<String> objects) {
		if (!objects.isEmpty()) {
			b.append("\n    ").append(String.join(",\n    ", objects)).append("\n  ");
		}
	}

	private static String isfc(CapacityReport.IsfcLink link) {
		IsfcCapacity.Step whole = link.whole();
		StringBuilder b = new StringBuilder("{");
		field(b, "name", string(link.name())).append(", ");
		field(b, "cluster", string(link.cluster())).append(", ");
		field(b, "source", string(link.source())).append(", ");
		field(b, "orderingSystem", string(whole.fromOrdering().from())).append(", ");
		field(b, "otherSystem", string(whole.fromOther().from())).append(", ");
		field(b, "ctcs", String.valueOf(whole.ctcs())).append(", ");
		field(b, "usedDevicesPerSide", String.valueOf(whole.usedDevices())).append(", ");
		field(b, "oneWayMBps", number(whole.fromOrdering().mbps())).append(", ");
		field(b, "estimate", "true").append(", ");
		field(b, "rule", string("87.5 MB/s per Gb/s of chpid link speed, prorated by the CTCs used on each chpid (used/4); seed 004")).append(", ");
		field(b, "directions", "[" + direction(whole.fromOrdering()) + ", " + direction(whole.fromOther()) + "]").append(", ");
		field(b, "byCtcCount", "[" + String.join(", ", link.byCtcCount().stream().map(ReportJson::step).toList()) + "]").append(", ");
		field(b, "measured", link.measured() == null ? "null"
				: "{\"isfcTransportMBps\": " + number(link.measured().isfcTransportMBps()) + ", \"appcVmMBps\": " + number(link.measured().appcVmMBps())
						+ ", \"source\": " + string(link.measured().source()) + "}");
		return b.append("}").toString();
	}

	private static String step(IsfcCapacity.Step step) {
		return "{\"ctcs\": " + step.ctcs() + ", \"usedDevices\": " + step.usedDevices() + ", \"sharedSingleCtc\": " + step.fromOrdering().sharedSingleCtc()
				+ ", \"oneWayMBps\": " + number(step.fromOrdering().mbps()) + ", \"reverseMBps\": " + number(step.fromOther().mbps())
				+ ", \"chpidShares\": [" + String.join(", ", step.fromOrdering().shares().stream().map(ReportJson::share).toList()) + "]}";
	}

	private static String direction(IsfcCapacity.Direction d) {
		return "{\"from\": " + string(d.from()) + ", \"to\": " + string(d.to()) + ", \"devices\": ["
				+ String.join(", ", d.devices().stream().map(dev -> string(String.format("%04X", dev))).toList()) + "], \"oneWayMBps\": " + number(d.mbps())
				+ ", \"chpidShares\": [" + String.join(", ", d.shares().stream().map(ReportJson::share).toList()) + "]}";
	}

	private static String share(IsfcCapacity.Share s) {
		return "{\"chpid\": " + string(s.chpid()) + ", \"gbps\": " + s.gbps() + ", \"usedDevices\": " + s.used() + ", \"fraction\": "
				+ number(s.used() / 4.0) + ", \"mbps\": " + number(s.mbps()) + "}";
	}

	private static String pointToPoint(CapacityReport.PointToPointLink link) {
		var e = link.estimate();
		return "{\"name\": " + string(link.name()) + ", \"kind\": " + string(link.kind()) + ", \"left\": " + string(link.left()) + ", \"right\": "
				+ string(link.right()) + ", \"source\": " + string(link.source()) + ", \"mtu\": " + link.mtu() + ", \"estimatedMBps\": " + number(e.mbps())
				+ ", \"mbPerCpuSecond\": " + number(e.mbPerCpuSecond()) + ", \"cpCpuSecondsPerMB\": " + number6(e.cpCpuPerMb())
				+ ", \"virtualCpuSecondsPerMB\": " + number6(e.virtualCpuPerMb()) + ", \"cmsIucvMBps\": " + number3(e.cmsIucvMbps())
				+ ", \"fractionOfCmsIucv\": " + number3(e.fractionOfCmsIucv()) + ", \"measured\": " + e.measured() + ", \"extrapolated\": "
				+ e.extrapolated() + ", \"estimate\": true, \"measuredOn\": " + string(PointToPointRates.MEASURED_ON) + "}";
	}

	private static String advice(CapacityReport.Advice advice) {
		return "{\"workload\": " + string(advice.workload()) + ", \"description\": " + string(advice.description()) + ", \"from\": " + string(advice.from())
				+ ", \"to\": " + string(advice.to()) + ", \"source\": " + string(advice.source()) + ", \"ranking\": ["
				+ String.join(", ", advice.ranking().stream().map(ReportJson::ranked).toList()) + "]}";
	}

	private static String path(CapacityReport.PathSummary p) {
		return "{\"workload\": " + string(p.workload()) + ", \"source\": " + string(p.source()) + ", \"from\": " + string(p.path().from()) + ", \"to\": "
				+ string(p.path().to()) + ", \"pathMtu\": " + p.path().pathMtu() + ", \"cutOff\": " + p.path().cutOff() + ", \"hops\": ["
				+ String.join(", ", p.path().hops().stream().map(h -> "{\"element\": " + string(h.element()) + ", \"mtu\": " + h.mtu() + ", \"event\": "
						+ string(h.event().name().toLowerCase(Locale.ROOT).replace('_', '-')) + ", \"note\": " + string(h.note()) + "}").toList())
				+ "]}";
	}

	private static String bond(CapacityReport.Bond bond) {
		return "{\"host\": " + string(bond.host()) + ", \"name\": " + string(bond.name()) + ", \"mode\": " + string(bond.mode()) + ", \"source\": "
				+ string(bond.source()) + ", \"members\": [" + String.join(", ", bond.members().stream().map(m -> "{\"name\": " + string(m.name())
						+ ", \"chpid\": " + string(m.chpid()) + ", \"feature\": " + (m.feature() == null ? "null" : string(m.feature())) + "}").toList())
				+ "], \"active\": " + string(bond.active()) + ", \"failover\": " + string(bond.failover()) + ", \"redundant\": " + bond.redundant() + "}";
	}

	private static String ipv6Step(CapacityReport.Ipv6Step s) {
		return "{\"host\": " + string(s.host()) + ", \"from\": " + string(s.from()) + ", \"fromMtu\": " + s.fromMtu() + ", \"to\": " + string(s.to())
				+ ", \"toMtu\": " + s.toMtu() + ", \"source\": " + string(s.source()) + ", \"note\": " + string(s.note()) + "}";
	}

	private static String ranked(ConnectionAdvice.Ranked r) {
		return "{\"connection\": " + string(r.connection().label()) + ", \"id\": " + string(r.connection().name().toLowerCase(Locale.ROOT).replace('_', '-'))
				+ ", \"score\": " + r.score() + ", \"reason\": " + string(r.reason()) + ", \"finding\": " + string(r.finding()) + "}";
	}

	private static StringBuilder field(StringBuilder b, String name, String value) {
		return b.append(string(name)).append(": ").append(value);
	}

	static String number(double value) {
		if (Double.isNaN(value)) {
			return "null";
		}
		return new BigDecimal(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	private static String number3(double value) {
		return String.format(Locale.ROOT, "%.3f", value);
	}

	private static String number6(double value) {
		return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.6f", value);
	}

	static String string(String text) {
		StringBuilder b = new StringBuilder("\"");
		for (char c : String.valueOf(text).toCharArray()) {
			switch (c) {
				case '"' -> b.append("\\\"");
				case '\\' -> b.append("\\\\");
				case '\n' -> b.append("\\n");
				case '\t' -> b.append("\\t");
				default -> {
					if (c < 0x20) {
						b.append(String.format("\\u%04x", (int) c));
					} else {
						b.append(c);
					}
				}
			}
		}
		return b.append('"').toString();
	}
}
