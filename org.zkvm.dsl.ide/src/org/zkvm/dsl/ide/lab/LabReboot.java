package org.zkvm.dsl.ide.lab;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zkvm.dsl.lab.LabNetwork;
import org.zkvm.dsl.lab.LabNetwork.Node;
import org.zkvm.dsl.lab.LabNetwork.NodeKind;
import org.zkvm.dsl.lab.LabNetwork.Port;
import org.zkvm.dsl.lab.LabNetwork.PortKind;

/**
 * The night's reboot, after the live setup: every KVM host, Linux LPAR and guest is switched off
 * (its namespace deleted: addresses, routes, filters, sysctls and daemons gone) and boots again
 * from its disk alone: the persistent files installed where docs/outputs.md says (setup.sh's boot
 * unit and ruleset, the distribution's network files, sysctl.d, udev rules) and Open vSwitch's
 * database. Each boots in the order docs/outputs.md describes: the filter unit's command, the
 * sysctls, Open vSwitch, udev's names, the distribution's reader of the network files
 * (systemd-networkd after 'netplan generate', NetworkManager, the lab's reading of wicked's files),
 * and the unmodelled NICs by the host's own files. Then each host's setup.sh --verify and each
 * guest's network.sh --verify must find it as planned: the persistent files and the live setup agree.
 */
final class LabReboot {

	private static final long BOOT_MILLIS = 30_000;

	private final Lab lab;
	private final PrintWriter out;
	private final List<String> failures = new ArrayList<>();
	private int booted;

	LabReboot(Lab lab, PrintWriter out) {
		this.lab = lab;
		this.out = out;
	}

	void reboot(LabNetwork network) throws LabException {
		List<Node> hosts = network.nodes().stream().filter(n -> n.kind() == NodeKind.KVM_HOST || n.kind() == NodeKind.LINUX_LPAR).toList();
		List<Node> guests = network.nodes().stream().filter(n -> n.kind() == NodeKind.GUEST).toList();
		out.println("zknet lab: the reboot: " + hosts.size() + " hosts and " + guests.size()
				+ " guests switched off (namespaces deleted: addresses, routes, filters, sysctls, daemons gone) and booted from their disks alone"
				+ " (the persistent files where docs/outputs.md installs them, and Open vSwitch's database)");
		out.flush();
		Map<Node, BootDisk> disks = new LinkedHashMap<>();
		for (Node node : network.nodes()) {
			if (hosts.contains(node) || guests.contains(node)) {
				disks.put(node, BootDisk.install(lab.work().resolve("generated").resolve(node.folder()), lab.root(node)));
			}
		}
		for (Node guest : guests) {
			lab.powerCycle(guest);
		}
		for (Node host : hosts) {
			lab.powerCycle(host);
		}
		for (Node host : hosts) {
			for (Port port : host.ports()) {
				if (port.kind() == PortKind.VETH && (lab.switchNamespace(port.segment()) != null || lab.fabric().carries(port.segment()))) {
					lab.cabling().cableToSwitch(network, host, port);
				}
			}
		}
		for (Node guest : guests) {
			for (Port port : guest.ports()) {
				lab.cabling().cableGuest(network, guest, port);
			}
		}
		Map<Node, String> said = new LinkedHashMap<>();
		for (Node host : hosts) {
			said.put(host, bootHost(network, host, disks.get(host)));
		}
		lab.cabling().registerLayer3Neighbours(network);
		for (Node guest : guests) {
			// libvirt starts the guests once their host is up: the taps join their bridges
			lab.cabling().plugGuest(network, guest);
			said.put(guest, boot(guest, disks.get(guest), Map.of(), null));
		}
		for (Map.Entry<Node, String> node : said.entrySet()) {
			verify(node.getKey(), disks.get(node.getKey()), node.getValue());
		}
		out.flush();
	}

