package org.zkvm.dsl.ide.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An Ubuntu node's boot in the lab (../shared/lab/distro-daemons.md): 'netplan generate' from the
 * disk's /etc/netplan, netplan's own Open vSwitch commands (its netplan-ovs-*.service units' ExecStart,
 * run without systemd), udev's renames from netplan's rules, then systemd-networkd in the node's
 * namespace with a mount namespace of its own: netplan's .network files in /run/systemd/network,
 * none of this machine's, /sys read-only so that it manages the links at once instead of waiting
 * for udev.
 */
final class NetplanBoot {

	private NetplanBoot() {
	}

	/** Boots the node; returns what it says about the boot. */
	static String boot(Lab lab, String namespace, BootDisk disk, Map<String, String> ovs, Path ovsFolder) throws LabException {
		lab.shell().local("netplan", "generate", "--root-dir", disk.root().toString());
		Path run = disk.root().resolve("run");
		List<String> notes = new ArrayList<>();
		for (Path service : BootDisk.filesIn(run.resolve("systemd/system"), "netplan-ovs-")) {
			if (service.getFileName().toString().equals("netplan-ovs-cleanup.service")) {
				continue; // 'netplan apply --only-ovs-cleanup' removes what netplan made before: on a fresh boot nothing
			}
			for (String line : read(service).lines().filter(l -> l.startsWith("ExecStart=")).toList()) {
				List<String> command = new ArrayList<>(List.of(line.substring("ExecStart=".length()).split(" ")));
				if (command.contains("add-br")) {
					// netplan 0.106 has no datapath key; the lab's switches run in user space (distro-daemons.md)
					command.addAll(List.of("--", "set", "bridge", command.get(command.indexOf("add-br") + 1), "datapath_type=netdev"));
				}
				lab.shell().checkIn(namespace, ovs, command.toArray(String[]::new));
			}
			notes.add(service.getFileName().toString());
		}
		List<String> renamed = UdevNames.apply(lab, namespace, UdevNames.rules(List.of(disk.root().resolve("etc/udev/rules.d"), run.resolve("udev/rules.d"))));
		Path network = run.resolve("systemd/network");
		boolean permanent = matchOnMac(network);
		String script = "mount -t tmpfs tmpfs /run && mkdir -p /run/systemd/network /run/systemd/netif/links /run/openvswitch"
				+ " && { chown -R systemd-network: /run/systemd/netif 2>/dev/null || true; } && mount --bind '" + network + "' /run/systemd/network"
				+ (ovsFolder != null ? " && mount --bind '" + ovsFolder + "' /run/openvswitch" : "")
				+ " && mount -t tmpfs tmpfs /etc/systemd/network && mount -t tmpfs tmpfs /usr/lib/systemd/network && mount -o remount,ro /sys"
				+ " && exec " + networkd();
		lab.shell().background(namespace, "unshare", "--mount", "--propagation", "private", "bash", "-c", script);
		return "systemd-networkd from netplan's files ('netplan generate'" + (notes.isEmpty() ? "" : "; Open vSwitch by " + String.join(", ", notes))
				+ (renamed.isEmpty() ? "" : "; udev named " + String.join(", ", renamed) + " by MAC")
				+ (permanent ? "; a veth has no permanent MAC, so the lab matches PermanentMACAddress= as MACAddress=" : "") + ")";
	}

	/**
	 * netplan matches a NIC by its permanent MAC (PermanentMACAddress=); a virtio NIC has one, the
	 * lab's veths do not (the kernel reports none), so the lab's copy matches the current MAC, which
	 * the lab set to the same value.
	 */
	private static boolean matchOnMac(Path network) throws LabException {
		boolean changed = false;
		try {
			for (Path file : BootDisk.files(network)) {
				String text = Files.readString(file);
				if (text.contains("PermanentMACAddress=")) {
					Files.writeString(file, text.replace("PermanentMACAddress=", "MACAddress="));
					changed = true;
				}
			}
		} catch (IOException e) {
			throw new LabException("cannot read netplan's output in " + network + ": " + e.getMessage());
		}
		return changed;
	}

	private static String networkd() throws LabException {
		for (String candidate : List.of("/lib/systemd/systemd-networkd", "/usr/lib/systemd/systemd-networkd")) {
			if (Files.isExecutable(Path.of(candidate))) {
				return candidate;
			}
		}
		throw new LabException("systemd-networkd is not installed (on Debian 12: apt-get install systemd; on Debian 13: systemd-networkd)");
	}

	private static String read(Path file) throws LabException {
		try {
			return Files.readString(file);
		} catch (IOException e) {
			throw new LabException("cannot read " + file + ": " + e.getMessage());
		}
	}
}
