package org.zkvm.dsl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the tests that stand a host up in a network namespace share: whether they may, and its Open vSwitch. */
final class TestHosts {
	private TestHosts() {
	}

	/** Network namespaces, Open vSwitch and the generated scripts need root (CI runs as root). */
	static boolean isRoot() {
		try {
			return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
		} catch (IOException | UnsupportedOperationException e) {
			return false;
		}
	}

	/**
	 * A shell script that starts ovsdb-server and ovs-vswitchd inside a namespace, with their
	 * database, sockets and logs in a folder of their own; an existing database is kept (a host's disk
	 * across a reboot).
	 */
	static String startOpenVSwitch(String namespace, Path folder) {
		String env = "env OVS_RUNDIR=" + folder + " OVS_LOGDIR=" + folder + " OVS_DBDIR=" + folder + " OVS_SYSCONFDIR=" + folder;
		return "[ -f " + folder + "/conf.db ] || ovsdb-tool create " + folder + "/conf.db /usr/share/openvswitch/vswitch.ovsschema\n"
				+ "ip netns exec " + namespace + " " + env + " ovsdb-server " + folder + "/conf.db --remote=punix:" + folder
				+ "/db.sock --pidfile --detach --log-file --no-chdir\n"
				+ "ip netns exec " + namespace + " " + env + " ovs-vsctl --no-wait init\n"
				+ "ip netns exec " + namespace + " " + env + " ovs-vswitchd unix:" + folder + "/db.sock --pidfile --detach --log-file --no-chdir\n";
	}
}
