package org.zkvm.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkvm.dsl.cli.ZknetProcess.Run;

/** 'zknet generate' as a process: what it writes, and that it never leaves a half-written output. */
class GenerateIT {

	private static final Path ROOT = ZknetProcess.ROOT;

	private static List<String> command(String... args) {
		return ZknetProcess.command(args);
	}

	/** zknet in the repository root; no output may hold a stack trace. */
	private static Run zknet(String... args) throws IOException, InterruptedException {
		Run run = ZknetProcess.zknet(ROOT, args);
		assertFalse((run.out() + run.err()).contains("\tat "), "a stack trace leaked:\n" + run.err());
		return run;
	}

	/** Every file under the folder (hidden ones included) with a digest of its bytes and its permissions. */
	private static Map<String, String> snapshot(Path folder) throws IOException {
		Map<String, String> result = new TreeMap<>();
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				try {
					byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
					result.put(folder.relativize(file).toString(), HexFormat.of().formatHex(digest) + " " + Files.getPosixFilePermissions(file));
				} catch (java.security.NoSuchAlgorithmException e) {
					throw new IllegalStateException(e);
				}
			}
		}
		return result;
	}

	/** Nothing but the output folder itself beside it: no temporary or backup folder left over. */
	private static void assertNothingBeside(Path output) throws IOException {
		try (Stream<Path> siblings = Files.list(output.getParent())) {
			assertEquals(List.of(output.getFileName().toString()), siblings.map(p -> p.getFileName().toString()).sorted().toList());
		}
	}

	@Test
	void theSeedNetworkGeneratesTheSeedsConfiguration(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("out");
		Run run = zknet("generate", "examples/seed-network", "-o", out.toString());
		assertEquals(0, run.exit(), run.err());
		Path setup = out.resolve("Z13A/LPAR11/setup.sh");
		assertTrue(Files.isExecutable(setup));
		String script = Files.readString(setup);
		for (String step : List.of("zknet_addr br-ex 10.136.11.254/24", "zknet_bridge br-ex br-ex 57344 2500", "zknet_sysctl br-ex forwarding 1",
				"zknet_sysctl br-ex proxy_arp 1", "zknet_route 10.136.12.0/24 via 172.31.56.2 dev hs56k_0")) {
			assertTrue(script.contains("\n" + step + "\n"), step);
		}
		assertTrue(Files.readString(out.resolve("Z13A/LPAR11/guests/vm11a/network.sh")).contains("\nzknet_route 172.18.0.0/15 dev vic_10g_2\n"));
		// the safe apply beside every script, and the script finds it there
		assertTrue(Files.isExecutable(out.resolve("Z13A/LPAR11/zknet-apply.sh")));
		assertTrue(Files.exists(out.resolve("Z13A/LPAR11/guests/vm11a/zknet-apply.sh")));
		Run help = ZknetProcess.run(dir, List.of("bash", setup.toString(), "--help"));
		assertEquals(0, help.exit(), help.out() + help.err());
		assertTrue(help.out().contains("--try [SECONDS] apply, then roll back after SECONDS (120) unless 'setup.sh --confirm' runs"), help.out());
		assertTrue(Files.exists(out.resolve(".zknet-output")));
		assertTrue(Files.readString(out.resolve("report/zknet-report.md")).contains("### orders: uperf rr1c-200x1000--10"));
		assertTrue(run.err().contains("generated "), run.err());
		assertNothingBeside(out);
		// the same model again: the same bytes
		Map<String, String> first = snapshot(out);
		assertEquals(0, zknet("generate", "examples/seed-network", "-o", out.toString(), "-q").exit());
		assertEquals(first, snapshot(out));
	}

	@Test
	void reportWritesTheFormatsAskedFor(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("report");
		Run all = zknet("report", "examples/seed-isfc", "examples/seed-iucv", "-o", out.toString());
		assertEquals(0, all.exit(), all.err());
		for (String file : List.of("zknet-report.html", "zknet-report.md", "zknet-report.json")) {
			assertTrue(Files.exists(out.resolve(file)), file);
		}
		assertTrue(Files.readString(out.resolve("zknet-report.md")).contains("| 16 | 14 devices |"));
		Run json = zknet("report", "examples/seed-isfc", "--format", "json", "-o", out.toString());
		assertEquals(0, json.exit(), json.err());
		assertEquals(List.of(".zknet-output", "zknet-report.json"), Files.list(out).map(p -> p.getFileName().toString()).sorted().toList());
		Run unknown = zknet("report", "examples/seed-isfc", "--format", "pdf", "-o", out.toString());
		assertEquals(2, unknown.exit());
		assertTrue(unknown.err().contains("unknown report format 'pdf'"), unknown.err());
		Run errors = zknet("report", "examples/pitfalls/isfc.too-many-ctcs.zknet", "-o", out.toString());
		assertEquals(1, errors.exit());
		assertEquals(List.of(".zknet-output", "zknet-report.json"), Files.list(out).map(p -> p.getFileName().toString()).sorted().toList());
	}

	@Test
	void aModelWithErrorsWritesNothingAndKeepsThePreviousOutput(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("out");
		assertEquals(0, zknet("generate", "examples/seed-network", "-o", out.toString()).exit());
		Map<String, String> before = snapshot(out);
		Run run = zknet("generate", "examples/pitfalls/arp.same-subnet.zknet", "-o", out.toString());
		assertEquals(1, run.exit());
		assertTrue(run.out().contains("error [arp.same-subnet]"), run.out());
		assertTrue(run.err().contains("nothing generated"), run.err());
		assertEquals(before, snapshot(out));
		assertNothingBeside(out);
		Path fresh = dir.resolve("fresh");
		assertEquals(1, zknet("generate", "examples/pitfalls/arp.same-subnet.zknet", "-o", fresh.toString()).exit());
		assertFalse(Files.exists(fresh), "no output folder for a model with errors");
	}

	/** The README's main command, as written there, through the ./zknet launcher. */
	@Test
	void theReadmeCommandGeneratesTheShippedExamples(@TempDir Path dir) throws Exception {
		String command = Files.readString(ROOT.resolve("README.md")).lines().filter(l -> l.startsWith("./zknet generate ")).findFirst().orElseThrow();
		assertTrue(command.endsWith(" -o out"), command);
		List<String> args = new ArrayList<>(List.of(command.substring(0, command.length() - " out".length()).split(" ")));
		args.set(0, ROOT.resolve("zknet").toString());
		args.add(dir.resolve("out").toString());
		Process process = new ProcessBuilder(args).directory(ROOT.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(process.waitFor(120, TimeUnit.SECONDS));
		assertEquals(0, process.exitValue(), output);
		for (String folder : List.of("Z13A/LPAR11", "Z13A/LPAR12", "Z16B/RH1", "Z16B/UB1", "zvm/PLEX1/ATLANTA")) {
			assertTrue(Files.isDirectory(dir.resolve("out").resolve(folder)), folder);
		}
	}

	@Test
	void brokenInputGeneratesNothingAndPrintsNoStackTrace(@TempDir Path dir) throws Exception {
		byte[] noise = new byte[20_000];
		new java.util.Random(7).nextBytes(noise);
		Files.write(dir.resolve("noise.zknet"), noise);
		Files.writeString(dir.resolve("empty.zknet"), "");
		Run run = zknet("generate", dir.toString(), "-o", dir.resolve("out").toString());
		assertEquals(1, run.exit(), run.err());
		assertTrue(run.out().contains("noise.zknet:1:"), run.out());
		assertFalse(Files.exists(dir.resolve("out")));
		Run missing = zknet("generate", dir.resolve("nothing-here").toString(), "-o", dir.resolve("out").toString());
		assertEquals(2, missing.exit(), missing.err());
		Run noOutput = zknet("generate", "examples/seed-network");
		assertEquals(2, noOutput.exit(), noOutput.err());
		assertTrue(noOutput.err().contains("--output"), noOutput.err());
	}

	@Test
	void aFolderZknetDidNotWriteIsNeverReplaced(@TempDir Path dir) throws Exception {
		Path mine = dir.resolve("mine");
		Files.createDirectories(mine);
		Files.writeString(mine.resolve("notes.txt"), "keep me");
		Run run = zknet("generate", "examples/seed-network", "-o", mine.toString());
		assertEquals(2, run.exit());
		assertTrue(run.err().contains("was not written by zknet"), run.err());
		assertEquals("keep me", Files.readString(mine.resolve("notes.txt")));
		assertEquals(List.of("notes.txt"), Files.list(mine).map(p -> p.getFileName().toString()).toList());
	}

	@Test
	void anUnwritableOutputIsExitStatus2(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("a-file");
		Files.writeString(file, "x");
		Run run = zknet("generate", "examples/seed-network", "-o", file.resolve("out").toString());
		assertEquals(2, run.exit(), run.err());
		assertTrue(run.err().startsWith("zknet: ") || run.err().contains("\nzknet: cannot write"), run.err());
		assertEquals("x", Files.readString(file));
	}

	@Test
	void sigtermWhileWritingLeavesThePreviousOutput(@TempDir Path dir) throws Exception {
		interruptWhileWriting(dir, "TERM");
	}

	@Test
	void sigintWhileWritingLeavesThePreviousOutput(@TempDir Path dir) throws Exception {
		interruptWhileWriting(dir, "INT");
	}

	/** SIGKILL runs no cleanup: the half-written folder stays, and the next run removes it. */
	@Test
	void theNextRunCleansUpAfterSigkill(@TempDir Path dir) throws Exception {
		Path out = interruptWhileWriting(dir, "KILL");
		try (Stream<Path> siblings = Files.list(out.getParent())) {
			assertTrue(siblings.anyMatch(p -> p.getFileName().toString().startsWith(".out.zknet-new-")), "SIGKILL left the new folder");
		}
		assertEquals(0, zknet("generate", "examples/seed-network", "-o", out.toString()).exit());
		assertNothingBeside(out);
	}

	/**
	 * A site of 80 KVM hosts with 80 guests each writes about 26,000 files, which takes seconds
	 * here; the signal goes out a fifth of a second after zknet says it starts writing.
	 */
	private static Path interruptWhileWriting(Path dir, String signal) throws Exception {
		Path out = dir.resolve("generated/out");
		assertEquals(0, zknet("generate", "examples/seed-network", "-o", out.toString()).exit());
		Map<String, String> before = snapshot(out);
		Path model = dir.resolve("big");
		SyntheticNetwork.write(model, 80, 80);
		Process process = new ProcessBuilder(ZknetProcess.interruptible(command("generate", model.toString(), "-o", out.toString()))).directory(ROOT.toFile())
				.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		StringBuilder err = new StringBuilder();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				err.append(line).append('\n');
				if (line.startsWith("zknet: writing ")) {
					Thread.sleep(200);
					new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor();
					break;
				}
			}
			assertTrue(process.waitFor(120, TimeUnit.SECONDS));
			reader.lines().forEach(l -> err.append(l).append('\n'));
		}
		assertTrue(err.toString().contains("zknet: writing "), err::toString);
		assertNotEquals(0, process.exitValue(), () -> "zknet finished before the signal arrived; the test needs a bigger model\n" + err);
		assertFalse(err.toString().contains("\tat "), err::toString);
		assertEquals(before, snapshot(out), "the previous output is intact");
		if (!signal.equals("KILL")) {
			assertNothingBeside(out);
		}
		return out;
	}
}
