package org.zkvm.dsl.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

	/**
	 * Whether the left system orders the link. IBM says "the system whose name comes first in the
	 * alphabet" (seed 004) or "the lexicographically lesser system name" (Linux on Z live guest
	 * relocation, "Avoidance of write collisions") without naming a collating sequence; CP keeps
	 * system names as EBCDIC bytes, where letters sort before digits, so zknet compares them in
	 * EBCDIC (an inference, facts §3.3; isfc.name-order warns where ASCII would decide otherwise).
	 */
	public boolean leftOrders() {
		return cpCompare(left, right) <= 0;
	}

	/** Whether the two names sort one way in EBCDIC and the other in ASCII ('ZVMPROD', 'ZVM2TST'). */
	public boolean orderDependsOnCodePage() {
		return Integer.signum(cpCompare(left, right)) != Integer.signum(left.compareTo(right));
	}

	/** Two system names compared as CP holds them: byte by byte in EBCDIC, a shorter name first where one is the other's start (blank padding). */
	public static int cpCompare(String a, String b) {
		for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
			int c = Integer.compare(ebcdic(a.charAt(i)), ebcdic(b.charAt(i)));
			if (c != 0) {
				return c;
			}
		}
		return Integer.compare(a.length(), b.length());
	}

	/** The EBCDIC code (code page 037 and 1047 agree on these) of a node name's characters: A-Z, 0-9, @ # $ (isfc.node-name). */
	static int ebcdic(char c) {
		if (c >= 'A' && c <= 'I') {
			return 0xC1 + c - 'A';
		}
		if (c >= 'J' && c <= 'R') {
			return 0xD1 + c - 'J';
		}
		if (c >= 'S' && c <= 'Z') {
			return 0xE2 + c - 'S';
		}
		if (c >= '0' && c <= '9') {
			return 0xF0 + c - '0';
		}
		return switch (c) {
			case '$' -> 0x5B;
			case '#' -> 0x7B;
			case '@' -> 0x7C;
			default -> 0x100 + c; // not a node name character (isfc.node-name): after all of them
		};
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

	/** How far apart the two directions are at full load, in MB/s (IsfcCapacity: each side streams on its usable devices, stopping short). */
	public double imbalance() {
		IsfcCapacity.Step whole = new IsfcCapacity(this).whole();
		return Math.abs(whole.fromOrdering().mbps() - whole.fromOther().mbps());
	}

	/**
	 * Why the chpids are not arranged for a symmetric link: each side streams on the devices its
	 * scan reaches and stops short of the far end (seed 004; facts §3.3), so the two directions carry
	 * different rates when the devices one side leaves idle sit on faster chpids than the ones the
	 * other leaves idle. Reported when the speeds are mixed and another arrangement of the same
	 * chpids (the one {@link #recommended()} gives) brings the directions closer: the check, its fix,
	 * the hover and the report all read IsfcCapacity.
	 */
	public Optional<String> arrangementProblem() {
		if (!mixedSpeeds() || ctcs.size() < 2) {
			return Optional.empty();
		}
		IsfcLayout best = new IsfcLayout(left, right, recommended());
		if (imbalance() <= best.imbalance() + 0.01) {
			return Optional.empty();
		}
		IsfcCapacity.Step now = new IsfcCapacity(this).whole();
		IsfcCapacity.Step then = new IsfcCapacity(best).whole();
		return Optional.of(String.format(Locale.ROOT, "the two directions differ at full load: %s to %s %d MB/s, %s to %s %d MB/s;"
				+ " with the chpids reassigned (%s) they carry %d and %d MB/s", orderingSystem(), otherSystem(), whole(now.fromOrdering().mbps()), otherSystem(),
				orderingSystem(), whole(now.fromOther().mbps()), String.join(", ", best.chpidShares().stream().map(c -> c.chpid() + " " + c.gbps() + " Gb/s").toList()),
				whole(then.fromOrdering().mbps()), whole(then.fromOther().mbps())));
	}

	/** MB/s in whole numbers, halves down, as the report and the hover write them (ReportText.mbps): 962.5 is 962. */
	public static long whole(double mbps) {
		return (long) Math.ceil(mbps - 0.5);
	}

	/**
	 * The arrangement the fix writes: the same device pairs in the same slots of the ordering
	 * system's list, each chpid keeping its number of CTCs in one contiguous run, in the order of
	 * chpid runs that (1) brings the two directions closest at full load, then (2) is most symmetric
	 * under light load, when each side uses only its first devices (the speeds read the same from
	 * both ends), then (3) puts fast chpids at the extremes (seed 004's advice), then (4) changes the
	 * fewest slots.
	 */
	public List<Ctc> recommended() {
		List<Ctc> order = scanOrder();
		List<ChpidShare> shares = chpidShares();
		List<Ctc> best = order;
		double[] bestScore = null;
		for (List<ChpidShare> sequence : permutations(shares)) {
			List<Ctc> candidate = new ArrayList<>(order.size());
			int slot = 0;
			for (ChpidShare share : sequence) {
				for (int k = 0; k < share.ctcs(); k++, slot++) {
					Ctc pair = order.get(slot);
					candidate.add(new Ctc(pair.leftDevice(), pair.rightDevice(), share.chpid(), share.gbps()));
				}
			}
			double[] score = score(order, candidate);
			if (bestScore == null || compare(score, bestScore) < 0) {
				best = candidate;
				bestScore = score;
			}
		}
		return best;
	}

	private double[] score(List<Ctc> current, List<Ctc> candidate) {
		int n = candidate.size();
		double light = 0;
		for (int i = 0; i < n / 2; i++) {
			light += Math.abs(candidate.get(i).gbps() - candidate.get(n - 1 - i).gbps()) * (double) (n - i);
		}
		double changed = 0;
		for (int i = 0; i < n; i++) {
			changed += candidate.get(i).chpid().equals(current.get(i).chpid()) ? 0 : 1;
		}
		double imbalance = Math.round(new IsfcLayout(left, right, candidate).imbalance() * 100) / 100.0;
		return new double[] {imbalance, light, -(candidate.get(0).gbps() + candidate.get(n - 1).gbps()), changed};
	}

	private static int compare(double[] a, double[] b) {
		for (int i = 0; i < a.length; i++) {
			int c = Double.compare(a[i], b[i]);
			if (c != 0) {
				return c;
			}
		}
		return 0;
	}

	/** Every order of the chpid runs; beyond six chpids (720 orders) only the present one and the speeds folded, fastest at both ends. */
	private static List<List<ChpidShare>> permutations(List<ChpidShare> shares) {
		if (shares.size() > 6) {
			List<ChpidShare> bySpeed = shares.stream().sorted(Comparator.comparingInt(ChpidShare::gbps).reversed()).toList();
			List<ChpidShare> front = new ArrayList<>();
			List<ChpidShare> back = new ArrayList<>();
			for (int i = 0; i < bySpeed.size(); i++) {
				(i % 2 == 0 ? front : back).add(bySpeed.get(i));
			}
			Collections.reverse(back);
			front.addAll(back);
			return List.of(shares, front);
		}
		if (shares.size() <= 1) {
			return List.of(shares);
		}
		List<List<ChpidShare>> result = new ArrayList<>();
		for (int i = 0; i < shares.size(); i++) {
			List<ChpidShare> rest = new ArrayList<>(shares);
			ChpidShare first = rest.remove(i);
			for (List<ChpidShare> tail : permutations(rest)) {
				List<ChpidShare> sequence = new ArrayList<>();
				sequence.add(first);
				sequence.addAll(tail);
				result.add(sequence);
			}
		}
		return result;
	}
}
