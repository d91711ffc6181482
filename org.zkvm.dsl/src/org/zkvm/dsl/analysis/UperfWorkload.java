package org.zkvm.dsl.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workload in the seed's uperf naming convention (seed 002, "Naming convention"):
 * {@code rr1c-200x1000--10} is request/response, 200 byte requests, 1000 byte responses,
 * 10 connections; {@code str-readx30k--50} is a streaming read of 30 KB messages over 50
 * connections.
 */
public record UperfWorkload(boolean streaming, boolean read, long requestBytes, long responseBytes, int connections) {

	private static final Pattern TRANSACTIONAL = Pattern.compile("c?rr1c-(\\d+[kKmM]?)x(\\d+[kKmM]?)--(\\d+)");
	private static final Pattern STREAMING = Pattern.compile("str-(read|write)x(\\d+[kKmM]?)--(\\d+)");

	public static UperfWorkload parse(String name) {
		Matcher rr = TRANSACTIONAL.matcher(name);
		if (rr.matches()) {
			return new UperfWorkload(false, false, bytes(rr.group(1)), bytes(rr.group(2)), Integer.parseInt(rr.group(3)));
		}
		Matcher str = STREAMING.matcher(name);
		if (str.matches()) {
			long size = bytes(str.group(2));
			boolean read = str.group(1).equals("read");
			return new UperfWorkload(true, read, read ? 0 : size, read ? size : 0, Integer.parseInt(str.group(3)));
		}
		throw new MalformedValueException("\"" + name + "\" is not a uperf workload name: expected e.g. \"rr1c-200x1000--10\" (request/response) or \"str-readx30k--50\" (streaming)");
	}

	/** The message size of a streaming workload. */
	public long messageBytes() {
		return read ? responseBytes : requestBytes;
	}

	private static long bytes(String text) {
		return Sizes.parse(text.toUpperCase());
	}
}
