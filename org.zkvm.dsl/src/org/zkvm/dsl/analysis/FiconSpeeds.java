package org.zkvm.dsl.analysis;

import java.util.List;
import java.util.Map;

/**
 * Link rates of the FICON generations (facts §3.5). A chpid without an explicit negotiated speed
 * runs at its generation's top rate.
 */
public final class FiconSpeeds {
	private FiconSpeeds() {
	}

	private static final Map<String, Integer> TOP_GBPS = Map.of(
			"express", 2, "express2", 2, "express4", 4, "express8", 8, "express8s", 8,
			"express16s", 16, "express16s+", 16, "express16sa", 16, "express32s", 32);

	/** The rates each generation negotiates, in Gb/s (facts §3.5: Express, Express2 1/2; Express4 1/2/4; Express8 and 8S 2/4/8; Express16S and 16S+ 4/8/16; Express16SA 8/16; Express32S 8/16/32). */
	private static final Map<String, List<Integer>> NEGOTIATED = Map.of(
			"express", List.of(1, 2), "express2", List.of(1, 2), "express4", List.of(1, 2, 4), "express8", List.of(2, 4, 8),
			"express8s", List.of(2, 4, 8), "express16s", List.of(4, 8, 16), "express16s+", List.of(4, 8, 16), "express16sa", List.of(8, 16),
			"express32s", List.of(8, 16, 32));

	/** The link rates in Gb/s a generation negotiates, slowest first. */
	public static List<Integer> negotiated(String generation) {
		topGbps(generation);
		return NEGOTIATED.get(generation);
	}

	/** The top link rate in Gb/s of a generation written as in the language ('express4'). */
	public static int topGbps(String generation) {
		Integer gbps = TOP_GBPS.get(generation);
		if (gbps == null) {
			throw new MalformedValueException("unknown FICON generation '" + generation + "'");
		}
		return gbps;
	}
}
