package org.zkvm.dsl.ide.lab;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.zkvm.dsl.lab.LabProbes.Kind;
import org.zkvm.dsl.lab.LabProbes.Probe;

/**
 * Sends the planned pings in the lab (the small ones first, four at a time, then the large ones
 * on the paths the small ones opened) and prints expected against observed. A probe that disagrees
 * with the model is sent once more, alone, after all others: two pings lost while others ran
 * alongside are not yet a verdict on the path; the table says when the second try decided.
 */
public final class ProbeRunner {

	/** A probe and what the lab saw. */
	public record Observation(Probe probe, boolean observed, boolean secondTry) {
		public boolean matches() {
			return probe.expected() == observed;
		}
	}

	private static final int PARALLEL = 4;

	private ProbeRunner() {
	}

	public static List<Observation> run(Lab lab, List<Probe> probes) throws LabException {
		List<Observation> result = new ArrayList<>();
		result.addAll(runAll(lab, probes.stream().filter(p -> p.kind() == Kind.REACH).toList()));
		result.addAll(runAll(lab, probes.stream().filter(p -> p.kind() != Kind.REACH).toList()));
		for (int i = 0; i < result.size(); i++) {
			Observation first = result.get(i);
			if (!first.matches()) {
				Probe probe = first.probe();
				result.set(i, new Observation(probe, ping(lab, probe), true));
			}
		}
		return result;
	}

	private static List<Observation> runAll(Lab lab, List<Probe> probes) throws LabException {
		ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
		try {
			List<Future<Boolean>> futures = new ArrayList<>();
			for (Probe probe : probes) {
				futures.add(pool.submit(() -> ping(lab, probe)));
			}
			List<Observation> result = new ArrayList<>();
			for (int i = 0; i < probes.size(); i++) {
				result.add(new Observation(probes.get(i), futures.get(i).get(), false));
			}
			return result;
		} catch (ExecutionException e) {
			throw e.getCause() instanceof LabException failure ? failure : new LabException("a ping failed to run: " + e.getCause());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new LabException("interrupted");
		} finally {
			pool.shutdownNow();
		}
	}

	/** The table: one line per probe, then the reason the model gives. */
	public static void print(List<Observation> observations, PrintWriter out) {
		int from = width(observations.stream().map(o -> o.probe().from().id()).toList(), "FROM");
		int to = width(observations.stream().map(o -> target(o.probe())).toList(), "TO");
		int probe = width(observations.stream().map(o -> probeLabel(o.probe())).toList(), "PROBE");
		String format = "%-4s %-" + from + "s  %-" + to + "s  %-" + probe + "s  %-9s %-9s%n";
		out.printf(format, "", "FROM", "TO", "PROBE", "EXPECTED", "OBSERVED");
		for (Observation o : observations) {
			out.printf(format, o.matches() ? "ok" : "FAIL", o.probe().from().id(), target(o.probe()), probeLabel(o.probe()), verdict(o.probe().expected()),
					verdict(o.observed()));
			out.println("       " + o.probe().why());
			if (o.secondTry()) {
				out.println("       " + (o.matches() ? "decided by a second try, alone: the first, sent alongside others, disagreed"
						: "a second try, alone, disagreed too"));
			}
		}
		out.flush();
	}

	/** One echo request sequence: reply seen or not. */
	private static boolean ping(Lab lab, Probe probe) throws LabException {
		List<String> command = HostCommands.inNamespace(lab.namespaceOf(probe.from()), "ping", "-n", "-q", "-c", "2", "-i", "0.5", "-W", "2", "-M",
				probe.dontFragment() ? "do" : "dont", "-s", Integer.toString(probe.payload()), probe.address().toString());
		return lab.guarded(() -> lab.commands().run(command, 15)).ok();
	}

	private static String target(Probe probe) {
		return probe.to().id() + " (" + probe.address() + ")";
	}

	private static String probeLabel(Probe probe) {
		return probe.kind().label() + (probe.kind() == Kind.REACH ? "" : " " + probe.size() + " B");
	}

	private static String verdict(boolean reached) {
		return reached ? "reply" : "no reply";
	}

	private static int width(List<String> values, String header) {
		return Math.max(header.length(), values.stream().mapToInt(String::length).max().orElse(0));
	}
}
