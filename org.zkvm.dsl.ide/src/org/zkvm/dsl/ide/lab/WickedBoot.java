package org.zkvm.dsl.ide.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SUSE node's boot in the lab. Debian has no wicked, so the lab reads the disk's
 * /etc/sysconfig/network files itself, the keys zknet writes and nothing else (ifcfg(5),
 * ifcfg-ovs-bridge(5), routes(5)): STARTMODE, BOOTPROTO='static' (or 'static+auto6'), IPADDR and
 * IPADDR_N of either family, MTU, OVS_BRIDGE with OVS_BRIDGE_PORT_DEVICE_N, POST_UP_SCRIPT='systemd:UNIT'
 * (the unit's ExecStart, run here), and the ifroute-IF and routes lines. A key it does not
 * know stops the boot, so a file the lab cannot read faithfully is never half-applied. What this
 * proves: the files hold everything the host needs; not how wicked itself reads them.
 */
final class WickedBoot {

	private static final Pattern ASSIGNMENT = Pattern.compile("([A-Z0-9_]+)='([^']*)'");
	private static final List<String> KNOWN = List.of("STARTMODE", "BOOTPROTO", "IPADDR", "MTU", "OVS_BRIDGE", "OVS_BRIDGE_PORT_DEVICE", "POST_UP_SCRIPT");

	private WickedBoot() {
	}

	/** Boots the node; returns what it says about the boot. */
	static String boot(Lab lab, String namespace, BootDisk disk, Map<String, String> ovs) throws LabException {
		Path folder = disk.installed();
		List<String> renamed = UdevNames.apply(lab, namespace, UdevNames.rules(List.of(disk.root().resolve("etc/udev/rules.d"))));
		List<String> up = new ArrayList<>();
		List<Path> interfaces = BootDisk.filesIn(folder, "ifcfg-");
		// bridges first, as wicked orders a bridge before the ports that need it
		List<Path> ordered = new ArrayList<>(interfaces.stream().filter(f -> read(f).containsKey("OVS_BRIDGE")).toList());
		interfaces.stream().filter(f -> !ordered.contains(f)).forEach(ordered::add);
		for (Path file : ordered) {
			String name = file.getFileName().toString().substring("ifcfg-".length());
			Map<String, String> keys = read(file);
			for (String key : keys.keySet()) {
				if (KNOWN.stream().noneMatch(k -> key.equals(k) || key.startsWith(k + "_"))) {
					throw new LabException(file + ": the lab does not read the key " + key + " (it reads " + String.join(", ", KNOWN) + ")");
				}
			}
			if (!List.of("static", "static+auto6").contains(keys.get("BOOTPROTO")) || !List.of("auto", "nfsroot", "hotplug", "onboot").contains(keys.get("STARTMODE"))) {
				continue;
			}
			if ("yes".equals(keys.get("OVS_BRIDGE"))) {
				lab.shell().checkIn(namespace, ovs, "ovs-vsctl", "--timeout=10", "--may-exist", "add-br", name, "--", "set", "bridge", name, "datapath_type=netdev");
				for (Map.Entry<String, String> key : keys.entrySet()) {
					if (key.getKey().startsWith("OVS_BRIDGE_PORT_DEVICE")) {
						lab.shell().checkIn(namespace, ovs, "ovs-vsctl", "--timeout=10", "--may-exist", "add-port", name, key.getValue());
					}
				}
			}
			if (!lab.shell().output(namespace, Map.of(), "ip", "-o", "link", "show").lines().anyMatch(l -> l.matches("\\d+: " + Pattern.quote(name) + "[:@].*"))) {
				if ("hotplug".equals(keys.get("STARTMODE"))) {
					continue;
				}
				throw new LabException(file + ": no interface " + name + " to bring up");
			}
			if (keys.containsKey("MTU")) {
				lab.shell().ip(namespace, "link", "set", name, "mtu", keys.get("MTU"));
			}
			lab.shell().ip(namespace, "link", "set", name, "up");
			for (Map.Entry<String, String> key : keys.entrySet()) {
				if (key.getKey().equals("IPADDR") || key.getKey().startsWith("IPADDR_")) {
					lab.shell().ip(namespace, "addr", "replace", key.getValue(), "dev", name);
				}
			}
			up.add(name);
			if (keys.containsKey("POST_UP_SCRIPT")) {
				postUp(lab, namespace, disk, file, keys.get("POST_UP_SCRIPT"));
			}
		}
		for (Path routes : files(folder)) {
			for (String line : lines(routes)) {
				route(lab, namespace, routes, line);
			}
		}
		return "the lab's reading of the wicked files in /etc/sysconfig/network (" + String.join(", ", up)
				+ "): Debian has no wicked, so this shows the files hold what the host needs, not how wicked reads them"
				+ (renamed.isEmpty() ? "" : "; udev named " + String.join(", ", renamed) + " by MAC");
	}

	/**
	 * POST_UP_SCRIPT='systemd:UNIT' (ifcfg(5)): wicked starts the unit once the interface is up. The lab
	 * runs the installed unit's ExecStart itself (no systemd here), with %I and %i its instance and
	 * paths under /etc read from the disk.
	 */
	private static void postUp(Lab lab, String namespace, BootDisk disk, Path file, String script) throws LabException {
		if (!script.startsWith("systemd:") || !script.endsWith(".service")) {
			throw new LabException(file + ": the lab runs only POST_UP_SCRIPT='systemd:UNIT.service', not '" + script + "'");
		}
		String unit = script.substring("systemd:".length());
		int at = unit.indexOf('@');
		String instance = at < 0 ? "" : unit.substring(at + 1, unit.length() - ".service".length());
		String template = at < 0 ? unit : unit.substring(0, at + 1) + ".service";
		Path installed = disk.root().resolve("etc/systemd/system").resolve(template);
		String exec = lines(installed).stream().filter(l -> l.startsWith("ExecStart=")).findFirst()
				.orElseThrow(() -> new LabException(installed + ": no ExecStart= for " + file + "'s POST_UP_SCRIPT")).substring("ExecStart=".length());
		List<String> command = new ArrayList<>();
		for (String word : exec.replace("%I", instance).replace("%i", instance).split("\\s+")) {
			command.add(word.startsWith("/etc/") ? disk.root().resolve(word.substring(1)).toString() : word);
		}
		lab.shell().checkIn(namespace, Map.of(), command.toArray(String[]::new));
	}

	/** ifroute-IF and routes: Destination Gateway Netmask Interface [Options], '-' for an empty field (routes(5)). */
	private static void route(Lab lab, String namespace, Path file, String line) throws LabException {
		String[] fields = line.split("\\s+");
		if (fields.length < 4) {
			throw new LabException(file + ": the lab cannot read the route '" + line + "'");
		}
		List<String> command = new ArrayList<>(List.of("route", "replace", fields[0]));
		if (!fields[1].equals("-")) {
			command.addAll(List.of("via", fields[1]));
		}
		if (!fields[3].equals("-")) {
			command.addAll(List.of("dev", fields[3]));
		}
		for (int i = 4; i + 1 < fields.length; i += 2) {
			if (!fields[i].equals("metric")) {
				throw new LabException(file + ": the lab does not read the route option " + fields[i]);
			}
			command.addAll(List.of("metric", fields[i + 1]));
		}
		lab.shell().ip(namespace, command.toArray(String[]::new));
	}

	private static List<Path> files(Path folder) throws LabException {
		List<Path> routes = new ArrayList<>(BootDisk.filesIn(folder, "ifroute-"));
		routes.addAll(BootDisk.filesIn(folder, "routes"));
		return routes;
	}

	private static List<String> lines(Path file) throws LabException {
		try {
			return Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
		} catch (IOException e) {
			throw new LabException("cannot read " + file + ": " + e.getMessage());
		}
	}

	private static Map<String, String> read(Path file) {
		Map<String, String> keys = new LinkedHashMap<>();
		try {
			for (String line : Files.readAllLines(file)) {
				Matcher assignment = ASSIGNMENT.matcher(line.strip());
				if (assignment.matches()) {
					keys.put(assignment.group(1), assignment.group(2));
				} else if (!line.isBlank() && !line.strip().startsWith("#")) {
					keys.put("a line that is no KEY='value': " + line.strip(), "");
				}
			}
		} catch (IOException e) {
			keys.put("unreadable", e.getMessage());
		}
		return keys;
	}
}
