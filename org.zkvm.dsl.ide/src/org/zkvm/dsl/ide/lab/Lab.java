package org.zkvm.dsl.ide.lab;

import static org.zkvm.dsl.ide.lab.HostCommands.inNamespace;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.zkvm.dsl.lab.LabNetwork.Node;
import org.zkvm.dsl.lab.LabNetwork.NodeKind;
import org.zkvm.dsl.lab.LabNetwork.Port;
import org.zkvm.dsl.lab.LabNetwork.PortKind;
import org.zkvm.dsl.lab.LabNetwork.RpFilters;
import org.zkvm.dsl.lab.LabNetwork.Segment;
import org.zkvm.dsl.lab.LabNetwork.SegmentKind;
import org.zkvm.dsl.lab.LabNetwork;
import org.zkvm.dsl.lab.LabProbes.Probe;

/**
 * The modelled network, built on this machine: a network namespace per node and per LAN switch,
 * veth pairs named after the model's interfaces, an Open vSwitch (ovsdb-server and ovs-vswitchd
 * inside the host's namespace, bridges with datapath_type=netdev) per KVM host, the generated
 * setup.sh of every host and network.sh of every guest. Everything it makes is registered before
 * it is made, so {@link #close()} removes it all: on success, on failure and on SIGINT (the
 * command's shutdown hook), whichever comes first; a lock keeps a removal from racing a step.
 */
public final class Lab implements AutoCloseable {

	/** Every lab namespace starts with this, followed by the lab's id. */
	public static final String PREFIX = "zklab-";

	private static final int SETUP_SECONDS = 120;

	private final HostCommands commands;
	private final PrintWriter out;
	private final String id;
	private final Path work;
	private final ReadWriteLock lock = new ReentrantReadWriteLock();
	private final List<String> namespaces = new ArrayList<>();
	private final Map<String, String> namespaceOfNode = new LinkedHashMap<>();
	private final Map<String, String> namespaceOfSwitch = new LinkedHashMap<>();
	private final LabCabling cabling = new LabCabling(this);
	private final LabFabric fabric = new LabFabric(this);
	private final KernelStandIns kernelStandIns = new KernelStandIns(this);
	private final GeneratedFiles generatedFiles = new GeneratedFiles(this);
	private final OpenVSwitches openVSwitches;
	private final LiveHosts live;
	private final RollbackProofs rollbacks;
	private final LabReboot reboot;
	private final NamespaceShell shell = new NamespaceShell(this);
	private final NetworkManagerStandIn networkManagerStandIn = new NetworkManagerStandIn(this);
	private boolean closed;
	private boolean keep;

	public Lab(HostCommands commands, PrintWriter out) throws LabException {
		this.commands = commands;
		this.out = out;
		byte[] random = new byte[3];
		new SecureRandom().nextBytes(random);
		this.id = HexFormat.of().formatHex(random);
		this.live = new LiveHosts(this, out);
		this.rollbacks = new RollbackProofs(this, out);
		this.reboot = new LabReboot(this, out);
		this.openVSwitches = new OpenVSwitches(this, commands);
		try {
			this.work = Files.createTempDirectory("zknet-lab-" + id + "-");
		} catch (IOException e) {
			throw new LabException("cannot create the lab's folder: " + e.getMessage());
		}
	}

	public String id() {
		return id;
	}

	PrintWriter out() {
		return out;
	}

	public Path work() {
		return work;
	}

	public String namespaceOf(Node node) {
		return namespaceOfNode.get(node.id());
	}

	String namespaceOfId(String nodeId) {
		return namespaceOfNode.get(nodeId);
	}

	/** The namespace of a LAN's switch, or null where the segment is no switch (an Open vSwitch bridge). */
	String switchNamespace(String segment) {
		return namespaceOfSwitch.get(segment);
	}

	/** The commands the lab runs in its namespaces and on this machine. */
	NamespaceShell shell() {
		return shell;
	}

	OpenVSwitches openVSwitches() {
		return openVSwitches;
	}

