package org.zkvm.dsl.analysis;

/**
 * MTU defaults and ranges of the Linux network devices zknet configures.
 * <ul>
 * <li>qeth OSA: layer 2 default 1500, maximum 9000; layer 3 default 1492, maximum 8992 (facts §2.1).</li>
 * <li>qeth HiperSockets: 576 up to the frame size minus 8K; the default is that maximum (facts §1.1).</li>
 * <li>every qeth device: minimum 576 (facts §1.1).</li>
 * <li>ctcm (CTC): 576-65527 (facts §6.2); netiucv: the documented maximum 32764 (facts §6.1).</li>
 * </ul>
 */
public final class MtuLimits {
	private MtuLimits() {
	}

	public static final int MINIMUM = 576;
	public static final int ETHERNET = 1500;

	public record Range(int min, int max) {
		public boolean contains(int mtu) {
			return mtu >= min && mtu <= max;
		}

		/** The nearest allowed value. */
		public int clamp(int mtu) {
			return Math.max(min, Math.min(max, mtu));
		}

		@Override
		public String toString() {
			return min + "-" + max;
		}
	}

	public static Range osa(int layer) {
		return new Range(MINIMUM, layer == 3 ? 8992 : 9000);
	}

	public static int osaDefault(int layer) {
		return layer == 3 ? 1492 : ETHERNET;
	}

	public static Range hipersockets(HiperSocketsFrame frame) {
		return new Range(MINIMUM, frame.mtu());
	}

	public static Range ctc() {
		return new Range(MINIMUM, 65527);
	}

	public static Range iucv() {
		return new Range(MINIMUM, 32764);
	}
}
