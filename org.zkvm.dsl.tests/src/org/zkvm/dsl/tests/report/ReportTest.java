package org.zkvm.dsl.tests.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.zkvm.dsl.analysis.ConnectionAdvice;
import org.zkvm.dsl.analysis.ConnectionAdvice.Connection;
import org.zkvm.dsl.analysis.IsfcCapacity;
import org.zkvm.dsl.analysis.PointToPointRates;
import org.zkvm.dsl.analysis.PointToPointRates.Driver;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.headless.ModelReporter;
import org.zkvm.dsl.report.CapacityReport;
import org.zkvm.dsl.report.ReportBuilder;
import org.zkvm.dsl.report.ReportText;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.topology.PacketPath;

/** The report against the seeds' own numbers (reports.md test vectors), and its formats. */
class ReportTest {

	private static CapacityReport report(String... examples) {
		Path[] paths = new Path[examples.length];
		for (int i = 0; i < examples.length; i++) {
			paths[i] = Workspace.root().resolve("examples").resolve(examples[i]);
		}
		LoadedModel model = Workspace.loadPaths(paths);
		assertEquals(List.of(), Workspace.errors(model));
		return ReportBuilder.build(model.models());
	}

	private static CapacityReport.IsfcLink link(CapacityReport report, String name) {
		return report.isfcLinks().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
	}

	/** Seed 004's table: the first N of 6000-6003, 6020-6023 (Express2), 6040-6043, 6060-6063 (Express4). */
	@Test
	void theSeedsIsfcTableExactly() {
		CapacityReport report = report("seed-isfc");
		Object[][] table = {
				{"LINK01", 1, 1, "less than 1/4 of chpid 50 (2 Gb/s): one CTC shared by both sides, whose writes collide", "20"},
				{"LINK04", 4, 3, "3/4 chpid 50 (2 Gb/s)", "131"},
				{"LINK08", 8, 7, "4/4 chpid 50 (2 Gb/s) + 3/4 chpid 51 (2 Gb/s)", "306"},
				{"LINK10", 10, 8, "4/4 chpid 50 (2 Gb/s) + 4/4 chpid 51 (2 Gb/s)", "350"},
				{"LINK12", 12, 10, "4/4 chpid 50 (2 Gb/s) + 4/4 chpid 51 (2 Gb/s) + 2/4 chpid 52 (4 Gb/s)", "525"},
				{"LINK14", 14, 12, "4/4 chpid 50 (2 Gb/s) + 4/4 chpid 51 (2 Gb/s) + 4/4 chpid 52 (4 Gb/s)", "700"},
				{"LINK16", 16, 14, "4/4 chpid 50 (2 Gb/s) + 4/4 chpid 51 (2 Gb/s) + 4/4 chpid 52 (4 Gb/s) + 2/4 chpid 53 (4 Gb/s)", "875"}};
		for (Object[] row : table) {
			IsfcCapacity.Step whole = link(report, (String) row[0]).whole();
			assertEquals(row[1], whole.ctcs(), (String) row[0]);
			assertEquals(row[2], whole.usedDevices(), (String) row[0]);
			assertEquals(row[3], ReportText.distribution(whole.fromOrdering()), (String) row[0]);
			assertEquals(row[4], ReportText.mbps(whole.fromOrdering().mbps()), (String) row[0]);
			assertEquals("ATLANTA", whole.fromOrdering().from());
		}
		// the 16-CTC link's smaller counts reproduce the same table, in the ordering system's device order
		List<IsfcCapacity.Step> steps = link(report, "LINK16").byCtcCount();
		assertEquals(16, steps.size());
		assertEquals(List.of("20", "131", "306", "350", "525", "700", "875"),
				List.of(1, 4, 8, 10, 12, 14, 16).stream().map(n -> ReportText.mbps(steps.get(n - 1).fromOrdering().mbps())).toList());
		assertTrue(steps.get(0).fromOrdering().sharedSingleCtc());
		// BOSTON streams from the top: on LINK12 it uses the whole Express4 chpid first
		assertEquals("612", ReportText.mbps(link(report, "LINK12").whole().fromOther().mbps()));
		assertEquals(List.of(0x6043, 0x6042, 0x6041, 0x6040, 0x6023, 0x6022, 0x6021, 0x6020, 0x6003, 0x6002),
				link(report, "LINK12").whole().fromOther().devices());
	}