	HostCommands commands() {
		return commands;
	}

	LabCabling cabling() {
		return cabling;
	}

	LabFabric fabric() {
		return fabric;
	}

	LiveHosts live() {
		return live;
	}

	NetworkManagerStandIn networkManagerStandIn() {
		return networkManagerStandIn;
	}

	/** The node's disk: where its persistent files are installed (setup.sh's ZKNET_ROOT). */
	Path root(Node node) {
		return work.resolve("root").resolve(shortName(node));
	}

	public List<String> namespaces() {
		return List.copyOf(namespaces);
	}

	/** Leaves everything in place at {@link #close()}. */
	public void keep() {
		keep = true;
	}

	/** Builds the network and applies the generated scripts; {@code generated} is the generator's output by relative path. */
	public void build(LabNetwork network, Map<String, String> generated) throws LabException {
		generatedFiles.write(generated);
		fabric.build(network);
		for (Segment segment : network.segments()) {
			if (segment.kind() == SegmentKind.SWITCH && !fabric.carries(segment.id())) {
				String namespace = createNamespace("lan-" + (namespaceOfSwitch.size() + 1));
				namespaceOfSwitch.put(segment.id(), namespace);
				shell.ip(namespace, "link", "add", "lan", "type", "bridge", "stp_state", "0", "forward_delay", "0");
				shell.ip(namespace, "link", "set", "lan", "up");
			}
		}
		for (Node node : network.nodes()) {
			namespaceOfNode.put(node.id(), createNamespace(shortName(node), node.rpFilters()));
		}
		for (Node node : network.nodes()) {
			for (Port port : node.ports()) {
				if ((port.kind() == PortKind.VETH || port.kind() == PortKind.MEMBER) && (namespaceOfSwitch.containsKey(port.segment()) || fabric.carries(port.segment()))) {
					cabling.cableToSwitch(network, node, port);
				}
			}
		}
		for (Node node : network.nodes()) {
			if (node.kind() == NodeKind.GUEST) {
				for (Port port : node.ports()) {
					cabling.cableGuest(network, node, port);
				}
			}
		}
		List<Node> hosts = network.nodes().stream().filter(n -> n.kind() == NodeKind.KVM_HOST || n.kind() == NodeKind.LINUX_LPAR).toList();
		for (Node host : hosts) {
			String setup = generated.getOrDefault(host.folder() + "/setup.sh", "");
			if (network.segments().stream().anyMatch(s -> host.id().equals(s.host())) || KernelStandIns.needed(setup)) {
				openVSwitches.start(network, host);
			}
			kernelStandIns.build(host, setup);
		}
		for (Node host : hosts) {
			live.prepare(host, generated.getOrDefault(host.folder() + "/setup.sh", ""));
		}
		Node proven = hosts.stream().filter(h -> generated.getOrDefault(h.folder() + "/setup.sh", "").contains("\nzknet_sysctl ")).findFirst()
				.orElse(null);
		for (Node host : hosts) {
			Path setup = generatedFiles.adapted(host, host.folder() + "/setup.sh");
			Map<String, String> environment = scriptEnvironment(host);
			if (host == proven) {
				rollbacks.prove(host, setup, generatedFiles.adapted(host, host.folder() + "/teardown.sh"), environment, state(host), openVSwitches.environment(host));
			}
			require(host, "setup.sh", script(host, setup, environment));
			HostCommands.Outcome again = script(host, setup, environment);
			require(host, "setup.sh run again", again);
			if (!again.output().contains("already as planned: nothing to change")) {
				throw new LabException(host.id() + ": setup.sh run again on a host that is as planned still changed it:" + indent(again.output()));
			}
			out.println(host.id() + ": setup.sh run again: nothing to change");
		}
		// after the hosts' setup: a link that goes down (as in the rollback proofs) loses its neighbour entries
		cabling.registerLayer3Neighbours(network);
		for (Node node : network.nodes()) {
			if (node.kind() == NodeKind.GUEST) {
				cabling.plugGuest(network, node);
				require(node, "network.sh", script(node, generatedFiles.adapted(node, node.folder() + "/network.sh"), scriptEnvironment(node)));
				cabling.checkNicNames(node);
			} else if (node.kind() == NodeKind.ZVM_GUEST) {
				require(node, "network.sh", script(node, generatedFiles.adapted(node, node.folder() + "/network.sh"), scriptEnvironment(node)));
			} else if (node.kind() == NodeKind.PARTNER || node.kind() == NodeKind.OUTSIDE) {
				cabling.configureFromModel(node);
			}
		}
		out.flush();
		live.check("after setup");
	}

