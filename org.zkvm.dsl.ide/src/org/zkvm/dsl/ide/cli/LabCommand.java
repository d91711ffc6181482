package org.zkvm.dsl.ide.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.eclipse.xtext.util.CancelIndicator;
import org.zkvm.dsl.headless.ModelGenerator;
import org.zkvm.dsl.ide.lab.HostCommands;
import org.zkvm.dsl.ide.lab.Lab;
import org.zkvm.dsl.ide.lab.LabCleanup;
import org.zkvm.dsl.ide.lab.LabException;
import org.zkvm.dsl.ide.lab.ProbeRunner;
import org.zkvm.dsl.lab.LabLimits;
import org.zkvm.dsl.lab.LabNetwork;
import org.zkvm.dsl.lab.LabNetworkBuilder;
import org.zkvm.dsl.lab.LabProbes;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "lab", mixinStandardHelpOptions = true,
		description = {"Builds the model's network on this machine and proves it: a network",
				"namespace per KVM host, guest, partner LPAR and outside network, veth pairs",
				"named after the model's interfaces, an Open vSwitch per KVM host (userspace",
				"datapath), and the generated setup.sh and network.sh applied (s390-only",
				"steps skipped, each said). Then pings between every two ends what the model",
				"promises and forbids, at the path MTU and at full size, prints expected",
				"against observed, and removes everything it made, also on Ctrl-C.",
				"Needs root. All traffic stays inside the lab's namespaces."},
		exitCodeListHeading = "%nExit status:%n",
		exitCodeList = {"0:every probe as the model says", "1:the model has errors, a probe disagreed or a generated script failed",
				"2:usage error, unreadable input, not root or a tool missing", "3:internal fault",
				"130:interrupted (the lab is removed)"})