	@Test
	void theMeasuredFiguresStandBesideTheLinkSeed004Measured() {
		CapacityReport report = report("seed-isfc");
		CapacityReport.Measured measured = link(report, "LINK16").measured();
		assertNotNull(measured);
		assertEquals(964, measured.isfcTransportMBps());
		assertEquals(190, measured.appcVmMBps());
		assertNull(link(report, "LINK12").measured());
	}

	/** reports.md's IUCV/CTC vectors (seed 003 Tables 1-4). */
	@Test
	void theSeedsIucvAndCtcRates() {
		double[][] vectors = {{1500, 7.84, 5.95, 25.871, 0.292, 0.214}, {9000, 33.33, 17.33, 121.666, 0.271, 0.141}, {32764, 73.09, 29.71, 286.070, 0.251, 0.105}};
		for (double[] v : vectors) {
			int mtu = (int) v[0];
			PointToPointRates.Estimate iucv = PointToPointRates.estimate(Driver.IUCV, mtu);
			PointToPointRates.Estimate ctc = PointToPointRates.estimate(Driver.CTC, mtu);
			assertEquals(v[1], iucv.mbps(), 1e-9);
			assertEquals(v[2], ctc.mbps(), 1e-9);
			assertEquals(v[3], iucv.cmsIucvMbps(), 1e-9);
			assertEquals(v[4], Math.round(iucv.fractionOfCmsIucv() * 1000) / 1000.0, 1e-9);
			assertEquals(v[5], Math.round(ctc.fractionOfCmsIucv() * 1000) / 1000.0, 1e-9);
			assertTrue(iucv.measured() && !iucv.extrapolated());
		}
		PointToPointRates.Estimate between = PointToPointRates.estimate(Driver.IUCV, 5250);
		assertEquals((7.84 + 33.33) / 2, between.mbps(), 1e-9, "halfway between 1500 and 9000");
		assertFalse(between.measured() || between.extrapolated());
		PointToPointRates.Estimate beyond = PointToPointRates.estimate(Driver.CTC, 65520);
		assertTrue(beyond.extrapolated());
		assertEquals(29.71, beyond.mbps(), 1e-9);
		CapacityReport report = report("seed-iucv");
		assertEquals(6, report.pointToPointLinks().size());
		assertEquals("7.84", ReportText.rate(report.pointToPointLinks().get(0).estimate().mbps()));
	}

	@Test
	void theAdviceForTheSeedsWorkloads() {
		CapacityReport report = report("seed-network");
		Map<String, Connection> best = new java.util.HashMap<>();
		report.advice().forEach(a -> best.put(a.workload(), a.ranking().get(0).connection()));
		// rr1c-200x1000--10 from a guest to z/OS over a shared HiperSockets LAN: 1-25 connections, HiperSockets ahead
		assertEquals(Connection.ROUTED_HIPERSOCKETS, best.get("orders"));
		// str-readx30k--50 between guests of two LPARs: streaming with large packets, HiperSockets with MTU 56K
		assertEquals(Connection.ROUTED_HIPERSOCKETS, best.get("backup"));
		// 100 connections of 200-byte requests from the production net: attached OSA; no HiperSockets to the outside
		assertEquals(Connection.ATTACHED_OSA, best.get("portal"));
		CapacityReport.Advice portal = report.advice().stream().filter(a -> a.workload().equals("portal")).findFirst().orElseThrow();
		assertFalse(portal.ranking().stream().anyMatch(r -> r.connection() == Connection.ROUTED_HIPERSOCKETS));
		assertTrue(portal.ranking().get(0).finding().startsWith("seed 002"), portal.ranking().get(0).finding());
	}

