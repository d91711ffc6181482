package org.zkvm.dsl.analysis;

import java.util.Arrays;
import java.util.Optional;

/**
 * The maximum frame sizes of an IQD chpid (IOCP CHPID ... OS=) and the IP MTU each allows:
 * MTU = frame size - 8K (facts §1.1). The default frame size is 16K, so the default MTU is 8192,
 * and 57344 needs a 64K frame (OS=C0).
 */
public enum HiperSocketsFrame {
	FRAME_16K(16, "00", 8192),
	FRAME_24K(24, "40", 16384),
	FRAME_40K(40, "80", 32768),
	FRAME_64K(64, "C0", 57344);

	public static final HiperSocketsFrame DEFAULT = FRAME_16K;

	private final int kilobytes;
	private final String iocpOs;
	private final int mtu;

	HiperSocketsFrame(int kilobytes, String iocpOs, int mtu) {
		this.kilobytes = kilobytes;
		this.iocpOs = iocpOs;
		this.mtu = mtu;
	}

	public static Optional<HiperSocketsFrame> ofBytes(long bytes) {
		return Arrays.stream(values()).filter(f -> f.bytes() == bytes).findFirst();
	}

	public long bytes() {
		return kilobytes * 1024L;
	}

	public int kilobytes() {
		return kilobytes;
	}

	/** The OS= operand of the IQD CHPID statement in IOCP. */
	public String iocpOs() {
		return iocpOs;
	}

	public int mtu() {
		return mtu;
	}

	@Override
	public String toString() {
		return kilobytes + "K";
	}
}
