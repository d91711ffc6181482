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

import org.zkvm.dsl.analysis.Ipv4Address;
import org.zkvm.dsl.analysis.Ipv4Prefix;
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
 * chpid fails (its OSA feature, its cable or its switch): the switch end of the cable of every member
 * on that chpid goes down, so the host's members lose their carrier as OSA ports do. The bond must
 * move to a member on another chpid, the stream must come back, and every probe must still be as the
 * model says with the chpid down; then the cables are put back. Two members on one chpid
 * (bond.same-chpid) fail together, and the proof shows it. The failover time printed is the longest
 * silence in the stream.
 */
final class BondFailover {

	/** What one member-down run showed. */
	record Result(String bond, String member, String successor, double silenceSeconds, int probes, int disagreements) {
	}

	private static final Pattern ACTIVE = Pattern.compile("active member mac: [0-9a-f:]+\\((.+)\\)");
	private static final Pattern REPLY = Pattern.compile("^\\[(\\d+\\.\\d+)\\] \\d+ bytes from ");
	private static final int STREAM_SECONDS = 10;

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
				Stream stream = acrossTheBond(probes, p -> behind(p, bridge), host.id())
						.orElseThrow(() -> new LabException(bridge.id() + ": no probe crosses the bond, so its failover cannot be shown"));
				results.add(prove(host, bridge.uplinks(), null, stream, probes));
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
				// the lab's probes start at guests, partners and networks: one from a guest of the host to a LAN of the bond leaves by it;
				// a host without guests pings a neighbour on a LAN of the bond from its own address there
				Stream stream = acrossTheBond(probes, p -> host.id().equals(p.from().host()) && reachedBy(host, carried, p.to()), host.id())
						.or(() -> fromTheHost(network, host, carried))
						.orElseThrow(() -> new LabException(host.id() + ": nothing beyond bond " + bond.name()
								+ " or its VLANs to ping, so its failover cannot be shown"));
				results.add(prove(host, members, bond.name(), stream, probes));
			}
		}
		return results;
	}

	/** {@code linuxBond} names the Linux bond the Open vSwitch bond stands in for, or is null for an Open vSwitch bond of the model's. */
	private Result prove(Node host, List<String> members, String linuxBond, Stream stream, List<Probe> probes) throws LabException {
		String namespace = lab.namespaceOf(host);
		Map<String, String> ovs = lab.openVSwitches().environment(host);
		String bond = ovsBond(namespace, ovs, host, members);
		String active = activeMember(namespace, ovs, bond)
				.orElseThrow(() -> new LabException(host.id() + ": the bond " + bond + " has no active member before the member-down proof"));
		// the active member's chpid fails (its OSA feature, or the switch it is cabled to): every member on it loses its carrier
		String chpid = host.port(active).map(Port::chpid).orElse(null);
		List<String> failing = members.stream().filter(m -> m.equals(active) || chpid != null && chpid.equals(host.port(m).map(Port::chpid).orElse(null)))
				.toList();
		List<LabCabling.SwitchEnd> ends = new ArrayList<>();
		for (String member : failing) {
			ends.add(lab.cabling().switchEnd(host, member));
		}
		String label = host.id() + "'s " + (linuxBond == null ? "Open vSwitch bond " + bond : "bond " + linuxBond) + " (" + String.join(", ", members) + ")";
		out.println();
		String what = (chpid == null ? active + "'s cable is pulled" : "chpid " + chpid + " fails") + " (" + String.join(", ", failing) + " "
				+ (failing.size() == 1 ? "loses its" : "lose their") + " carrier)";
		out.println(label + ": " + active + " is active; " + what + " while " + stream.from().id() + " pings " + stream.to().id() + " (" + stream.address()
				+ ") every 10 ms");
		out.flush();
		ExecutorService pinger = Executors.newSingleThreadExecutor();
		double silence;
		try {
			List<String> command = HostCommands.inNamespace(lab.namespaceOf(stream.from()), "ping", "-D", "-n", "-i", "0.01", "-w",
					Integer.toString(STREAM_SECONDS), stream.address().toString());
			Future<HostCommands.Outcome> running = pinger.submit(() -> lab.guarded(() -> lab.commands().run(command, STREAM_SECONDS + 10)));
			NamespaceShell.pause(1500);
			for (LabCabling.SwitchEnd end : ends) {
				lab.shell().ip(end.namespace(), "link", "set", end.device(), "down");
			}
			double down = System.currentTimeMillis() / 1000.0;
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
		if (silence < 0 || failing.contains(successor)) {
			out.println(label + ": no member took over (active: " + successor + "); the stream did not come back");
		} else {
			out.println(label + ": " + successor + " took over; the stream was silent for " + String.format("%.2f", silence) + " s (failover time)");
		}
		if (!disagreeing.isEmpty()) {
			ProbeRunner.print(disagreeing, out);
		}
		out.println(label + ": with " + String.join(", ", failing) + " down " + (observations.size() - disagreeing.size()) + " of " + observations.size()
				+ " probes as the model says");
		for (LabCabling.SwitchEnd end : ends) {
			lab.shell().ip(end.namespace(), "link", "set", end.device(), "up");
		}
		for (String member : failing) {
			awaitEnabled(namespace, ovs, bond, member);
		}
		out.println(label + ": " + String.join(", ", failing) + " " + (failing.size() == 1 ? "is" : "are") + " back");
		out.flush();
		int failures = disagreeing.size() + (silence < 0 || failing.contains(successor) ? 1 : 0);
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
			NamespaceShell.pause(100);
		}
		throw new LabException(bond + ": " + member + " stayed disabled after its cable was put back");
	}

	/**
	 * A probe the model expects to get through that crosses the bond from behind it: out of a guest on
	 * the Open vSwitch bond's bridge, or out of a guest of the host with the Linux bond, to a node
	 * beyond the host. Its own frames teach the switches the new way in at once; traffic that only comes
	 * in waits until they learn it otherwise (docs/vlans-and-bonds.md, "The lab").
	 */
	private static Optional<Stream> acrossTheBond(List<Probe> probes, Predicate<Probe> outbound, String host) {
		return probes.stream().filter(p -> p.kind() == Kind.REACH && p.expected() && outbound.test(p) && !onHost(p.to(), host)).findFirst()
				.map(p -> new Stream(p.from(), p.to(), p.address()));
	}

	/** From the host's own address on a port the bond carries to a node beyond in that port's subnet, on its LAN. */
	private static Optional<Stream> fromTheHost(LabNetwork network, Node host, Set<String> carried) {
		for (Port mine : host.ports()) {
			if (!carried.contains(mine.name())) {
				continue;
			}
			for (Ipv4Prefix address : mine.addresses()) {
				for (Node other : network.nodes()) {
					if (onHost(other, host.id())) {
						continue;
					}
					for (Port theirs : other.ports()) {
						Optional<Ipv4Prefix> neighbour = theirs.addresses().stream().filter(a -> address.subnet().contains(a.address())).findFirst();
						if (theirs.lan().equals(mine.lan()) && neighbour.isPresent()) {
							return Optional.of(new Stream(host, other, neighbour.get().address()));
						}
					}
				}
			}
		}
		return Optional.empty();
	}

	/** The ping stream across a bond: from a node behind it to an address beyond. */
	private record Stream(Node from, Node to, Ipv4Address address) {
	}

	/** Whether a node beyond the host is on a LAN of the bond or of one of its VLANs (packets to it leave by the bond). */
	private static boolean reachedBy(Node host, Set<String> carried, Node to) {
		Set<String> lans = new HashSet<>();
		host.ports().stream().filter(p -> carried.contains(p.name())).forEach(p -> lans.add(p.lan()));
		return to.ports().stream().anyMatch(p -> lans.contains(p.lan()));
	}

	/** A probe out of a guest behind the Open vSwitch bond's bridge. */
	private static boolean behind(Probe probe, Segment bridge) {
		Node node = probe.from();
		return node.kind() == NodeKind.GUEST && bridge.host().equals(node.host()) && node.ports().stream().anyMatch(p -> p.segment().equals(bridge.id()));
	}

	private static boolean onHost(Node node, String host) {
		return node.id().equals(host) || host.equals(node.host());
	}

	/**
	 * The gap between the last reply before the members went down (at {@code down}, once the commands
	 * returned) and the first reply of the stream that came back; -1 if it did not come back: replies
	 * after the gap must go on to the stream's last second (a reply or two in flight while the link went
	 * down are no way back).
	 */
	static double silenceAround(String pingOutput, double down) {
		List<Double> replies = new ArrayList<>();
		for (String line : pingOutput.lines().toList()) {
			Matcher matcher = REPLY.matcher(line);
			if (matcher.find()) {
				replies.add(Double.parseDouble(matcher.group(1)));
			}
		}
		double last = replies.isEmpty() ? Double.NaN : replies.get(replies.size() - 1);
		if (replies.isEmpty() || last < down + 1) {
			return -1;
		}
		double longest = 0;
		for (int i = 1; i < replies.size(); i++) {
			if (replies.get(i) > down - 1) {
				longest = Math.max(longest, replies.get(i) - replies.get(i - 1));
			}
		}
		return longest;
	}
}