	/** Each bond's member-down proof ({@link BondFailover}): how many bonds failed over and kept every probe as the model says, of how many. */
	public int[] proveBondFailover(LabNetwork network, List<Probe> probes) throws LabException {
		List<BondFailover.Result> results = new BondFailover(this, out).prove(network, probes);
		return new int[] {(int) results.stream().filter(r -> r.disagreements() == 0).count(), results.size()};
	}

	/** Switches every host and guest off and boots it from its persistent files alone ({@link LabReboot}). */
	public void reboot(LabNetwork network) throws LabException {
		reboot.reboot(network);
	}

	/** How many hosts and guests came back from the reboot as planned, and what the others showed. */
	public int rebootedAsPlanned() {
		return reboot.booted();
	}

	public List<String> rebootFailures() {
		return reboot.failures();
	}

	/** The node switched off (its processes ended, its namespace deleted) and on again: an empty namespace of the same name. */
	void powerCycle(Node node) throws LabException {
		String namespace = namespaceOfNode.get(node.id());
		guarded(() -> {
			LabCleanup.killProcesses(commands, namespace);
			commands.check("ip", "netns", "del", namespace);
			return commands.check("ip", "netns", "add", namespace);
		});
		shell.ip(namespace, "link", "set", "lo", "up");
		rpFilterDefaults(namespace, node.rpFilters());
	}

	/** The node's generated script (as the lab runs it) with --verify. */
	HostCommands.Outcome verify(Node node, String relative) throws LabException {
		return script(node, generatedFiles.labScript(node, relative), scriptEnvironment(node), "--verify");
	}

	/** After the probes: the admin sessions must still be open. */
	public void checkLiveHostsAgain() throws LabException {
		live.check("at the end");
	}

	/** How many hosts kept their admin session (at the last check), of how many. */
	public int sessionsKept() {
		return live.kept();
	}

	public int sessions() {
		return live.hosts();
	}

	public int rollbacksExact() {
		return rollbacks.exact();
	}

	public int rollbacks() {
		return rollbacks.proofs();
	}

	/** What the production-like start found broken: an unmodelled NIC, a default route. */
	public List<String> liveHostFailures() {
		return live.failures();
	}

	/** What the generated scripts run with: the admin's session as sshd describes it, the checkpoint folder, a root for persistent files, Open vSwitch's sockets. */
	private Map<String, String> scriptEnvironment(Node node) {
		Map<String, String> environment = new LinkedHashMap<>(node.kind() == NodeKind.GUEST || node.kind() == NodeKind.ZVM_GUEST ? Map.of()
				: openVSwitches.environment(node));
		environment.put("ZKNET_STATE_DIR", work.resolve("state").resolve(shortName(node)).toString());
		// the namespaces share this machine's file system: each host's persistent files (the boot unit) go under a root of its own
		environment.put("ZKNET_ROOT", root(node).toString());
		live.of(node).ifPresent(start -> environment.put("SSH_CONNECTION", start.sshConnection()));
		environment.putAll(networkManagerStandIn.environment(node));
		return environment;
	}

	private Path state(Node node) {
		return work.resolve("state").resolve(shortName(node)).resolve(stateName(node));
	}

	/** The name setup.sh files its checkpoint under: the host's or guest's own name. */
	private static String stateName(Node node) {
		String id = node.id().substring(node.id().indexOf(' ') + 1);
		return id.substring(id.lastIndexOf('.') + 1);
	}

