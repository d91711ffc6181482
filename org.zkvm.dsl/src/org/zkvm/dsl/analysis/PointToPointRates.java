package org.zkvm.dsl.analysis;

import java.util.List;

/**
 * Expected data rates of Linux IUCV (netiucv) and CTC (ctcm) links between guests of one z/VM
 * system, from seed 003's measurements: 9672-XZ7, two dedicated processors, 2 GB main and 2 GB
 * expanded storage, z/VM 3.1.0, Linux 2.2.16, guests of 128 MB. Values between measured MTUs are
 * interpolated linearly; outside the measured range the nearest measurement is used and the result
 * is marked as extrapolated. The CMS/IUCV figures (Table 1) are IUCV's own capacity at the same
 * transfer size: the upper bound a Linux driver is compared with.
 */
public final class PointToPointRates {
	private PointToPointRates() {
	}

	public static final String MEASURED_ON = "9672-XZ7, 2 dedicated processors, 2 GB main + 2 GB expanded storage, z/VM 3.1.0, Linux 2.2.16, guests of 128 MB (seed 003)";

	public enum Driver {
		IUCV, CTC
	}

	/** One measured row: transfer size (MTU), MB/s, MB per CPU-second, CP CPU-sec/MB, virtual CPU-sec/MB. */
	record Row(int size, double mbps, double mbPerCpuSecond, double cpCpuPerMb, double virtualCpuPerMb) {
	}

	// seed 003 Table 2 (rates) with Tables 5 and 6 (CP and virtual CPU-sec/MB)
	private static final List<Row> LINUX_IUCV = List.of(
			new Row(1500, 7.84, 8.12, 0.053393, 0.069819),
			new Row(9000, 33.33, 34.17, 0.012367, 0.016896),
			new Row(32764, 73.09, 74.13, 0.005608, 0.007882));
	// seed 003 Table 3 with Tables 5 and 6
	private static final List<Row> LINUX_CTC = List.of(
			new Row(1500, 5.95, 5.95, 0.053472, 0.114499),
			new Row(9000, 17.33, 17.84, 0.017920, 0.038124),
			new Row(32764, 29.71, 30.91, 0.010346, 0.022001));
	// seed 003 Table 1: CMS IUCV by transfer size (virtual CPU-sec/MB only where Table 6 gives it, else NaN)
	private static final List<Row> CMS_IUCV = List.of(
			new Row(1, 0.017, 0.018, 46.137344, Double.NaN), new Row(100, 1.723, 1.870, 0.450888, Double.NaN),
			new Row(1000, 17.174, 18.165, 0.046662, Double.NaN), new Row(1500, 25.871, 27.777, 0.030409, 0.005592),
			new Row(2000, 34.091, 36.680, 0.023331, Double.NaN), new Row(4000, 65.477, 72.661, 0.011665, Double.NaN),
			new Row(8000, 120.576, 125.072, 0.006947, Double.NaN), new Row(9000, 121.666, 126.222, 0.006991, 0.000932),
			new Row(10000, 133.723, 142.339, 0.006134, Double.NaN), new Row(20000, 219.809, 227.065, 0.003985, Double.NaN),
			new Row(32764, 286.070, 294.775, 0.003121, 0.000272), new Row(40000, 306.755, 313.967, 0.002976, Double.NaN),
			new Row(80000, 380.396, 386.298, 0.002470, Double.NaN), new Row(100000, 401.215, 404.957, 0.002380, Double.NaN),
			new Row(200000, 452.134, 455.758, 0.002144, Double.NaN), new Row(400000, 480.947, 482.873, 0.002045, Double.NaN),
			new Row(800000, 494.869, 496.221, 0.002000, Double.NaN), new Row(1000000, 496.635, 497.612, 0.001996, Double.NaN),
			new Row(2000000, 499.014, 499.698, 0.001990, Double.NaN), new Row(4000000, 499.976, 500.485, 0.001989, Double.NaN),
			new Row(8000000, 501.732, 502.066, 0.001985, Double.NaN));

	/**
	 * The estimate for a link: MB/s, MB per CPU-second, CP and virtual CPU-seconds per MB, the CMS/IUCV
	 * bound at the same size, and the fraction of it (MB per CPU-second, as seed 003 Table 4 compares).
	 * {@code measured} when the MTU is one of the seed's; {@code extrapolated} outside 1500-32764.
	 */
	public record Estimate(Driver driver, int mtu, double mbps, double mbPerCpuSecond, double cpCpuPerMb, double virtualCpuPerMb,
			double cmsIucvMbps, double cmsIucvMbPerCpuSecond, double fractionOfCmsIucv, boolean measured, boolean extrapolated) {
	}

	public static Estimate estimate(Driver driver, int mtu) {
		List<Row> table = driver == Driver.IUCV ? LINUX_IUCV : LINUX_CTC;
		Row linux = interpolate(table, mtu);
		Row cms = interpolate(CMS_IUCV, mtu);
		boolean measured = table.stream().anyMatch(r -> r.size() == mtu);
		boolean extrapolated = mtu < table.get(0).size() || mtu > table.get(table.size() - 1).size();
		return new Estimate(driver, mtu, linux.mbps(), linux.mbPerCpuSecond(), linux.cpCpuPerMb(), linux.virtualCpuPerMb(), cms.mbps(),
				cms.mbPerCpuSecond(), linux.mbPerCpuSecond() / cms.mbPerCpuSecond(), measured, extrapolated);
	}

	private static Row interpolate(List<Row> table, int size) {
		if (size <= table.get(0).size()) {
			return table.get(0);
		}
		for (int i = 1; i < table.size(); i++) {
			Row high = table.get(i);
			if (size <= high.size()) {
				Row low = table.get(i - 1);
				double t = (size - low.size()) / (double) (high.size() - low.size());
				return new Row(size, lerp(low.mbps(), high.mbps(), t), lerp(low.mbPerCpuSecond(), high.mbPerCpuSecond(), t),
						lerp(low.cpCpuPerMb(), high.cpCpuPerMb(), t), lerp(low.virtualCpuPerMb(), high.virtualCpuPerMb(), t));
			}
		}
		return table.get(table.size() - 1);
	}

	private static double lerp(double a, double b, double t) {
		return a + (b - a) * t;
	}
}
