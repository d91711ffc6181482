package org.zkvm.dsl.analysis;

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

	/** The top link rate in Gb/s of a generation written as in the language ('express4'). */
	public static int topGbps(String generation) {
		Integer gbps = TOP_GBPS.get(generation);
		if (gbps == null) {
			throw new MalformedValueException("unknown FICON generation '" + generation + "'");
		}
		return gbps;
	}
}