	private void require(Node node, String what, HostCommands.Outcome outcome) throws LabException {
		if (!outcome.ok()) {
			throw new LabException(node.id() + ": " + what + " failed (exit " + outcome.status() + ")" + indent(outcome.output()));
		}
	}

	String createNamespace(String name) throws LabException {
		return createNamespace(name, RpFilters.KERNEL);
	}

	/**
	 * The distribution's conf.all and conf.default rp_filter, as its own sysctl.d sets them before
	 * any of zknet's files (topology.ReversePathFilter); the lab's own ends keep the kernel's 0.
	 */
	private void rpFilterDefaults(String namespace, RpFilters rp) throws LabException {
		shell.exec(namespace, "sysctl", "-q", "-w", "net.ipv4.conf.all.rp_filter=" + rp.distributionAll().value(),
				"net.ipv4.conf.default.rp_filter=" + rp.interfaceDefault().value());
	}

	String createNamespace(String name, RpFilters rp) throws LabException {
		String namespace = PREFIX + id + "-" + name;
		lock.readLock().lock();
		try {
			if (closed) {
				throw new LabException("the lab is being removed");
			}
			synchronized (namespaces) {
				namespaces.add(namespace);
			}
			commands.check("ip", "netns", "add", namespace);
		} finally {
			lock.readLock().unlock();
		}
		shell.ip(namespace, "link", "set", "lo", "up");
		rpFilterDefaults(namespace, rp);
		return namespace;
	}

	static String shortName(Node node) {
		String name = switch (node.kind()) {
			case OUTSIDE -> "net-" + node.id().substring(node.id().indexOf(' ') + 1);
			case ZVM_GUEST -> "zvm-" + node.id().substring(node.id().lastIndexOf(' ') + 1);
			default -> node.id().substring(node.id().indexOf(' ') + 1);
		};
		return name.replaceAll("[^A-Za-z0-9_.-]", "_");
	}

	/** Runs a lab script in the node's namespace; its output and status come back. */
	HostCommands.Outcome script(Node node, Path script, Map<String, String> environment, String... arguments) throws LabException {
		List<String> command = new ArrayList<>(inNamespace(namespaceOfNode.get(node.id()), "bash", script.toString()));
		command.addAll(List.of(arguments));
		return guarded(() -> commands.run(command, environment, SETUP_SECONDS));
	}

	interface Step<T> {
		T run() throws LabException;
	}

	/** Runs a step unless the lab is being removed; a removal waits for running steps. */
	<T> T guarded(Step<T> step) throws LabException {
		lock.readLock().lock();
		try {
			if (closed) {
				throw new LabException("the lab is being removed");
			}
			return step.run();
		} finally {
			lock.readLock().unlock();
		}
	}

	static String indent(String output) {
		String text = output.strip();
		return text.isEmpty() ? "" : ":\n" + text.lines().map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse("");
	}

	/**
	 * Removes every namespace (after ending the processes inside: Open vSwitch's daemons, pings)
	 * and the lab's folder, unless {@link #keep()} was called. Safe to call twice and from the
	 * shutdown hook.
	 */
	@Override
	public void close() {
		lock.writeLock().lock();
		try {
			if (closed) {
				return;
			}
			closed = true;
			if (keep) {
				out.println("zknet lab: kept lab " + id + ": namespaces " + String.join(", ", namespaces) + "; files in " + work);
				out.println("zknet lab: enter one with 'ip netns exec NAMESPACE bash'; remove it all with 'zknet lab --clean'");
				out.flush();
				return;
			}
			List<String> reversed = new ArrayList<>(namespaces);
			Collections.reverse(reversed);
			for (String failure : LabCleanup.remove(commands, reversed)) {
				out.println("zknet lab: could not remove " + failure + " ('zknet lab --clean' tries again)");
			}
			LabCleanup.deleteFolder(work);
		} finally {
			lock.writeLock().unlock();
		}
	}
}
