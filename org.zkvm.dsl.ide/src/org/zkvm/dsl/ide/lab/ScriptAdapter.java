package org.zkvm.dsl.ide.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * The generated setup.sh as the lab runs it: the s390-only steps are left out, each with its
 * reason; every other line runs as generated. The steps are recognised by the forms the setup
 * generator writes (a line that starts with the command), so a generated step the lab does not
 * know is never silently changed.
 */
public final class ScriptAdapter {

	/** A step left out, with its line number in the generated script. */
	public record Skip(int line, String step, String reason) {
		@Override
		public String toString() {
			return "line " + line + ": " + step + " — " + reason;
		}
	}

	public record Adapted(String script, List<Skip> skipped) {
	}

	private ScriptAdapter() {
	}

	public static Adapted adapt(String script) {
		StringBuilder result = new StringBuilder();
		List<Skip> skipped = new ArrayList<>();
		int number = 0;
		for (String line : script.split("\n", -1)) {
			number++;
			String step = line.strip();
			String reason = reason(step);
			if (reason != null) {
				skipped.add(new Skip(number, step, reason));
				result.append(": zknet lab: skipped line ").append(number).append('\n');
			} else {
				result.append(line).append('\n');
			}
		}
		return new Adapted(result.substring(0, result.length() - 1), skipped);
	}

	private static String reason(String step) {
		if (step.startsWith("zknet_qeth ")) {
			return "s390 only: configures the qeth device (chzdev: layer, VNIC characteristics) and names it; the lab's veth pair stands in for it, under the model's name";
		}
		if (step.startsWith("zknet_ctc ")) {
			return "s390 only: configures the virtual CTC (chzdev: ctcm read and write subchannel, protocol, buffer) and names it; the lab's veth pair stands in for it, under the link's name";
		}
		if (step.startsWith("zknet_iucv ")) {
			return "z/VM only: connects netiucv to the partner guest; the lab's veth pair stands in for the connection, under the link's name";
		}
		if (step.startsWith("zknet_bond ")) {
			return "no bonding driver in this kernel (CONFIG_BONDING unset): the lab built the bond from this line as an Open vSwitch active-backup bond of its members, under the model's name (KernelStandIns)";
		}
		if (step.startsWith("zknet_vlan ")) {
			return "no 802.1Q driver in this kernel (CONFIG_VLAN_8021Q unset): the lab built the VLAN device from this line as an Open vSwitch internal port with its tag, under the model's name (KernelStandIns)";
		}
		if (step.startsWith("cio_ignore ") || step.startsWith("znetconf ") || step.startsWith("vmcp ")) {
			return "s390 only: channel subsystem and z/VM commands have no counterpart here";
		}
		return null;
	}
}
