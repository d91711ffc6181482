package org.zkvm.dsl.ide.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.zkvm.dsl.lab.LabNetwork;
import org.zkvm.dsl.lab.LabNetwork.Node;
import org.zkvm.dsl.lab.LabNetwork.Segment;

/** Each KVM host's own Open vSwitch: its daemons inside the host's namespace, with their own database, sockets and logs. */
final class OpenVSwitches {

	private final Lab lab;
	private final HostCommands commands;
	private final Map<String, Path> folders = new LinkedHashMap<>();

	OpenVSwitches(Lab lab, HostCommands commands) {
		this.lab = lab;
		this.commands = commands;
	}

	/** ovsdb-server and ovs-vswitchd inside the host's namespace, with their own database, sockets and logs. */
	void start(LabNetwork network, Node host) throws LabException {
		String namespace = lab.namespaceOfId(host.id());
		daemons(host.id(), Lab.shortName(host), namespace);
		for (Segment segment : network.segments()) {
			if (host.id().equals(segment.host())) {
				// the userspace datapath needs no kernel module; setup.sh's 'add-br --may-exist' keeps it
				lab.shell().checkIn(namespace, environment(host), "ovs-vsctl", "--timeout=10", "--may-exist", "add-br", segment.bridge(), "--", "set", "bridge",
						segment.bridge(), "datapath_type=netdev");
			}
		}
	}

	/** The daemons of an Open vSwitch of the lab's own (the site's VLAN-aware switches), under {@code key}. */
	void startOwn(String key, String namespace) throws LabException {
		daemons(key, key, namespace);
	}

	private void daemons(String key, String name, String namespace) throws LabException {
		Path folder = lab.work().resolve("ovs").resolve(name);
		try {
			Files.createDirectories(folder);
		} catch (IOException e) {
			throw new LabException("cannot create " + folder + ": " + e.getMessage());
		}
		folders.put(key, folder);
		Path schema = Stream.of("/usr/share/openvswitch/vswitch.ovsschema", "/usr/local/share/openvswitch/vswitch.ovsschema").map(Path::of)
				.filter(Files::isReadable).findFirst().orElseThrow(() -> new LabException("Open vSwitch's schema vswitch.ovsschema is not installed"));
		String db = folder.resolve("conf.db").toString();
		commands.check("ovsdb-tool", "create", db, schema.toString());
		lab.shell().checkIn(namespace, environment(key), "ovsdb-server", db, "--remote=punix:" + folder.resolve("db.sock"), "--pidfile", "--detach",
				"--log-file", "--no-chdir");
		lab.shell().checkIn(namespace, environment(key), "ovs-vsctl", "--timeout=10", "--no-wait", "init");
		lab.shell().checkIn(namespace, environment(key), "ovs-vswitchd", "unix:" + folder.resolve("db.sock"), "--pidfile", "--detach", "--log-file",
				"--no-chdir");
	}

	/** After a power cycle: the host's daemons again, from the database they kept (its bridges, ports and mtu_request); returns the run folder. */
	Path restart(Node host) throws LabException {
		Path folder = folders.get(host.id());
		String namespace = lab.namespaceOfId(host.id());
		try (Stream<Path> stale = Files.list(folder)) {
			for (Path file : stale.filter(f -> f.toString().endsWith(".pid") || f.toString().endsWith(".ctl") || f.toString().endsWith(".sock")).toList()) {
				Files.deleteIfExists(file);
			}
		} catch (IOException e) {
			throw new LabException("cannot clear " + folder + ": " + e.getMessage());
		}
		lab.shell().checkIn(namespace, environment(host), "ovsdb-server", folder.resolve("conf.db").toString(), "--remote=punix:" + folder.resolve("db.sock"),
				"--pidfile", "--detach", "--log-file", "--no-chdir");
		lab.shell().checkIn(namespace, environment(host), "ovs-vswitchd", "unix:" + folder.resolve("db.sock"), "--pidfile", "--detach", "--log-file",
				"--no-chdir");
		return folder;
	}

	/** Open vSwitch's tools find the host's own daemons through these. */
	Map<String, String> environment(Node host) {
		return environment(host.id());
	}

	Map<String, String> environment(String key) {
		Path folder = folders.get(key);
		if (folder == null) {
			return Map.of();
		}
		String path = folder.toString();
		return Map.of("OVS_RUNDIR", path, "OVS_LOGDIR", path, "OVS_DBDIR", path, "OVS_SYSCONFDIR", path);
	}
}
