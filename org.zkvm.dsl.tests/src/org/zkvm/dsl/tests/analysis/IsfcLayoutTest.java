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
		assertTrue(measured.arrangementProblem().orElseThrow().contains("not at both extremes"));
	}

	@Test
	void fastChpidsAtBothExtremesAreAccepted() {
		assertTrue(link("ATLANTA", "BOSTON", "52@4", "50@2", "51@2", "53@4").arrangementProblem().isEmpty());
		assertTrue(link("ATLANTA", "BOSTON", "50@4", "51@4").arrangementProblem().isEmpty(), "equal speeds have no order to keep");
	}

	@Test
	void aSingleFastChpidBelongsInTheMiddle() {
		assertTrue(link("ATLANTA", "BOSTON", "50@2", "52@4", "51@2").arrangementProblem().isEmpty());
		assertTrue(link("ATLANTA", "BOSTON", "52@4", "50@2", "51@2").arrangementProblem().orElseThrow().contains("middle"));
	}

	@Test
	void recommendationPutsFastChpidsAtTheExtremesAndKeepsPairs() {
		IsfcLayout measured = link("ATLANTA", "BOSTON", "50@2", "51@2", "52@4", "53@4");
		List<Ctc> recommended = measured.recommended();
		assertEquals(16, recommended.size());
		List<String> chpidPerSlot = recommended.stream().map(Ctc::chpid).toList();
		assertEquals(List.of("52", "52", "52", "52", "50", "50", "50", "50", "51", "51", "51", "51", "53", "53", "53", "53"), chpidPerSlot);
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
}