public class LabCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = {"-q", "--quiet"}, description = "Print no progress on stderr.")
	boolean quiet;

	@Option(names = "--keep", description = "Leave the lab's namespaces, daemons and files in place to look around (remove them with --clean).")
	boolean keep;

	@Option(names = "--boot", description = {"Then reboot: switch every host and guest off and boot it from its persistent files alone",
			"(the distribution's own reader: systemd-networkd after netplan generate, NetworkManager, wicked's files),",
			"check each with its --verify and run the probes again."})
	boolean boot;

	@Option(names = "--force", description = "Run a model that has errors, to show what the errors do (the exit status stays 1).")
	boolean force;

	@ArgGroup(exclusive = true, multiplicity = "1")
	What what;

	static class What {
		@Parameters(paramLabel = "PATH", arity = "1..*", description = ".zknet files or folders containing them")
		List<Path> paths;

		@Option(names = "--clean", description = "Remove every lab left on this machine (namespaces starting with zklab-, their processes and folders).")
		boolean clean;
	}

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		if (!isRoot()) {
			err.println("zknet lab: needs root (it creates network namespaces, veth pairs and Open vSwitch daemons): run it with sudo");
			return ExitCodes.USAGE;
		}
		HostCommands commands = new HostCommands();
		if (what.clean) {
			try {
				List<String> failures = LabCleanup.clean(commands, out);
				failures.forEach(f -> err.println("zknet lab: could not remove " + f));
				return failures.isEmpty() ? ExitCodes.OK : ExitCodes.MODEL_ERRORS;
			} catch (LabException e) {
				err.println("zknet lab: " + e.getMessage());
				return ExitCodes.USAGE;
			}
		}
		CheckedModel checked = CheckedModel.load(spec, quiet, what.paths);
		if (checked.failed()) {
			return checked.usageError();
		}
		boolean errors = checked.model().hasErrors();
		if (errors && !force) {
			err.println("zknet lab: the model has errors: no lab built (--force builds it anyway, to show what the errors do)");
			return ExitCodes.MODEL_ERRORS;
		}
		Optional<String> unbuilt = LabLimits.unbuilt(checked.model().models());
		if (unbuilt.isPresent()) {
			err.println("zknet lab: " + unbuilt.get() + " (docs/vlans-and-bonds.md); 'zknet validate' and 'zknet generate' cover it");
			return ExitCodes.USAGE;
		}
		Optional<String> unbootable = boot ? LabLimits.unbootable(checked.model().models()) : Optional.empty();
		if (unbootable.isPresent()) {
			err.println("zknet lab: --boot: " + unbootable.get() + " (docs/vlans-and-bonds.md); run the lab without --boot");
			return ExitCodes.USAGE;
		}
		LabNetwork network = LabNetworkBuilder.build(checked.model().models());
		List<LabProbes.Probe> probes = LabProbes.plan(network);
		if (probes.isEmpty()) {
			err.println("zknet lab: the model has no two IP ends to ping between (guests, partner LPARs or networks with an OSA port in them)");
			return ExitCodes.USAGE;
		}
		Map<String, String> generated;
		ModelGenerator generator = Languages.runtime().getInstance(ModelGenerator.class);
		try {
			generated = errors ? generator.configurationDespiteErrors(checked.model(), CancelIndicator.NullImpl)
					: generator.configuration(checked.model(), CancelIndicator.NullImpl);
		} catch (RuntimeException e) {
			err.println("zknet lab: the model's errors keep the generator from writing its scripts (" + e.getClass().getSimpleName() + "): fix them first");
			return ExitCodes.MODEL_ERRORS;
		}
		List<String> missing = missingTools(network, generated);
		if (boot) {
			missingBootTools(generated).stream().filter(m -> !missing.contains(m)).forEach(missing::add);
		}
		if (!missing.isEmpty()) {
			err.println("zknet lab: needs " + String.join(", ", missing)
					+ " (on Debian and Ubuntu: apt-get install iproute2 iputils-ping openvswitch-switch nftables procps util-linux python3, and arptables iptables for 'firewall legacy',"
					+ " python3-gi gir1.2-nm-1.0 for RHEL hosts; for --boot netplan.io systemd-networkd network-manager dbus python3-gi gir1.2-nm-1.0)");
			return ExitCodes.USAGE;
		}
		return runLab(commands, network, generated, probes, errors, out, err);
	}

	private int runLab(HostCommands commands, LabNetwork network, Map<String, String> generated, List<LabProbes.Probe> probes, boolean errors,
			PrintWriter out, PrintWriter err) {
		Lab lab;
		try {
			lab = new Lab(commands, out);
		} catch (LabException e) {
			err.println("zknet lab: " + e.getMessage());
			return ExitCodes.USAGE;
		}
		if (keep) {
			lab.keep();
		}
		Thread cleanup = new Thread(() -> {
			err.println("zknet lab: interrupted: removing lab " + lab.id());
			err.flush();
			lab.close();
		}, "zknet lab cleanup");
		Runtime.getRuntime().addShutdownHook(cleanup);
		try {
			out.println("zknet lab " + lab.id() + ": " + network.nodes().size() + " nodes, " + network.segments().size() + " LANs and bridges, "
					+ probes.size() + " probes" + (errors ? " (model with errors, --force)" : ""));
			out.flush();
			lab.build(network, generated);
			out.println();
			List<ProbeRunner.Observation> observations = ProbeRunner.run(lab, probes);
			ProbeRunner.print(observations, out);
			long failed = observations.stream().filter(o -> !o.matches()).count();
			long reached = observations.stream().filter(ProbeRunner.Observation::observed).count();
			int[] failovers = lab.proveBondFailover(network, probes);
			out.println();
			int rebootFailures = 0;
			if (boot) {
				rebootFailures = reboot(lab, network, probes, observations, out);
			}
			lab.checkLiveHostsAgain();
			boolean live = lab.sessionsKept() == lab.sessions() && lab.rollbacksExact() == lab.rollbacks() && lab.liveHostFailures().isEmpty();
			out.println("zknet lab: admin sessions kept: " + lab.sessionsKept() + " of " + lab.sessions());
			out.println("zknet lab: rollbacks exact: " + lab.rollbacksExact() + " of " + lab.rollbacks());
			out.println("zknet lab: " + (observations.size() - failed) + " of " + observations.size() + " probes as the model says (" + reached
					+ " replies, " + (observations.size() - reached) + " without)" + (failed == 0 ? "" : "; " + failed + " disagree"));
			if (failovers[1] > 0) {
				out.println("zknet lab: bonds that failed over with every probe as the model says: " + failovers[0] + " of " + failovers[1]);
			}
			if (errors) {
				out.println("zknet lab: the model has errors: the table shows what they do on a live network");
			}
			out.flush();
			if (!live) {
				out.println("zknet lab: the production-like start found harm (the lines above): the generated setup is not safe on a live host");
			}
			out.flush();
			return failed == 0 && rebootFailures == 0 && failovers[0] == failovers[1] && live && !errors ? ExitCodes.OK : ExitCodes.MODEL_ERRORS;
		} catch (LabException e) {
			err.println("zknet lab: " + e.getMessage());
			return ExitCodes.MODEL_ERRORS;
		} finally {
			lab.close();
			try {
				Runtime.getRuntime().removeShutdownHook(cleanup);
			} catch (IllegalStateException shuttingDown) {
				// the hook is already running
			}
			if (!keep) {
				out.println("zknet lab: removed lab " + lab.id() + " (" + lab.namespaces().size() + " namespaces)");
				out.flush();
			}
		}
	}

	/** The reboot and the probes after it; returns how many nodes or probes disagree. */
	private static int reboot(Lab lab, LabNetwork network, List<LabProbes.Probe> probes, List<ProbeRunner.Observation> before, PrintWriter out)
			throws LabException {
		lab.reboot(network);
		out.println();
		List<ProbeRunner.Observation> after = ProbeRunner.run(lab, probes);
		ProbeRunner.print(after, out);
		long failed = after.stream().filter(o -> !o.matches()).count();
		long same = 0;
		for (int i = 0; i < after.size(); i++) {
			same += after.get(i).observed() == before.get(i).observed() ? 1 : 0;
		}
		int nodes = lab.rebootedAsPlanned() + lab.rebootFailures().size();
		out.println();
		out.println("zknet lab: after the reboot: " + lab.rebootedAsPlanned() + " of " + nodes + " hosts and guests as planned; " + (after.size() - failed)
				+ " of " + after.size() + " probes as the model says, " + same + " the same as before the reboot");
		out.flush();
		return (int) failed + lab.rebootFailures().size() + (int) (after.size() - same);
	}

	/** What the reboot runs: each distribution's reader of the files the model has, and unshare for their mount namespaces. */
	private static List<String> missingBootTools(Map<String, String> generated) {
		List<String> missing = new ArrayList<>();
		if (HostCommands.find("unshare") == null) {
			missing.add("unshare");
		}
		if (generated.keySet().stream().anyMatch(f -> f.contains("/netplan/"))) {
			if (HostCommands.find("netplan") == null) {
				missing.add("netplan");
			}
			if (!Files.isExecutable(Path.of("/lib/systemd/systemd-networkd")) && !Files.isExecutable(Path.of("/usr/lib/systemd/systemd-networkd"))) {
				missing.add("systemd-networkd");
			}
		}
		if (generated.keySet().stream().anyMatch(f -> f.contains("/networkmanager/"))) {
			for (String tool : List.of("NetworkManager", "nmcli", "dbus-daemon")) {
				if (HostCommands.find(tool) == null) {
					missing.add(tool);
				}
			}
			missing.addAll(missingLibnm());
		}
		return missing;
	}

	/**
	 * What the lab runs itself (ip, iputils' ping: its -M option, python3 for the admin sessions,
	 * and Open vSwitch's daemons when the model has bridges) and what the generated scripts call
	 * (zknet-apply.sh: sysctl, flock, setsid, sha256sum; nft, or arptables and iptables for
	 * 'firewall legacy'; ovs-vsctl), whichever is not installed.
	 */
	private static List<String> missingTools(LabNetwork network, Map<String, String> generated) {
		Set<String> tools = new LinkedHashSet<>(List.of("ip", "ping", "bash", "python3", "sysctl", "flock", "setsid", "sha256sum"));
		// Open vSwitch for the model's bridges, the site's VLAN-aware switches and the stand-ins for Linux bonds and VLANs;
		// ovs-appctl reads a bond's active member for the member-down proof
		boolean vlansOrBonds = network.segments().stream().anyMatch(s -> s.vlan() != 0) || network.nodes().stream().flatMap(n -> n.ports().stream())
				.anyMatch(p -> p.kind() == LabNetwork.PortKind.BOND || p.kind() == LabNetwork.PortKind.VLAN);
		if (vlansOrBonds || network.segments().stream().anyMatch(s -> s.kind() == LabNetwork.SegmentKind.OVS)) {
			tools.addAll(List.of("ovsdb-tool", "ovsdb-server", "ovs-vswitchd", "ovs-vsctl", "ovs-appctl"));
		}
		Map<String, List<String>> byStep = Map.of("zknet_nftables ", List.of("nft"), "zknet_legacy_firewall ",
				List.of("arptables", "iptables", "arptables-save", "iptables-save", "arptables-restore", "iptables-restore"), "zknet_bridge ",
				List.of("ovs-vsctl"));
		byStep.forEach((step, needed) -> {
			if (generated.entrySet().stream().anyMatch(f -> f.getKey().endsWith(".sh") && f.getValue().contains("\n" + step))) {
				tools.addAll(needed);
			}
		});
		tools.add("nft"); // the lab's snapshots read the ruleset
		List<String> missing = new ArrayList<>(tools.stream().filter(t -> HostCommands.find(t) == null).toList());
		if (!missing.contains("ping") && !isIputilsPing()) {
			missing.add("iputils' ping (this ping has no -M)");
		}
		// a RHEL host's setup.sh applies through NetworkManager: the lab's nmcli reads the profiles with libnm
		if (generated.entrySet().stream().anyMatch(f -> f.getKey().endsWith("/setup.sh") && f.getValue().contains("\nzknet_nm_profile "))) {
			missing.addAll(missingLibnm());
		}
		return missing;
	}

	/** libnm for Debian's python3 (python3-gi, gir1.2-nm-1.0): the lab reads NetworkManager keyfiles with it. */
	private static List<String> missingLibnm() {
		try {
			Process python = new ProcessBuilder(Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3", "-c",
					"import gi; gi.require_version('NM', '1.0'); from gi.repository import NM").redirectErrorStream(true).start();
			python.getInputStream().readAllBytes();
			return python.waitFor() == 0 ? List.of() : List.of("libnm for python3 (python3-gi, gir1.2-nm-1.0)");
		} catch (java.io.IOException e) {
			return List.of("python3");
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return List.of();
		}
	}

	private static boolean isIputilsPing() {
		try {
			return new HostCommands().run(List.of("ping", "-V"), 10).output().contains("iputils");
		} catch (LabException e) {
			return false;
		}
	}
	private static boolean isRoot() {
		try {
			return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
		} catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
			return "root".equals(System.getProperty("user.name"));
		}
	}
}
