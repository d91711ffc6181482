package org.zkvm.dsl.tests.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zkvm.dsl.analysis.IsfcLayout;
import org.zkvm.dsl.analysis.IsfcLayout.Ctc;

/** The write-scheduling model of seed 004 and facts §3.3. */
class IsfcLayoutTest {

	/** Four CTCs per chpid at 6000, 6020, 6040, 6060, the chpids given in that device order. */
	private static IsfcLayout link(String left, String right, String... chpidsAndSpeeds) {
		List<Ctc> ctcs = new ArrayList<>();
		for (int c = 0; c < chpidsAndSpeeds.length; c++) {
			String[] parts = chpidsAndSpeeds[c].split("@");
			for (int i = 0; i < 4; i++) {
				int device = 0x6000 + 0x20 * c + i;
				ctcs.add(new Ctc(device, device + 0x1000, parts[0], Integer.parseInt(parts[1])));
			}
		}
		return new IsfcLayout(left, right, ctcs);
	}

	@Test
	void stopShortFollowsTheFactsNotTheSeedsOneToEight() {
		assertEquals(1, IsfcLayout.usableDevices(1), "a single CTC is shared by both sides");
		assertEquals(1, IsfcLayout.usableDevices(2));
		assertEquals(7, IsfcLayout.usableDevices(8));
		assertEquals(7, IsfcLayout.usableDevices(9));
		assertEquals(8, IsfcLayout.usableDevices(10));
		assertEquals(14, IsfcLayout.usableDevices(16), "seed 004: only fourteen of sixteen devices really busy");
	}

	@Test
	void theAlphabeticallyFirstSystemOrdersTheLink() {
		IsfcLayout layout = link("BOSTON", "ATLANTA", "50@2", "51@2");
		assertEquals("ATLANTA", layout.orderingSystem());
		assertFalse(layout.leftOrders());
		assertEquals(0x7000, layout.orderingDevice(layout.scanOrder().get(0)), "ATLANTA's (right) devices decide the order");
	}

	@Test
	void slowChpidsAtTheLowEndAreReported() {
		IsfcLayout measured = link("ATLANTA", "BOSTON", "50@2", "51@2", "52@4", "53@4");
		assertTrue(measured.mixedSpeeds());
		// ATLANTA leaves its two top devices (fast, 53) idle, BOSTON its two bottom ones (slow, 50)
		assertEquals(87.5, measured.imbalance(), 0.001);
		assertTrue(measured.arrangementProblem().orElseThrow().startsWith("the two directions differ at full load: ATLANTA to BOSTON 875 MB/s, BOSTON to ATLANTA 962 MB/s"),
				measured.arrangementProblem().orElseThrow());
	}

	@Test
	void fastChpidsAtBothExtremesAreAccepted() {
		assertTrue(link("ATLANTA", "BOSTON", "52@4", "50@2", "51@2", "53@4").arrangementProblem().isEmpty());
		assertTrue(link("ATLANTA", "BOSTON", "50@4", "51@4").arrangementProblem().isEmpty(), "equal speeds have no order to keep");
	}

	@Test
	void aSingleFastChpidBelongsInTheMiddle() {
		assertTrue(link("ATLANTA", "BOSTON", "50@2", "52@4", "51@2").arrangementProblem().isEmpty());
		assertTrue(link("ATLANTA", "BOSTON", "52@4", "50@2", "51@2").arrangementProblem().isPresent());
	}

	/** The misfire of the old rule: a single fast chpid off the exact centre, but with slow chpids at both ends the directions are equal. */
	@Test
	void aFastChpidOffCentreWithTheSameSpeedsAtBothEndsIsSymmetric() {
		List<Ctc> ctcs = new ArrayList<>();
		String[] chpids = {"50", "52", "52", "51", "51", "51"};
		for (int i = 0; i < chpids.length; i++) {
			ctcs.add(new Ctc(0x6000 + i, 0x7000 + i, chpids[i], chpids[i].equals("52") ? 16 : 8));
		}
		IsfcLayout layout = new IsfcLayout("ATLANTA", "BOSTON", ctcs);
		assertEquals(0, layout.imbalance(), 0.001);
		assertTrue(layout.arrangementProblem().isEmpty());
	}

	@Test
	void recommendationBalancesTheDirectionsAndKeepsPairs() {
		IsfcLayout measured = link("ATLANTA", "BOSTON", "50@2", "51@2", "52@4", "53@4");
		List<Ctc> recommended = measured.recommended();
		assertEquals(16, recommended.size());
		// fast chpids at both extremes (seed 004), with the fewest lines changed: 50 and 52 swap places
		List<String> chpidPerSlot = recommended.stream().map(Ctc::chpid).toList();
		assertEquals(List.of("52", "52", "52", "52", "51", "51", "51", "51", "50", "50", "50", "50", "53", "53", "53", "53"), chpidPerSlot);
		for (int i = 0; i < 16; i++) {
			assertEquals(measured.scanOrder().get(i).leftDevice(), recommended.get(i).leftDevice(), "the device slots stay");
			assertEquals(recommended.get(i).leftDevice() + 0x1000, recommended.get(i).rightDevice(), "local and remote stay paired");
		}
		assertTrue(new IsfcLayout("ATLANTA", "BOSTON", recommended).arrangementProblem().isEmpty());
	}