	/** Seed 002's MTU findings on the seed's own workloads: routed HiperSockets keep 56K end to end; the host fragments towards a 1492-byte OSA. */
	@Test
	void pathsAndMtusOfTheSeedsWorkloads() {
		Map<String, PacketPath> paths = new java.util.HashMap<>();
		report("seed-network").paths().forEach(p -> paths.put(p.workload(), p.path()));
		PacketPath orders = paths.get("orders");
		assertEquals(List.of("guest NIC LPAR11.vm11a.vic_10g_2", "OVS bridge br-ex (routed; internal port br-ex)", "host interface LPAR11.hs56k_0",
				"partner interface ZOS1.hsz0"), orders.hops().stream().map(PacketPath.Hop::element).toList());
		assertEquals(57344, orders.pathMtu());
		assertTrue(orders.hops().stream().allMatch(h -> h.event() == PacketPath.Event.NONE));
		// the guests of LPAR12 are reached by the /24 route over HiperSockets, not by the /8 of the production OSA
		assertEquals("host interface LPAR11.hs56k_0", paths.get("backup").hops().get(2).element());
		PacketPath.Hop out = paths.get("portal").hops().get(2);
		assertEquals("host interface LPAR11.o5s_10g_1", out.element());
		assertEquals(PacketPath.Event.FRAGMENTS, out.event());
	}

	/** A partner with an OSA declared before its HiperSockets interface: the path still ends where the host sends, at 57344 (issue 20). */
	@Test
	void declarationOrderNeverChangesAPath() throws IOException {
		String cec = Files.readString(Workspace.root().resolve("examples/seed-network/z13a.zknet"));
		String networks = Files.readString(Workspace.root().resolve("examples/seed-network/networks.zknet"));
		String workloads = Files.readString(Workspace.root().resolve("examples/seed-network/workloads.zknet"));
		String osaFirst = cec.replace("\t\thipersockets hsz0 on HSLAN", "\t\tosa zosa0 device 0.0.f518 chpid 10 layer 3 mtu 1492 address 10.131.21.1/8 in production\n"
				+ "\t\thipersockets hsz0 on HSLAN");
		assertTrue(osaFirst.contains("osa zosa0"));
		for (String text : List.of(cec, osaFirst)) {
			LoadedModel loaded = Workspace.load(Map.of("networks.zknet", networks, "z13a.zknet", text, "workloads.zknet", workloads));
			assertEquals(List.of(), Workspace.errors(loaded), () -> Workspace.describe(loaded.diagnostics()));
			PacketPath orders = ReportBuilder.build(loaded.models()).paths().stream().filter(p -> p.workload().equals("orders")).findFirst().orElseThrow().path();
			assertEquals("partner interface ZOS1.hsz0", orders.hops().get(orders.hops().size() - 1).element());
			assertEquals(57344, orders.pathMtu());
		}
	}

	/** Seed 002's 56K finding becomes the advice when the guests and bridge run MTU 1500 on a streaming workload over routed HiperSockets. */
	@Test
	void theAdviceFollowsTheModelsMtu() throws IOException {
		String cec = Files.readString(Workspace.root().resolve("examples/seed-network/z13a.zknet"));
		String networks = Files.readString(Workspace.root().resolve("examples/seed-network/networks.zknet"));
		String workloads = Files.readString(Workspace.root().resolve("examples/seed-network/workloads.zknet"));
		String small = cec.replace("ovs br-ex routed mtu 57344", "ovs br-ex routed mtu 1500").replace("mtu 57344 address 10.136.", "mtu 1500 address 10.136.");
		assertTrue(small.contains("ovs br-ex routed mtu 1500"));
		for (String text : List.of(cec, small)) {
			LoadedModel loaded = Workspace.load(Map.of("networks.zknet", networks, "z13a.zknet", text, "workloads.zknet", workloads));
			CapacityReport.Advice backup = ReportBuilder.build(loaded.models()).advice().stream().filter(a -> a.workload().equals("backup")).findFirst().orElseThrow();
			ConnectionAdvice.Ranked first = backup.ranking().get(0);
			assertEquals(Connection.ROUTED_HIPERSOCKETS, first.connection());
			if (text == small) {
				assertTrue(first.reason().startsWith("raise the guest and bridge MTU to 57344: this path runs at MTU 1500"), first.reason());
			} else {
				assertTrue(first.reason().startsWith("streaming reads of"), first.reason());
			}
		}
	}

