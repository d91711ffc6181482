package org.zkvm.dsl.report;

import java.util.Locale;
import java.util.stream.Collectors;

import org.zkvm.dsl.analysis.IsfcCapacity;
import org.zkvm.dsl.analysis.IsfcLayout;
import org.zkvm.dsl.analysis.PointToPointRates;

/** Numbers and phrases the HTML and Markdown reports share. */
public final class ReportText {
	private ReportText() {
	}

	/** Whole MB/s as seed 004's table rounds them: a half rounds down (87.5 is 87, 131.25 is 131). */
	public static String mbps(double value) {
		return String.valueOf(IsfcLayout.whole(value));
	}

	/** IUCV and CTC rates with the seed's precision: two decimals (7.84 MB/s). */
	public static String rate(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	/** CMS/IUCV rates as seed 003 Table 1 gives them: three decimals (25.871 MB/s). */
	public static String cmsRate(double value) {
		return String.format(Locale.ROOT, "%.3f", value);
	}

	/** '1 CTC', '4 CTCs'. */
	public static String ctcs(int count) {
		return count + (count == 1 ? " CTC" : " CTCs");
	}

	public static String cpu(double value) {
		return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.6f", value);
	}

	public static String fraction(double value) {
		return String.format(Locale.ROOT, "%.3f", value);
	}

	public static String usedText(IsfcCapacity.Step step) {
		return step.ctcs() == 1 ? "one device, shared by both sides" : step.usedDevices() + (step.usedDevices() == 1 ? " device" : " devices");
	}

	/** '7/4 chpid 50 (2 Gb/s) + 2/4 chpid 52 (4 Gb/s)'. */
	public static String distribution(IsfcCapacity.Direction d) {
		if (d.sharedSingleCtc()) {
			IsfcCapacity.Share s = d.shares().get(0);
			return "less than 1/4 of chpid " + s.chpid() + " (" + s.gbps() + " Gb/s): one CTC shared by both sides, whose writes collide";
		}
		return d.shares().stream().map(s -> s.used() + "/4 chpid " + s.chpid() + " (" + s.gbps() + " Gb/s)").collect(Collectors.joining(" + "));
	}

	public static String basis(PointToPointRates.Estimate e) {
		if (e.measured()) {
			return "measured MTU";
		}
		return e.extrapolated() ? "extrapolated (nearest measured MTU)" : "interpolated";
	}
}
