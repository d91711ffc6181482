package org.zkvm.dsl.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The FICON CTCs of one ISFC logical link as z/VM schedules writes on them (seed 004, "Understanding
 * the write scheduling scheme"; facts §3.3): the system whose name comes first in the alphabet orders
 * the link; it scans its device numbers upwards, its partner scans them downwards, and each side stops
 * short of the far end (1 device for 2-8 CTCs, 2 for 9-16; a single CTC is shared by both sides).
 *
 * @param left  the node name written on the left of '&lt;-&gt;'
 * @param right the node name on the right
 * @param ctcs  the CTCs in the order the model lists them
 */
public record IsfcLayout(String left, String right, List<Ctc> ctcs) {

	public static final int MAX_CTCS = 16;
	/** IBM's recommendation: four FICON CTCs per chpid (facts §3.2). */
	public static final int CTCS_PER_CHPID = 4;

	/**
	 * One CTC: its device number on the left system, the one on the right, and the chpid on each side
	 * with its link speed. {@code chpid} is how the model names the chpid pair (used to group CTCs).
	 */
	public record Ctc(int leftDevice, int rightDevice, String chpid, int gbps) {
	}

	/** A chpid with the CTCs the link puts on it. */
	public record ChpidShare(String chpid, int gbps, int ctcs) {
	}

	public IsfcLayout {
		ctcs = List.copyOf(ctcs);
	}

	public boolean leftOrders() {
		return left.compareTo(right) <= 0;
	}

	/** The system whose device numbers decide the scan order. */
	public String orderingSystem() {
		return leftOrders() ? left : right;
	}

	public String otherSystem() {
		return leftOrders() ? right : left;
	}

	public int orderingDevice(Ctc ctc) {
		return leftOrders() ? ctc.leftDevice() : ctc.rightDevice();
	}

	/** The CTCs sorted by the ordering system's device numbers: its scan order. */
	public List<Ctc> scanOrder() {
		return ctcs.stream().sorted(Comparator.comparingInt(this::orderingDevice)).toList();
	}

	/** How many devices each side can stream on with {@code ctcs} CTCs configured. */
	public static int usableDevices(int ctcs) {
		if (ctcs <= 1) {
			return ctcs;
		}
		return ctcs <= 8 ? ctcs - 1 : ctcs - 2;
	}

	public int usableDevices() {
		return usableDevices(ctcs.size());
	}

	/** The chpids in scan order with their CTC counts. */
	public List<ChpidShare> chpidShares() {
		Map<String, int[]> counts = new LinkedHashMap<>();
		Map<String, Integer> speeds = new LinkedHashMap<>();
		for (Ctc ctc : scanOrder()) {
			counts.computeIfAbsent(ctc.chpid(), k -> new int[1])[0]++;
			speeds.putIfAbsent(ctc.chpid(), ctc.gbps());
		}
		List<ChpidShare> shares = new ArrayList<>();
		counts.forEach((chpid, count) -> shares.add(new ChpidShare(chpid, speeds.get(chpid), count[0])));
		return shares;
	}

	public boolean mixedSpeeds() {
		return ctcs.stream().mapToInt(Ctc::gbps).distinct().count() > 1;
	}

	private int topSpeed() {
		return ctcs.stream().mapToInt(Ctc::gbps).max().orElse(0);
	}

	private long fastChpids() {
		int top = topSpeed();
		return chpidShares().stream().filter(s -> s.gbps() == top).count();
	}

	/**
	 * Why the chpids are not arranged as seed 004 recommends for mixed speeds: fast chpids at both
	 * extremes of the ordering system's device list and slow ones in the middle, or a single fast
	 * chpid in the middle. Empty when the arrangement follows it or the speeds are not mixed.
	 */
	public Optional<String> arrangementProblem() {
		if (!mixedSpeeds()) {
			return Optional.empty();
		}
		List<Ctc> order = scanOrder();
		int n = order.size();
		int top = topSpeed();
		if (fastChpids() == 1) {
			int first = -1;
			int last = -1;
			for (int i = 0; i < n; i++) {
				if (order.get(i).gbps() == top) {
					first = first < 0 ? i : first;
					last = i;
				}
			}
			boolean contiguous = order.subList(first, last + 1).stream().allMatch(c -> c.gbps() == top);
			if (!contiguous || Math.abs(first - (n - 1 - last)) > 1) {
				return Optional.of("the only fast chpid (" + order.get(first).chpid() + ", " + top
						+ " Gb/s) is not in the middle of " + orderingSystem() + "'s device list");
			}
			return Optional.empty();
		}
		int i = 0;
		while (i + 1 < n && order.get(i + 1).gbps() <= order.get(i).gbps()) {
			i++;
		}
		while (i + 1 < n && order.get(i + 1).gbps() >= order.get(i).gbps()) {
			i++;
		}
		boolean valley = i == n - 1;
		if (!valley || order.get(0).gbps() != top || order.get(n - 1).gbps() != top) {
			return Optional.of("the fast chpids (" + top + " Gb/s) are not at both extremes of " + orderingSystem()
					+ "'s device list " + DeviceRange.format(orderingDevice(order.get(0))) + "-"
					+ DeviceRange.format(orderingDevice(order.get(n - 1))) + " with the slower ones in the middle");
		}
		return Optional.empty();
	}

	/**
	 * The recommended arrangement: the same device pairs in the same slots of the ordering system's
	 * list, with the chpids reassigned so that fast ones sit at both extremes (a single fast one in the
	 * middle). Each chpid keeps its number of CTCs, and local and remote devices stay paired.
	 */
	public List<Ctc> recommended() {
		List<Ctc> order = scanOrder();
		List<ChpidShare> shares = chpidShares();
		int top = topSpeed();
		List<ChpidShare> fast = shares.stream().filter(s -> s.gbps() == top).toList();
		List<ChpidShare> slow = shares.stream().filter(s -> s.gbps() != top).toList();
		List<ChpidShare> sequence = new ArrayList<>();
		if (fast.size() == 1) {
			List<List<ChpidShare>> halves = balance(slow);
			sequence.addAll(halves.get(0));
			sequence.addAll(fast);
			sequence.addAll(halves.get(1));
		} else {
			List<List<ChpidShare>> fastEnds = balance(fast);
			List<List<ChpidShare>> slowHalves = balance(slow);
			sequence.addAll(fastEnds.get(0));
			sequence.addAll(slowHalves.get(0).stream().sorted(Comparator.comparingInt(ChpidShare::gbps).reversed()).toList());
			sequence.addAll(slowHalves.get(1).stream().sorted(Comparator.comparingInt(ChpidShare::gbps)).toList());
			sequence.addAll(fastEnds.get(1));
		}
		List<Ctc> result = new ArrayList<>(order.size());
		int slot = 0;
		for (ChpidShare share : sequence) {
			for (int k = 0; k < share.ctcs(); k++, slot++) {
				Ctc pair = order.get(slot);
				result.add(new Ctc(pair.leftDevice(), pair.rightDevice(), share.chpid(), share.gbps()));
			}
		}
		return result;
	}

	/** Splits chpids into two lists whose CTC counts differ as little as a greedy split allows. */
	private static List<List<ChpidShare>> balance(List<ChpidShare> shares) {
		List<ChpidShare> low = new ArrayList<>();
		List<ChpidShare> high = new ArrayList<>();
		int lowCount = 0;
		int highCount = 0;
		for (ChpidShare share : shares) {
			if (lowCount <= highCount) {
				low.add(share);
				lowCount += share.ctcs();
			} else {
				high.add(0, share);
				highCount += share.ctcs();
			}
		}
		return List.of(low, high);
	}
}