	@Test
	void anAttachedUplinkBelowTheGuestMtuCutsPacketsOff() throws IOException {
		LoadedModel model = Workspace.load(Map.of("m.zknet", Files.readString(Workspace.root().resolve("examples/pitfalls/mtu.attached-uplink.zknet"))));
		org.zkvm.dsl.zknet.Guest guest = org.eclipse.xtext.EcoreUtil2.getAllContentsOfType(model.models().get(0), org.zkvm.dsl.zknet.Guest.class).get(0);
		org.zkvm.dsl.zknet.Network network = org.eclipse.xtext.EcoreUtil2.getAllContentsOfType(model.models().get(0), org.zkvm.dsl.zknet.Network.class).get(0);
		PacketPath path = new org.zkvm.dsl.lab.WorkloadPaths(org.zkvm.dsl.lab.LabNetworkBuilder.build(model.models())).between(guest, network).orElseThrow();
		assertTrue(path.cutOff(), path::toString);
		assertEquals(PacketPath.Event.CUT_OFF, path.hops().get(path.hops().size() - 1).event());
	}

	/** A workload between seed 003's z/VM guests: its path over the widest of their links, from the same path engine as the lab's. */
	@Test
	void aWorkloadBetweenZvmGuestsTakesTheirWidestLink() throws IOException {
		LoadedModel loaded = Workspace.load(Map.of("vmlinux.zknet", Files.readString(Workspace.root().resolve("examples/seed-iucv/vmlinux.zknet")),
				"w.zknet", "workload bulk streaming write message 32K connections 1 from VMLINUX.LINUX1 to VMLINUX.LINUX2\n"));
		assertEquals(List.of(), Workspace.errors(loaded));
		PacketPath path = ReportBuilder.build(loaded.models()).paths().get(0).path();
		// two links of 32764: the lower address (192.168.32.2, the IUCV link) of the two equally wide paths
		assertEquals(List.of("z/VM guest interface VMLINUX.LINUX1.iucv32764 (IUCV link to VMLINUX.LINUX2)", "z/VM guest interface VMLINUX.LINUX2.iucv32764"),
				path.hops().stream().map(PacketPath.Hop::element).toList());
		assertEquals(32764, path.pathMtu());
	}

	@Test
	void guestsOfOneHostAreAdvisedTheLocalBridge() throws IOException {
		String model = Files.readString(Workspace.root().resolve("examples/seed-network/z13a.zknet"));
		LoadedModel loaded = Workspace.load(Map.of("networks.zknet", Files.readString(Workspace.root().resolve("examples/seed-network/networks.zknet")),
				"z13a.zknet", model, "w.zknet", "import Z13A.*\nworkload chat uperf \"rr1c-200x1000--10\" from LPAR11.vm11a to LPAR11.vm11b\n"));
		assertEquals(List.of(), Workspace.errors(loaded));
		CapacityReport report = ReportBuilder.build(loaded.models());
		assertEquals(List.of(Connection.LOCAL_OVS), report.advice().get(0).ranking().stream().map(r -> r.connection()).toList());
	}

