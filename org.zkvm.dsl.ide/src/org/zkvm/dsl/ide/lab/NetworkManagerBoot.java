package org.zkvm.dsl.ide.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonSyntaxException;
import java.util.regex.Pattern;

/**
 * A RHEL node's boot in the lab: its keyfiles read by libnm (nm-profiles.py: NetworkManager's own
 * keyfile reader, normalize(), verify()), the plain profiles brought up by NetworkManager in the
 * node's namespace (a D-Bus of its own, /sys read-only so that it manages the links without udev;
 * ../shared/lab/distro-daemons.md). Debian's NetworkManager is built without Open vSwitch support,
 * so the Open vSwitch profiles (ovs-bridge, ovs-port, ovs-interface and the ports they hold) are
 * built by the lab from libnm's reading of the same files, as NetworkManager would build them:
 * the rows in Open vSwitch, the internal port's MTU as mtu_request, its addresses and routes. The
 * boot's description says which part was which.
 */
final class NetworkManagerBoot {

	/** libnm's reading of one keyfile (nm-profiles.py). */
	record Profile(String file, String id, String uuid, String type, String iface, String controller, String portType, int mtu,
			Ipv4 ipv4) {
		boolean openVSwitch() {
			return type.startsWith("ovs-") || "ovs-port".equals(portType);
		}
	}

	record Ipv4(List<String> addresses, String gateway, long routeMetric, List<Route> routes) {
	}

	record Route(String to, String via, long metric) {
	}

	private NetworkManagerBoot() {
	}

	/** Boots the node; returns what it says about the boot. */
	static String boot(Lab lab, String namespace, BootDisk disk, Map<String, String> ovs, Path folder) throws LabException {
		List<Path> files = BootDisk.filesIn(disk.installed(), "");
		List<Profile> profiles = read(lab, files);
		List<String> renamed = UdevNames.apply(lab, namespace, UdevNames.rules(List.of(disk.root().resolve("etc/udev/rules.d"))));
		String links = lab.shell().output(namespace, Map.of(), "ip", "-o", "-d", "link", "show");
		List<Profile> bridged = profiles.stream().filter(Profile::openVSwitch).toList();
		List<Profile> macvtap = profiles.stream().filter(p -> !p.openVSwitch() && isMacvlan(links, p.iface())).toList();
		List<Profile> plain = profiles.stream().filter(p -> !bridged.contains(p) && !macvtap.contains(p)).toList();
		buildOpenVSwitch(lab, namespace, bridged, ovs);
		for (Profile profile : macvtap) {
			if (profile.mtu() > 0) {
				lab.shell().ip(namespace, "link", "set", profile.iface(), "mtu", Integer.toString(profile.mtu()));
			}
			lab.shell().ip(namespace, "link", "set", profile.iface(), "up");
			configure(lab, namespace, profile);
		}
		String version = "";
		if (!plain.isEmpty()) {
			version = start(lab, namespace, folder, plain);
		}
		StringBuilder said = new StringBuilder();
		if (!plain.isEmpty()) {
			said.append("NetworkManager ").append(version).append(" from ").append(String.join(", ", plain.stream().map(p -> p.id()).toList()));
			if (plain.stream().anyMatch(p -> read(Path.of(p.file())).contains("\ns390-"))) {
				said.append(" (the lab's copy without the qeth channel keys: the veth standing in has no subchannels)");
			}
		}
		if (!bridged.isEmpty()) {
			said.append(said.isEmpty() ? "" : "; ").append("the Open vSwitch profiles ").append(String.join(", ", bridged.stream().map(Profile::id).toList()))
					.append(" read by libnm and built by the lab from their data by NetworkManager's rules: its own rows removed at its start and made")
					.append(" again, a row of the same name that is not its own refused (Debian's NetworkManager has no Open vSwitch support)");
		}
		if (!macvtap.isEmpty()) {
			said.append(said.isEmpty() ? "" : "; ").append(String.join(", ", macvtap.stream().map(Profile::id).toList()))
					.append(" read by libnm and applied by the lab from its data (the lab's macvlan stands in for the guest's virtio NIC on MacVTap,")
					.append(" and NetworkManager takes no ethernet profile for a macvlan)");
		}
		if (!renamed.isEmpty()) {
			said.append("; udev named ").append(String.join(", ", renamed)).append(" by MAC");
		}
		return said.toString();
	}