	private String bootHost(LabNetwork network, Node host, BootDisk disk) throws LabException {
		String namespace = lab.namespaceOf(host);
		List<String> steps = new ArrayList<>();
		Path unit = disk.enabledFiltersUnit();
		if (unit != null) {
			String execStart = read(unit).lines().filter(l -> l.startsWith("ExecStart=")).findFirst()
					.orElseThrow(() -> new LabException(unit + " has no ExecStart=")).substring("ExecStart=".length());
			lab.shell().exec(namespace, execStart.replace(" /etc/", " " + disk.root() + "/etc/").split(" "));
			steps.add("zknet-filters.service (" + execStart + ")");
		}
		if (Files.isRegularFile(disk.sysctlFile())) {
			lab.shell().attempt(namespace, Map.of(), "sysctl", "-q", "-e", "-p", disk.sysctlFile().toString());
			steps.add("systemd-sysctl");
		}
		Path ovsFolder = null;
		if (network.segments().stream().anyMatch(s -> host.id().equals(s.host()))) {
			ovsFolder = lab.openVSwitches().restart(host);
			steps.add("Open vSwitch from its database");
		}
		String daemon = boot(host, disk, lab.openVSwitches().environment(host), ovsFolder);
		lab.live().reconnect(host);
		return String.join(", ", steps) + (steps.isEmpty() ? "" : ", then ") + daemon + "; the unmodelled NICs by the host's own files";
	}

	private String boot(Node node, BootDisk disk, Map<String, String> ovs, Path ovsFolder) throws LabException {
		String namespace = lab.namespaceOf(node);
		return switch (disk.reader()) {
			case NETPLAN -> NetplanBoot.boot(lab, namespace, disk, ovs, ovsFolder);
			case NETWORK_MANAGER -> {
				String said = NetworkManagerBoot.boot(lab, namespace, disk, ovs, lab.work().resolve("nm").resolve(Lab.shortName(node)));
				lab.networkManagerStandIn().booted(node, NetworkManagerBoot.readJson(lab, BootDisk.filesIn(disk.installed(), "")));
				yield said;
			}
			case WICKED -> WickedBoot.boot(lab, namespace, disk, ovs);
			case NONE -> "no network files of a distribution";
		};
	}

	/**
	 * udev applies sysctl.d's per-interface keys again as each interface appears, and the queue
	 * lengths of udev/70-zknet.rules; then the
	 * node's own --verify, until it agrees or the boot's time is up (the daemons work on their own).
	 */
	private void verify(Node node, BootDisk disk, String said) throws LabException {
		String namespace = lab.namespaceOf(node);
		String script = node.kind() == NodeKind.GUEST ? "network.sh" : "setup.sh";
		long deadline = System.currentTimeMillis() + BOOT_MILLIS;
		Map<String, String> queues = UdevNames.queueLengths(disk.udevRules());
		HostCommands.Outcome outcome;
		do {
			UdevNames.applyQueueLengths(lab, namespace, queues);
			if (Files.isRegularFile(disk.sysctlFile())) {
				lab.shell().attempt(namespace, Map.of(), "sysctl", "-q", "-e", "-p", disk.sysctlFile().toString());
			}
			outcome = lab.verify(node, node.folder() + "/" + script);
			if (outcome.ok()) {
				break;
			}
			NamespaceShell.pause(500);
		} while (System.currentTimeMillis() < deadline);
		if (outcome.ok()) {
			booted++;
			out.println(node.id() + ": booted: " + said);
			out.println(node.id() + ": after the reboot: " + script + " --verify: as planned");
		} else {
			String failure = node.id() + ": after the reboot (" + said + "): " + script + " --verify finds it not as planned" + Lab.indent(outcome.output());
			out.println(failure);
			failures.add(failure);
		}
	}

	int booted() {
		return booted;
	}

	List<String> failures() {
		return List.copyOf(failures);
	}

	private static String read(Path file) throws LabException {
		try {
			return Files.readString(file);
		} catch (java.io.IOException e) {
			throw new LabException("cannot read " + file + ": " + e.getMessage());
		}
	}
}