	/**
	 * Each bond with its members' chpids and features, the member that carries the traffic and what a
	 * failure of its chpid changes; members on one chpid are no redundancy.
	 */
	@Test
	void eachBondAndWhatAFailureOfItsActiveChpidChanges() throws IOException {
		CapacityReport report = report("enterprise");
		assertEquals(List.of("KVMA1 Linux bond bond0", "KVMA2 Open vSwitch bond of br-vlan", "KVMB1 Linux bond bond0"),
				report.bonds().stream().map(b -> b.host() + " " + b.name()).toList());
		CapacityReport.Bond kvma1 = report.bonds().get(0);
		assertEquals(List.of(new CapacityReport.BondMember("p10", "10", "OSA1"), new CapacityReport.BondMember("p11", "11", "OSA2")), kvma1.members());
		assertEquals("p10", kvma1.active());
		assertEquals("chpid 10 fails: p11 on chpid 11 takes over; moves with it: app100 (VLAN 100), db200 (VLAN 200)", kvma1.failover());
		assertTrue(kvma1.redundant());
		CapacityReport.Bond kvma2 = report.bonds().get(1);
		assertEquals("chpid 10 fails: p13 on chpid 11 takes over; moves with it: app1.lan0 (VLAN 100), db1.lan0 (VLAN 200)", kvma2.failover());
		// the pitfall: both members on chpid 10; and a variant on two chpids of one OSA feature, a primary on the second member
		String pitfall = Files.readString(Workspace.root().resolve("examples/pitfalls/bond.same-chpid.zknet"));
		CapacityReport same = ReportBuilder.build(Workspace.load(Map.of("m.zknet", pitfall)).models());
		assertFalse(same.bonds().get(0).redundant());
		assertEquals("chpid 10 fails: every member fails with it, KVM1 loses app100 (VLAN 100) (bond.same-chpid)", same.bonds().get(0).failover());
		String oneFeature = pitfall.replace("device 0.0.1010 chpid 10", "device 0.0.1100 chpid 11").replace("feature OSA2", "feature OSA1")
				.replace("members p10, p11", "members p10, p11 primary p11");
		CapacityReport.Bond feature = ReportBuilder.build(Workspace.load(Map.of("m.zknet", oneFeature)).models()).bonds().get(0);
		assertEquals("p11", feature.active());
		assertFalse(feature.redundant());
		assertEquals("chpid 11 fails: p10 on chpid 10 takes over; moves with it: app100 (VLAN 100); but a failure of OSA feature OSA1 takes every member",
				feature.failover());
	}

	/** IPv6 routers never fragment: the report names each step from a wider into a narrower MTU a host routes IPv6 across. */
	@Test
	void whereHostsRouteIpv6IntoASmallerMtu() throws IOException {
		CapacityReport report = report("seed-network-dualstack");
		assertEquals(List.of("LPAR11 br-ex 57344 o5s_10g_1 1500", "LPAR11 hs56k_0 57344 o5s_10g_1 1500", "LPAR12 br-ex 57344 o5s_10g_1 1500",
				"LPAR12 hs56k_0 57344 o5s_10g_1 1500"), report.ipv6Steps().stream().map(s -> s.host() + " " + s.from() + " " + s.fromMtu() + " " + s.to() + " " + s.toMtu()).toList());
		assertEquals("IPv6 packets above 1500 bytes from br-ex to o5s_10g_1 are dropped, and LPAR11 answers 'packet too big' (mtu 1500): the senders must use "
				+ "path MTU discovery; the forward filter accepts ICMPv6's errors from routers further on", report.ipv6Steps().get(0).note());
		assertEquals(List.of(), report("seed-network").ipv6Steps(), "IPv4 only");
	}

	@Test
	void theJsonFollowsItsSchema() throws IOException {
		LoadedModel model = Workspace.loadPaths(Workspace.root().resolve("examples/seed-isfc"), Workspace.root().resolve("examples/seed-iucv"),
				Workspace.root().resolve("examples/seed-network-dualstack"), Workspace.root().resolve("examples/enterprise"));
		String json = Workspace.injector().getInstance(ModelReporter.class).report(model, ModelReporter.ALL, "").get("zknet-report.json");
		assertTrue(json.contains("\"bonds\": [\n    {\"host\": \"KVMA1\""), json);
		Path dir = Files.createTempDirectory("zknet-report");
		Path document = dir.resolve("report.json");
		Files.writeString(document, json);
		Run valid = schemaCheck(document);
		assertEquals(0, valid.exit(), valid.output());
		// the check is real: a document without a required field fails it
		Path broken = dir.resolve("broken.json");
		Files.writeString(broken, json.replaceFirst("\"oneWayMBps\": [0-9.]+, \"estimate\"", "\"estimate\""));
		Run run = schemaCheck(broken);
		assertEquals(1, run.exit(), run.output());
		assertTrue(run.output().contains("oneWayMBps"), run.output());
	}