	private static List<Profile> read(Lab lab, List<Path> files) throws LabException {
		String json = readJson(lab, files);
		try {
			return List.of(new Gson().fromJson(json.replace("\"interface\"", "\"iface\"").replace("\"port-type\"", "\"portType\"")
					.replace("\"route-metric\"", "\"routeMetric\""), Profile[].class));
		} catch (JsonSyntaxException e) {
			throw new LabException("libnm's reading of " + files + " is not what the lab expects: " + json.strip());
		}
	}

	/** libnm's reading of the keyfiles, as nm-profiles.py prints it (a JSON list). */
	static String readJson(Lab lab, List<Path> files) throws LabException {
		if (files.isEmpty()) {
			return "[]";
		}
		Path reader = lab.work().resolve("nm-profiles.py");
		try (InputStream in = NetworkManagerBoot.class.getResourceAsStream("nm-profiles.py")) {
			Files.write(reader, in.readAllBytes());
		} catch (IOException | NullPointerException e) {
			throw new LabException("cannot write the keyfile reader: " + e.getMessage());
		}
		List<String> command = new ArrayList<>(List.of(python(), reader.toString()));
		files.forEach(f -> command.add(f.toString()));
		return lab.shell().local(command.toArray(String[]::new));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		} catch (IOException e) {
			return "";
		}
	}

	/** Debian's python3, where python3-gi lives (a python3 of pyenv or a venv earlier on the PATH has no gi). */
	static String python() {
		return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
	}

	/**
	 * What NetworkManager's Open vSwitch support does with the profiles at its start, by its own
	 * rules (NetworkManager 1.42 to 1.46, src/core/devices/ovs/nm-ovsdb.c): first it deletes every
	 * Interface row that carries external_ids:NM.connection.uuid, and the ports and bridges left
	 * empty (ovsdb_cleanup_initial_interfaces, _delete_interface); rows without the key are not
	 * its own and stay. Then each interface profile that attaches to a port is written in one
	 * transaction (_add_interface): a bridge, port or interface row is reused only when both its
	 * name and its NM.connection.uuid match the profile; otherwise a new row is inserted, and where
	 * a row of that name exists Open vSwitch's unique name index refuses the transaction, so the
	 * activation fails. The lab does the same with ovs-vsctl, and a refused activation stops the boot.
	 */
	private static void buildOpenVSwitch(Lab lab, String namespace, List<Profile> profiles, Map<String, String> ovs) throws LabException {
		if (profiles.isEmpty()) {
			return;
		}
		cleanUpOwnRows(lab, namespace, ovs);
		Map<String, Profile> byUuid = new LinkedHashMap<>();
		profiles.forEach(p -> byUuid.put(p.uuid(), p));
		for (Profile member : profiles.stream().filter(p -> "ovs-port".equals(p.portType())).toList()) {
			Profile port = byUuid.get(member.controller());
			Profile bridge = port == null ? null : byUuid.get(port.controller());
			if (bridge == null) {
				throw new LabException(member.file() + ": its port or bridge profile is missing (controller " + member.controller() + ")");
			}
			for (Object[] row : List.of(new Object[] {"bridge", bridge}, new Object[] {"port", port}, new Object[] {"interface", member})) {
				Profile profile = (Profile) row[1];
				if (exists(lab, namespace, ovs, (String) row[0], profile) && !owned(lab, namespace, ovs, (String) row[0], profile)) {
					throw new LabException(member.file() + ": NetworkManager's activation would fail: Open vSwitch has a " + row[0] + " " + profile.iface()
							+ " that is not NetworkManager's (no external_ids:NM.connection.uuid=" + profile.uuid() + " of " + Path.of(profile.file()).getFileName()
							+ "), and a row of the same name cannot be inserted: Open vSwitch's names are unique (nm-ovsdb.c, _add_interface)");
				}
			}
			List<String> command = new ArrayList<>(List.of("ovs-vsctl", "--timeout=10", "--may-exist", "add-br", bridge.iface(), "--", "set", "bridge",
					bridge.iface(), "datapath_type=netdev", uuidOf(bridge), "--", "--may-exist", "add-port", bridge.iface(), port.iface(), "--", "set", "port",
					port.iface(), uuidOf(port), "--", "set", "interface", member.iface(), uuidOf(member)));
			if (member.type().equals("ovs-interface")) {
				command.add("type=internal");
				if (member.mtu() > 0) {
					command.add("mtu_request=" + member.mtu());
				}
			}
			lab.shell().checkIn(namespace, ovs, command.toArray(String[]::new));
			waitForLink(lab, namespace, member.iface());
			if (member.mtu() > 0) {
				lab.shell().ip(namespace, "link", "set", member.iface(), "mtu", Integer.toString(member.mtu()));
			}
			lab.shell().ip(namespace, "link", "set", member.iface(), "up");
			configure(lab, namespace, member);
		}
	}

	private static String uuidOf(Profile profile) {
		return "external_ids:NM.connection.uuid=" + profile.uuid();
	}

	private static boolean exists(Lab lab, String namespace, Map<String, String> ovs, String table, Profile profile) throws LabException {
		return !lab.shell().run(namespace, ovs, "ovs-vsctl", "--timeout=10", "--if-exists", "get", table, profile.iface(), "_uuid").output().isBlank();
	}

	/** Whether the row of this name exists and is the profile's: the same NM.connection.uuid. */
	private static boolean owned(Lab lab, String namespace, Map<String, String> ovs, String table, Profile profile) throws LabException {
		String ids = lab.shell().run(namespace, ovs, "ovs-vsctl", "--timeout=10", "--if-exists", "get", table, profile.iface(), "external_ids").output();
		return ids.replace("\"", "").contains("NM.connection.uuid=" + profile.uuid());
	}

	/** NetworkManager's start: its own interface rows go, and with them the ports and bridges they leave empty. */
	private static void cleanUpOwnRows(Lab lab, String namespace, Map<String, String> ovs) throws LabException {
		String rows = lab.shell().output(namespace, ovs, "ovs-vsctl", "--timeout=10", "--format=csv", "--data=bare", "--no-headings", "--columns=name,external_ids",
				"list", "interface");
		for (String row : rows.lines().filter(l -> l.contains("NM.connection.uuid=")).toList()) {
			String name = row.substring(0, row.indexOf(','));
			String bridge = lab.shell().run(namespace, ovs, "ovs-vsctl", "--timeout=10", "port-to-br", name).output().strip();
			lab.shell().checkIn(namespace, ovs, "ovs-vsctl", "--timeout=10", "--if-exists", "del-port", name);
			if (!bridge.isEmpty() && lab.shell().output(namespace, ovs, "ovs-vsctl", "--timeout=10", "list-ports", bridge).isBlank()) {
				lab.shell().checkIn(namespace, ovs, "ovs-vsctl", "--timeout=10", "--if-exists", "del-br", bridge);
			}
		}
	}

	private static void configure(Lab lab, String namespace, Profile profile) throws LabException {
		Ipv4 ipv4 = profile.ipv4();
		if (ipv4 == null) {
			return;
		}
		for (String address : ipv4.addresses()) {
			lab.shell().ip(namespace, "addr", "replace", address, "dev", profile.iface());
		}
		long metric = Math.max(0, ipv4.routeMetric());
		if (ipv4.gateway() != null) {
			lab.shell().ip(namespace, "route", "replace", "default", "via", ipv4.gateway(), "dev", profile.iface(), "metric", Long.toString(metric));
		}
		for (Route route : ipv4.routes()) {
			List<String> command = new ArrayList<>(List.of("route", "replace", route.to()));
			if (route.via() != null) {
				command.addAll(List.of("via", route.via()));
			}
			command.addAll(List.of("dev", profile.iface(), "metric", Long.toString(route.metric() < 0 ? metric : route.metric())));
			lab.shell().ip(namespace, command.toArray(String[]::new));
		}
	}

	private static boolean isMacvlan(String links, String name) {
		return links.lines().anyMatch(l -> l.matches("\\d+: " + Pattern.quote(name) + "[:@].*") && l.contains(" macvlan "));
	}

	private static void waitForLink(Lab lab, String namespace, String name) throws LabException {
		for (int i = 0; i < 50; i++) {
			if (lab.shell().output(namespace, Map.of(), "ip", "-o", "link", "show").lines().anyMatch(l -> l.matches("\\d+: " + Pattern.quote(name) + "[:@].*"))) {
				return;
			}
			NamespaceShell.pause(100);
		}
		throw new LabException("Open vSwitch made no interface " + name);
	}

	/**
	 * NetworkManager binds a qeth profile to the device with its subchannels (s390-subchannels):
	 * the lab's veth, which stands in for the qeth device under the model's name, has none, so the
	 * lab's copy leaves the channel keys out (s390-nettype, s390-subchannels, the s390 options), as
	 * the lab leaves out setup.sh's chzdev step. libnm read the file with them.
	 */
	static String withoutChannel(String keyfile) {
		StringBuilder kept = new StringBuilder();
		boolean options = false;
		for (String line : keyfile.split("\n")) {
			if (line.startsWith("[")) {
				options = line.equals("[ethernet-s390-options]");
			}
			if (!options && !line.startsWith("s390-")) {
				kept.append(line).append('\n');
			}
		}
		return kept.toString();
	}

	/**
	 * NetworkManager in the namespace with only these profiles, a D-Bus of its own and nothing
	 * written on this machine; then each profile activated once more, as an admin would with
	 * nmcli: in a namespace NetworkManager's first activation at start can leave the link down
	 * (../shared/lab/distro-daemons.md). Returns NetworkManager's version.
	 */
	private static String start(Lab lab, String namespace, Path folder, List<Profile> plain) throws LabException {
		Path profiles = folder.resolve("profiles");
		try {
			Files.createDirectories(profiles);
			Files.createDirectories(folder.resolve("conf.d"));
			for (Profile profile : plain) {
				Path target = profiles.resolve(Path.of(profile.file()).getFileName().toString());
				Files.writeString(target, withoutChannel(Files.readString(Path.of(profile.file()))));
				Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
			}
			String dbus = Files.readString(Path.of("/usr/share/dbus-1/system.conf")).replaceAll("(?m)^.*<user>.*</user>.*$", "")
					.replaceAll("(?m)^.*<fork/>.*$", "").replaceAll("(?m)^.*<pidfile>.*</pidfile>.*$", "").replaceAll("(?m)^.*<syslog/>.*$", "")
					.replaceAll("(?m)^.*servicehelper.*$", "").replaceAll("<listen>.*</listen>", "<listen>unix:path=" + folder.resolve("bus") + "</listen>")
					.replace("<includedir>system.d</includedir>", "<includedir>/usr/share/dbus-1/system.d</includedir>");
			Files.writeString(folder.resolve("dbus.conf"), dbus);
			Files.writeString(folder.resolve("NetworkManager.conf"), "[main]\nplugins=keyfile\nno-auto-default=*\ndns=none\nrc-manager=unmanaged\n"
					+ "hostname-mode=none\nauth-polkit=false\n[keyfile]\npath=" + profiles + "\n[connectivity]\nenabled=false\n");
		} catch (IOException e) {
			throw new LabException("cannot prepare NetworkManager's folder " + folder + ": " + e.getMessage());
		}
		String bus = "unix:path=" + folder.resolve("bus");
		// NetworkManager keeps per-device state (a veth's 'fake' permanent MAC, by interface index) in /run and
		// /var/lib: private ones, or it reads another namespace's device of the same index
		String script = "mkdir -p /run/NetworkManager /var/lib/NetworkManager && mount -t tmpfs tmpfs /run/NetworkManager"
				+ " && mount -t tmpfs tmpfs /var/lib/NetworkManager && mount -o remount,ro /sys && (dbus-daemon --config-file='" + folder.resolve("dbus.conf") + "' --nofork &) && sleep 0.5"
				+ " && export DBUS_SYSTEM_BUS_ADDRESS='" + bus + "' && exec NetworkManager --no-daemon --config='" + folder.resolve("NetworkManager.conf")
				+ "' --config-dir='" + folder.resolve("conf.d") + "' --system-config-dir='" + folder.resolve("conf.d") + "' --intern-config='"
				+ folder.resolve("intern.conf") + "' --state-file='" + folder.resolve("state") + "' --pid-file='" + folder.resolve("nm.pid") + "'";
		lab.shell().background(namespace, "unshare", "--mount", "--propagation", "private", "bash", "-c", script);
		Map<String, String> environment = Map.of("DBUS_SYSTEM_BUS_ADDRESS", bus);
		String running = "";
		for (int i = 0; i < 100 && !running.strip().equals("running"); i++) {
			NamespaceShell.pause(200);
			running = lab.shell().attempt(namespace, environment, "nmcli", "-t", "-f", "RUNNING", "general");
		}
		if (!running.strip().equals("running")) {
			throw new LabException("NetworkManager did not start in " + namespace + " (its log: " + lab.work() + ")");
		}
		for (Profile profile : plain) {
			lab.shell().checkIn(namespace, environment, "nmcli", "-w", "15", "connection", "up", profile.id());
		}
		return lab.shell().local("NetworkManager", "--version").strip();
	}
}
