package org.zkvm.dsl.ide.lab;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.zkvm.dsl.lab.LabNetwork;
import org.zkvm.dsl.lab.LabNetwork.Node;
import org.zkvm.dsl.lab.LabNetwork.NodeKind;
import org.zkvm.dsl.lab.LabNetwork.Port;
import org.zkvm.dsl.lab.LabNetwork.PortKind;
import org.zkvm.dsl.lab.LabNetwork.Segment;
import org.zkvm.dsl.lab.LabNetwork.SegmentKind;
import org.zkvm.dsl.lab.LabProbes.Kind;
import org.zkvm.dsl.lab.LabProbes.Probe;

/**
 * The member-down proof of each bond: while a 10 ms ping stream crosses the bond, the active member's
 * cable is pulled at its switch (the veth end there goes down, so the host's member loses its
 * carrier, as an OSA port does when its switch port or cable fails); the bond must move to another
 * member, the stream must come back, and every probe must still be as the model says with the member
 * down. The cable is then put back. The failover time printed is the longest silence in the stream.
 */
final class BondFailover {

	/** What one member-down run showed. */
	record Result(String bond, String member, String successor, double silenceSeconds, int probes, int disagreements) {
	}

	private static final Pattern ACTIVE = Pattern.compile("active member mac: [0-9a-f:]+\\((.+)\\)");
	private static final Pattern REPLY = Pattern.compile("^\\[(\\d+\\.\\d+)\\] \\d+ bytes from ");
	private static final int STREAM_SECONDS = 6;

	private final Lab lab;
	private final PrintWriter out;

	BondFailover(Lab lab, PrintWriter out) {
		this.lab = lab;
		this.out = out;
	}

	List<Result> prove(LabNetwork network, List<Probe> probes) throws LabException {
		List<Result> results = new ArrayList<>();
		for (Segment bridge : network.segments()) {
			if (bridge.kind() == SegmentKind.OVS && bridge.uplinks().size() > 1) {
				Node host = network.node(bridge.host()).orElseThrow();
				Probe stream = acrossTheBond(probes, p -> behind(p, bridge), host.id())
						.orElseThrow(() -> new LabException(bridge.id() + ": no probe crosses the bond, so its failover cannot be shown"));
				results.add(prove(host, bridge.uplinks(), stream, probes));
			}
		}
		for (Node host : network.nodes()) {
			for (Port bond : host.ports()) {
				if (bond.kind() != PortKind.BOND) {
					continue;
				}
				List<String> members = host.ports().stream().filter(p -> p.kind() == PortKind.MEMBER && bond.name().equals(p.uplink())).map(Port::name).toList();
				Set<String> carried = new HashSet<>(List.of(bond.name()));
				host.ports().stream().filter(p -> p.kind() == PortKind.VLAN && bond.name().equals(p.uplink())).forEach(p -> carried.add(p.name()));
				Probe stream = acrossTheBond(probes, p -> p.to() == host && host.ports().stream()
						.anyMatch(q -> carried.contains(q.name()) && q.addresses().stream().anyMatch(a -> a.address().equals(p.address()))), host.id())
						.orElseThrow(() -> new LabException(host.id() + ": no probe reaches an address on bond " + bond.name()
								+ " or its VLANs, so its failover cannot be shown"));
				results.add(prove(host, members, stream, probes));
			}
		}
		return results;
	}