	@Test
	void markdownAndHtmlCarryTheSameFigures() {
		LoadedModel model = Workspace.loadPaths(Workspace.root().resolve("examples/seed-isfc"), Workspace.root().resolve("examples/seed-iucv"));
		Map<String, String> files = Workspace.injector().getInstance(ModelReporter.class).report(model, ModelReporter.ALL, "report/");
		String markdown = files.get("report/zknet-report.md");
		String html = files.get("report/zknet-report.html");
		assertTrue(markdown.contains("| 12 | 10 devices | 4/4 chpid 50 (2 Gb/s) + 4/4 chpid 51 (2 Gb/s) + 2/4 chpid 52 (4 Gb/s) | 525 | 612 |"), markdown);
		assertTrue(markdown.contains("| iucv1500 | iucv | LINUX1 - LINUX2 | 1500 | 7.84 | 8.12 | 0.053393 | 0.069819 | 25.871 | 0.292 | measured MTU |"), markdown);
		assertTrue(html.contains("<td class=\"n\">525</td>") && html.contains("<svg ") && html.contains("measured 964 MB/s"), html);
		String json = files.get("report/zknet-report.json");
		for (String figure : List.of("\"name\": \"LINK16\"", "\"oneWayMBps\": 875, \"estimate\": true", "\"isfcTransportMBps\": 964", "\"ctcs\": 4, \"usedDevices\": 3, \"sharedSingleCtc\": false, \"oneWayMBps\": 131.25",
				"\"estimatedMBps\": 7.84", "\"cmsIucvMBps\": 25.871, \"fractionOfCmsIucv\": 0.292", "\"estimatedMBps\": 29.71")) {
			assertTrue(json.contains(figure), () -> figure + " missing from\n" + json);
		}
		assertFalse(html.contains("<script") || html.contains("http://") && !html.contains("http://www.w3.org/2000/svg"), "self-contained");
	}

	/** The page in headless Chromium (Debian's chromium): it renders, and the browser reports no console error or blocked load. */
	@Test
	void theHtmlRendersInHeadlessChromiumWithoutErrors() throws IOException {
		LoadedModel model = Workspace.loadPaths(Workspace.root().resolve("examples/seed-isfc"), Workspace.root().resolve("examples/seed-iucv"),
				Workspace.root().resolve("examples/seed-network"));
		String html = Workspace.injector().getInstance(ModelReporter.class).report(model, java.util.EnumSet.of(ModelReporter.Format.HTML), "")
				.get("zknet-report.html");
		Path dir = Files.createTempDirectory("zknet-chromium");
		Path page = dir.resolve("report.html");
		Files.writeString(page, html);
		Process process = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + dir.resolve("profile"),
				"--enable-logging=stderr", "--v=0", "--dump-dom", page.toUri().toString()).redirectError(dir.resolve("log.txt").toFile()).start();
		String dom = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			assertTrue(process.waitFor(120, TimeUnit.SECONDS));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(e);
		}
		String log = Files.readString(dir.resolve("log.txt"));
		assertEquals(0, process.exitValue(), log);
		assertTrue(dom.contains("zknet capacity and connection report") && dom.contains("</svg>") && dom.contains(">875<"), dom);
		List<String> problems = log.lines().filter(l -> l.contains("CONSOLE") || l.contains("Refused to") || l.contains("Uncaught")).toList();
		assertEquals(List.of(), problems);
	}

	record Run(int exit, String output) {
	}

	private static Run schemaCheck(Path document) throws IOException {
		String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
		Process process = new ProcessBuilder(python, Workspace.root().resolve("org.zkvm.dsl.tests/tools/json-schema-check.py").toString(),
				Workspace.root().resolve("docs/report.schema.json").toString(), document.toString()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			assertTrue(process.waitFor(60, TimeUnit.SECONDS));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(e);
		}
		return new Run(process.exitValue(), output);
	}
}
