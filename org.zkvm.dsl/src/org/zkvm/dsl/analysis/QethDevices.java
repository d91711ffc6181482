package org.zkvm.dsl.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules for the devices of a qeth group as an interface writes them: the read device alone, or
 * read, write and data devices, as canonical bus-IDs on the chpid's devices and not used by another
 * interface of the host (facts §1.2).
 */
public final class QethDevices {

	/** A rule the written devices break. */
	public sealed interface Broken permits NotCanonical, Count, Write, Data, OffChpid, Shared {
	}

	/** A bus-ID not in the form chzdev, sysfs and udev use; the example is its canonical form, or 0.0.f500. */
	public record NotCanonical(String text, String example) implements Broken {
	}

	/** Two devices, or more than three. */
	public record Count(int count) implements Broken {
	}

	/** The write device is not the read device + 1. */
	public record Write(BusId expected, BusId written) implements Broken {
	}

	/** The data device is not a third device of the read device's subchannel set. */
	public record Data(BusId data) implements Broken {
	}

	/** A device, written or implied by the read device (null when written), outside the chpid's devices. */
	public record OffChpid(BusId device, BusId impliedBy, DeviceRange devices) implements Broken {
	}

	/** The read device is also the read device of another interface of the host. */
	public record Shared(BusId read, String other) implements Broken {
	}

	/** Another interface of the host and its devices as written. */
	public record Other(String name, String devices) {
	}

	private QethDevices() {
	}

	/**
	 * The first rule the written devices break. Without the chpid's devices (an unresolved chpid or
	 * a malformed range) neither the chpid nor the other interfaces are checked.
	 */
	public static Optional<Broken> check(String written, DeviceRange chpidDevices, List<Other> others) {
		String[] parts = written.split(",");
		List<BusId> ids = new ArrayList<>();
		for (String part : parts) {
			String text = part.strip();
			if (!BusId.isCanonical(text)) {
				return Optional.of(new NotCanonical(text, example(text)));
			}
			ids.add(BusId.parse(text));
		}
		if (ids.size() == 2 || ids.size() > 3) {
			return Optional.of(new Count(ids.size()));
		}
		BusId read = ids.get(0);
		if (ids.size() == 3) {
			BusId write = ids.get(1);
			BusId data = ids.get(2);
			if (!write.equals(read.next(1))) {
				return Optional.of(new Write(read.next(1), write));
			}
			if (data.ssid() != read.ssid() || data.equals(read) || data.equals(write)) {
				return Optional.of(new Data(data));
			}
		}
		if (chpidDevices == null) {
			return Optional.empty();
		}
		List<BusId> used = ids.size() == 3 ? ids : List.of(read, read.next(1), read.next(2));
		for (BusId id : used) {
			if (!chpidDevices.contains(id.deviceNumber())) {
				return Optional.of(new OffChpid(id, ids.size() == 1 && id != read ? read : null, chpidDevices));
			}
		}
		for (Other other : others) {
			if (other.devices() != null && other.devices().split(",")[0].strip().equals(parts[0].strip())) {
				return Optional.of(new Shared(read, other.name()));
			}
		}
		return Optional.empty();
	}

	private static String example(String text) {
		try {
			return BusId.parse(text).toString();
		} catch (MalformedValueException e) {
			return "0.0.f500";
		}
	}
}