	@Test
	void recommendationCentresASingleFastChpid() {
		IsfcLayout layout = link("ATLANTA", "BOSTON", "52@4", "50@2", "51@2");
		List<String> chpids = layout.recommended().stream().map(Ctc::chpid).distinct().toList();
		assertEquals("52", chpids.get(1));
		assertTrue(new IsfcLayout("ATLANTA", "BOSTON", layout.recommended()).arrangementProblem().isEmpty());
	}

	/**
	 * Every fix clears its warning, by construction, over layouts of 2 to 16 CTCs on up to four
	 * chpids of mixed speeds (all of them up to 6 CTCs, a wide seeded sample beyond): the fix keeps
	 * every local/remote pair in its slot and each chpid's CTC count, leaves no arrangement problem,
	 * and the report's two directions are within one chpid's share (a chpid's MB/s at the top speed).
	 */
	@Test
	void everyFixClearsTheWarningAndBalancesTheReport() {
		int[] speeds = {2, 4, 8, 16};
		java.util.Random random = new java.util.Random(20261201);
		int checked = 0;
		int fixed = 0;
		for (int n = 2; n <= 16; n++) {
			int samples = n <= 6 ? (int) Math.pow(4, n) : 600;
			for (int sample = 0; sample < samples; sample++) {
				List<Ctc> ctcs = new ArrayList<>();
				int code = sample;
				java.util.Map<String, Integer> speedOf = new java.util.HashMap<>();
				for (int i = 0; i < n; i++) {
					int chpid = n <= 6 ? code % 4 : random.nextInt(4);
					code /= 4;
					String name = "5" + chpid;
					if (!speedOf.containsKey(name)) {
						speedOf.put(name, speeds[n <= 6 ? chpid : random.nextInt(4)]);
					}
					ctcs.add(new Ctc(0x6000 + i, 0x7000 + i, name, speedOf.get(name)));
				}
				IsfcLayout layout = new IsfcLayout(random.nextBoolean() ? "ATLANTA" : "ZVM2TST", "BOSTON", ctcs);
				if (!layout.mixedSpeeds()) {
					continue;
				}
				checked++;
				List<Ctc> recommended = layout.recommended();
				IsfcLayout after = new IsfcLayout(layout.left(), layout.right(), recommended);
				String variant = layout.ctcs().stream().map(c -> c.chpid() + "@" + c.gbps()).toList().toString();
				assertTrue(after.arrangementProblem().isEmpty(), () -> variant + " -> " + recommended + ": " + after.arrangementProblem().get());
				assertEquals(layout.scanOrder().stream().map(c -> c.leftDevice() + ":" + c.rightDevice()).toList(),
						recommended.stream().map(c -> c.leftDevice() + ":" + c.rightDevice()).toList(), variant);
				assertEquals(counts(layout.ctcs()), counts(recommended), variant);
				double share = org.zkvm.dsl.analysis.IsfcCapacity.chpidMbps(layout.ctcs().stream().mapToInt(Ctc::gbps).max().orElseThrow());
				assertTrue(after.imbalance() <= share, variant + ": " + after.imbalance());
				fixed += layout.arrangementProblem().isPresent() ? 1 : 0;
			}
		}
		assertTrue(checked > 5000, "layouts checked: " + checked);
		assertTrue(fixed > 500, "layouts the check reported: " + fixed);
	}

	private static java.util.Map<String, Long> counts(List<Ctc> ctcs) {
		return ctcs.stream().collect(java.util.stream.Collectors.groupingBy(Ctc::chpid, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
	}

	/** CP's EBCDIC: letters before digits, and @ # $ before letters; ASCII the other way round. */
	@Test
	void systemNamesCompareAsCpHoldsThem() {
		assertTrue(IsfcLayout.cpCompare("ZVMPROD", "ZVM2TST") < 0);
		assertTrue("ZVMPROD".compareTo("ZVM2TST") > 0);
		assertTrue(IsfcLayout.cpCompare("A1", "AB") > 0);
		assertTrue(IsfcLayout.cpCompare("$SYS", "ASYS") < 0);
		assertTrue(IsfcLayout.cpCompare("VM", "VMA") < 0, "a name that starts the other comes first (blank padding)");
		assertEquals("ZVMPROD", new IsfcLayout("ZVM2TST", "ZVMPROD", List.of()).orderingSystem());
		assertTrue(new IsfcLayout("ZVM2TST", "ZVMPROD", List.of()).orderDependsOnCodePage());
		assertFalse(new IsfcLayout("ATLANTA", "BOSTON", List.of()).orderDependsOnCodePage());
	}
}
