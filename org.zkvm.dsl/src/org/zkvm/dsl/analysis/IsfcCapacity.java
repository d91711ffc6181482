package org.zkvm.dsl.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zkvm.dsl.analysis.IsfcLayout.Ctc;

/**
 * The estimated one-way capacity of an ISFC logical link (seed 004, "Estimating the capacity"):
 * each chpid carries 87.5 MB/s per Gb/s of link speed one way (the seed's rounded table from
 * "fiber Mb/s / 10 x 0.85": Express2 175, Express4 350 MB/s), prorated by the CTCs on it that the
 * sending side streams on (used/4, at most 4); the link carries the sum over its chpids. The
 * ordering system streams on its lowest devices, its partner on the highest, each stopping short
 * (IsfcLayout). A single CTC is shared by both sides; the seed measured 20 MB/s on Express2.
 */
public record IsfcCapacity(IsfcLayout layout) {

	/** MB/s one way per Gb/s of chpid link speed (seed 004's table: 4 Gb/s, 350 MB/s). */
	public static final double MB_PER_SECOND_PER_GBPS = 87.5;
	/** The seed's measured rate of a single shared CTC on FICON Express2 (2 Gb/s). */
	public static final double SINGLE_CTC_MB_PER_SECOND_AT_2_GBPS = 20;

	/** A chpid's part in one direction: how many of its CTCs the sender streams on, and what that carries. */
	public record Share(String chpid, int gbps, int used, double mbps) {
	}

	/**
	 * One direction: the sender, the sender's device numbers it streams on (in scan order), the
	 * chpid shares and their sum. {@code sharedSingleCtc} marks the one-CTC case, whose figure is the
	 * seed's measurement scaled by link speed rather than the prorating rule.
	 */
	public record Direction(String from, String to, List<Integer> devices, List<Share> shares, double mbps, boolean sharedSingleCtc) {
	}

	/** The link cut down to its first {@code ctcs} CTCs in the ordering system's device order. */
	public record Step(int ctcs, int usedDevices, Direction fromOrdering, Direction fromOther) {
	}

	public static double chpidMbps(int gbps) {
		return MB_PER_SECOND_PER_GBPS * gbps;
	}

	/** The link as modelled. */
	public Step whole() {
		return step(layout.ctcs().size());
	}

	/** One step per CTC count, 1 to the link's, adding CTCs in the ordering system's device order. */
	public List<Step> byCtcCount() {
		List<Step> steps = new ArrayList<>();
		for (int n = 1; n <= layout.ctcs().size(); n++) {
			steps.add(step(n));
		}
		return steps;
	}

	private Step step(int n) {
		List<Ctc> first = layout.scanOrder().subList(0, n);
		int used = IsfcLayout.usableDevices(n);
		List<Ctc> ordering = first.subList(0, used);
		List<Ctc> other = new ArrayList<>(first.subList(n - used, n));
		Collections.reverse(other);
		return new Step(n, used, direction(layout.orderingSystem(), layout.otherSystem(), ordering, true, n == 1),
				direction(layout.otherSystem(), layout.orderingSystem(), other, false, n == 1));
	}

	private Direction direction(String from, String to, List<Ctc> streamed, boolean ordering, boolean single) {
		Map<String, int[]> used = new LinkedHashMap<>();
		Map<String, Integer> speeds = new LinkedHashMap<>();
		List<Integer> devices = new ArrayList<>();
		for (Ctc ctc : streamed) {
			used.computeIfAbsent(ctc.chpid(), k -> new int[1])[0]++;
			speeds.putIfAbsent(ctc.chpid(), ctc.gbps());
			devices.add(ordering == layout.leftOrders() ? ctc.leftDevice() : ctc.rightDevice());
		}
		List<Share> shares = new ArrayList<>();
		double total = 0;
		for (var entry : used.entrySet()) {
			int gbps = speeds.get(entry.getKey());
			int count = Math.min(entry.getValue()[0], IsfcLayout.CTCS_PER_CHPID);
			double mbps = single ? SINGLE_CTC_MB_PER_SECOND_AT_2_GBPS * gbps / 2.0 : count / (double) IsfcLayout.CTCS_PER_CHPID * chpidMbps(gbps);
			shares.add(new Share(entry.getKey(), gbps, count, mbps));
			total += mbps;
		}
		return new Direction(from, to, devices, shares, total, single);
	}
}