	private Result prove(Node host, List<String> members, Probe stream, List<Probe> probes) throws LabException {
		String namespace = lab.namespaceOf(host);
		Map<String, String> ovs = lab.openVSwitches().environment(host);
		String bond = ovsBond(namespace, ovs, host, members);
		String active = activeMember(namespace, ovs, bond)
				.orElseThrow(() -> new LabException(host.id() + ": the bond " + bond + " has no active member before the member-down proof"));
		LabCabling.SwitchEnd end = lab.cabling().switchEnd(host, active);
		String label = host.id() + "'s bond " + bond + " (" + String.join(", ", members) + ")";
		out.println();
		out.println(label + ": " + active + " is active; its cable is pulled at the switch while " + stream.from().id() + " pings " + stream.to().id() + " ("
				+ stream.address() + ") every 10 ms");
		out.flush();
		ExecutorService pinger = Executors.newSingleThreadExecutor();
		double silence;
		try {
			List<String> command = HostCommands.inNamespace(lab.namespaceOf(stream.from()), "ping", "-D", "-n", "-i", "0.01", "-w",
					Integer.toString(STREAM_SECONDS), stream.address().toString());
			Future<HostCommands.Outcome> running = pinger.submit(() -> lab.guarded(() -> lab.commands().run(command, STREAM_SECONDS + 10)));
			pause(1500);
			double down = System.currentTimeMillis() / 1000.0;
			lab.shell().ip(end.namespace(), "link", "set", end.device(), "down");
			silence = silenceAround(running.get().output(), down);
		} catch (ExecutionException e) {
			throw e.getCause() instanceof LabException failure ? failure : new LabException("the ping stream failed to run: " + e.getCause());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new LabException("interrupted");
		} finally {
			pinger.shutdownNow();
		}
		String successor = activeMember(namespace, ovs, bond).orElse("none");
		List<ProbeRunner.Observation> observations = ProbeRunner.run(lab, probes);
		List<ProbeRunner.Observation> disagreeing = observations.stream().filter(o -> !o.matches()).toList();
		if (silence < 0) {
			out.println(label + ": with " + active + " down the stream did not come back within " + (STREAM_SECONDS - 1) + " s (active member now: " + successor
					+ ")");
		} else {
			out.println(label + ": " + successor + " took over; the stream was silent for " + String.format("%.2f", silence) + " s (failover time)");
		}
		if (!disagreeing.isEmpty()) {
			ProbeRunner.print(disagreeing, out);
		}
		out.println(label + ": with " + active + " down " + (observations.size() - disagreeing.size()) + " of " + observations.size()
				+ " probes as the model says");
		lab.shell().ip(end.namespace(), "link", "set", end.device(), "up");
		awaitEnabled(namespace, ovs, bond, active);
		out.println(label + ": " + active + "'s cable is back");
		out.flush();
		int failures = disagreeing.size() + (silence < 0 || successor.equals(active) ? 1 : 0);
		return new Result(label, active, successor, silence, observations.size(), failures);
	}

	/** The Open vSwitch bond port of the members (an Open vSwitch bond, or the lab's stand-in for a Linux bond). */
	private String ovsBond(String namespace, Map<String, String> ovs, Node host, List<String> members) throws LabException {
		String list = lab.shell().output(namespace, ovs, "ovs-appctl", "bond/list");
		for (String line : list.lines().skip(1).toList()) {
			String[] columns = line.split("\t");
			if (columns.length >= 4 && members.stream().allMatch(u -> List.of(columns[3].split(",\\s*")).contains(u))) {
				return columns[0];
			}
		}
		throw new LabException(host.id() + ": Open vSwitch has no bond of " + String.join(", ", members) + " after setup:" + Lab.indent(list));
	}

	private Optional<String> activeMember(String namespace, Map<String, String> ovs, String bond) throws LabException {
		Matcher matcher = ACTIVE.matcher(lab.shell().output(namespace, ovs, "ovs-appctl", "bond/show", bond));
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	private void awaitEnabled(String namespace, Map<String, String> ovs, String bond, String member) throws LabException {
		for (int i = 0; i < 50; i++) {
			String show = lab.shell().output(namespace, ovs, "ovs-appctl", "bond/show", bond);
			if (show.contains("member " + member + ": enabled")) {
				return;
			}
			pause(100);
		}
		throw new LabException(bond + ": " + member + " stayed disabled after its cable was put back");
	}

	/**
	 * A probe the model expects to get through that crosses the bond, sent from beyond the host (the
	 * switches must learn the new way in): into a guest on the Open vSwitch bond's bridge, or to an
	 * address on the Linux bond or its VLANs.
	 */
	private static Optional<Probe> acrossTheBond(List<Probe> probes, Predicate<Probe> inbound, String host) {
		return probes.stream().filter(p -> p.kind() == Kind.REACH && p.expected() && inbound.test(p) && !onHost(p.from(), host)).findFirst();
	}

	/** A probe into a guest behind the Open vSwitch bond's bridge. */
	private static boolean behind(Probe probe, Segment bridge) {
		Node node = probe.to();
		return node.kind() == NodeKind.GUEST && bridge.host().equals(node.host()) && node.ports().stream().anyMatch(p -> p.segment().equals(bridge.id()));
	}

	private static boolean onHost(Node node, String host) {
		return node.id().equals(host) || host.equals(node.host());
	}

	/** The longest gap between replies that spans the moment the member went down; -1 if none came after it. */
	static double silenceAround(String pingOutput, double down) {
		double before = Double.NaN;
		for (String line : pingOutput.lines().toList()) {
			Matcher matcher = REPLY.matcher(line);
			if (!matcher.find()) {
				continue;
			}
			double at = Double.parseDouble(matcher.group(1));
			if (at <= down) {
				before = at;
			} else {
				return Double.isNaN(before) ? at - down : at - before;
			}
		}
		return -1;
	}

	private static void pause(long millis) throws LabException {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new LabException("interrupted");
		}
	}
}
