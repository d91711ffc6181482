package org.zkvm.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkvm.dsl.cli.ZknetProcess.Run;

/** The command-line contract of docs/cli.md, tried on the packaged jar as a real process. */
class CommandLineIT {

	private static final Path ROOT = ZknetProcess.ROOT;
	private static final Pattern DIAGNOSTIC = Pattern.compile("^(.+):(\\d+):(\\d+): (error|warning|info) \\[([a-z0-9.-]+)\\] (.+)$");

	private static Run zknet(Path workingDir, String... args) throws IOException, InterruptedException {
		return ZknetProcess.zknet(workingDir, args);
	}

	private static Run run(Path workingDir, List<String> command) throws IOException, InterruptedException {
		return ZknetProcess.run(workingDir, command);
	}

	private static void assertNoStackTrace(Run run) {
		String all = run.out() + run.err();
		assertFalse(all.contains("\tat ") || all.contains("Exception") || all.contains("Caused by"), "a stack trace leaked:\n" + all);
	}

	static java.util.stream.Stream<String> pitfalls() throws IOException {
		try (var files = java.nio.file.Files.list(ROOT.resolve("examples/pitfalls"))) {
			return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".zknet")).sorted().toList().stream();
		}
	}

	/** issue 3's contract: ./zknet validate examples/pitfalls/CODE.zknet prints [CODE], and no other error. */
	@org.junit.jupiter.params.ParameterizedTest(name = "{0}")
	@org.junit.jupiter.params.provider.MethodSource("pitfalls")
	void everyPitfallPrintsItsCode(String file) throws Exception {
		String code = file.substring(0, file.length() - ".zknet".length());
		Run run = zknet(ROOT, "validate", "examples/pitfalls/" + file);
		List<String> own = run.lines().stream().filter(l -> l.contains(" [" + code + "] ")).toList();
		assertFalse(own.isEmpty(), run.out() + run.err());
		assertTrue(own.stream().allMatch(l -> DIAGNOSTIC.matcher(l).matches() && l.startsWith("examples/pitfalls/" + file + ":")), run.out());
		assertTrue(run.lines().stream().filter(l -> l.contains(": error [")).allMatch(l -> l.contains(" [" + code + "] ")), run.out());
		assertEquals(own.get(0).contains(": error [") ? 1 : 0, run.exit(), run.out() + run.err());
		assertNoStackTrace(run);
	}

	/** Running out of memory is not a bug: zknet says how much heap it had and how to give it more (exit 2). */
	@Test
	void aModelTooLargeForTheHeapSaysHowToGiveItMore(@TempDir Path dir) throws Exception {
		SyntheticNetwork.write(dir.resolve("big"), 150, 40);
		Run run = ZknetProcess.run(dir, List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m", "-jar",
				ZknetProcess.JAR.toString(), "validate", dir.resolve("big").toString()));
		assertEquals(2, run.exit(), run.out() + run.err());
		assertTrue(run.err().contains("zknet: out of memory: the model needs more than the ") && run.err().contains("ZKNET_JAVA_OPTS=-Xmx"), run.err());
		assertFalse(run.err().contains("bug"), run.err());
	}

	@Test
	void theShippedExamplesValidate() throws Exception {
		Run run = zknet(ROOT, "validate", "examples/seed-network", "examples/seed-isfc", "examples/seed-iucv");
		assertEquals(0, run.exit(), run.out() + run.err());
		assertTrue(run.lines().stream().allMatch(l -> DIAGNOSTIC.matcher(l).matches() && !l.contains(": error ")), run.out());
		assertTrue(run.err().contains("7 files, 0 errors"), run.err());
		assertNoStackTrace(run);
	}

	@Test
	void aBrokenFileGivesFileLineColumnAndExitStatus1(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("broken.zknet"), "network a 10.0.0.0/8\ncec X {\n\tlpar L id 1 kvm {\n\t\tosa osa_prod device\n\t}\n}\n");
		Run run = zknet(dir, "validate", "broken.zknet");
		assertEquals(1, run.exit(), run.out() + run.err());
		assertFalse(run.lines().isEmpty());
		var first = DIAGNOSTIC.matcher(run.lines().get(0));
		assertTrue(first.matches(), run.lines().get(0));
		assertEquals("broken.zknet", first.group(1));
		assertEquals("5", first.group(2));
		assertEquals("2", first.group(3));
		assertEquals("error", first.group(4));
		assertEquals("syntax", first.group(5));
		assertTrue(first.group(6).contains("a bus-ID"), first.group(6));
		assertNoStackTrace(run);
	}

	@Test
	void diagnosticsOfSeveralFilesAreSortedAndNameTheirFile(@TempDir Path dir) throws Exception {
		Files.createDirectories(dir.resolve("models/sub"));
		Files.writeString(dir.resolve("models/a.zknet"), "network a 10.0.0.1/8\n");
		Files.writeString(dir.resolve("models/sub/b.zknet"), "workload w uperf \"rr1c-1x1--1\" from a to nowhere\n");
		Files.createDirectories(dir.resolve("models/target"));
		Files.writeString(dir.resolve("models/target/ignored.zknet"), "this is not parsed\n");
		Run run = zknet(dir, "validate", "models");
		assertEquals(1, run.exit(), run.out() + run.err());
		assertEquals(2, run.lines().size(), run.out());
		assertTrue(run.lines().get(0).startsWith("models/a.zknet:1:11: error [syntax] '10.0.0.1/8' has host bits set"), run.lines().get(0));
		assertTrue(run.lines().get(1).startsWith("models/sub/b.zknet:1:42: error [link] no guest, LPAR, network or z/VM guest named 'nowhere'"), run.lines().get(1));
	}

	@Test
	void unreadableInputIsExitStatus2(@TempDir Path dir) throws Exception {
		Run missing = zknet(dir, "validate", "no-such-model.zknet");
		assertEquals(2, missing.exit());
		assertEquals("", missing.out());
		assertTrue(missing.err().contains("cannot read 'no-such-model.zknet': no such file or folder"), missing.err());

		Files.createDirectories(dir.resolve("empty"));
		Files.writeString(dir.resolve("empty/readme.txt"), "no models here");
		Run empty = zknet(dir, "validate", "empty");
		assertEquals(2, empty.exit());
		assertTrue(empty.err().contains("contains no .zknet files"), empty.err());

		Files.writeString(dir.resolve("notes.txt"), "text");
		Run wrongKind = zknet(dir, "validate", "notes.txt");
		assertEquals(2, wrongKind.exit());
		assertTrue(wrongKind.err().contains("is not a model"), wrongKind.err());

		Files.createSymbolicLink(dir.resolve("dangling.zknet"), dir.resolve("gone"));
		Run dangling = zknet(dir, "validate", "dangling.zknet");
		assertEquals(2, dangling.exit());
		assertNoStackTrace(dangling);
	}

	@Test
	void usageErrorsAreExitStatus2() throws Exception {
		Run none = zknet(ROOT);
		assertEquals(2, none.exit());
		assertTrue(none.err().contains("a command is required"), none.err());
		Run unknown = zknet(ROOT, "frobnicate");
		assertEquals(2, unknown.exit());
		Run noPaths = zknet(ROOT, "validate");
		assertEquals(2, noPaths.exit());
		assertTrue(noPaths.err().contains("PATH"), noPaths.err());
		assertNoStackTrace(noPaths);
	}

	@Test
	void helpAndVersion() throws Exception {
		Run help = zknet(ROOT, "--help");
		assertEquals(0, help.exit());
		assertTrue(help.out().contains("validate") && help.out().contains("lsp"), help.out());
		Run version = zknet(ROOT, "--version");
		assertEquals(0, version.exit());
		assertTrue(version.out().startsWith("zknet 0.1.0"), version.out());
		Run validateHelp = zknet(ROOT, "validate", "--help");
		assertEquals(0, validateHelp.exit());
		assertTrue(validateHelp.out().contains("FILE:LINE:COL"), validateHelp.out());
	}

	@Test
	void randomBytesEmptyAndHugeFilesNeverCrashIt(@TempDir Path dir) throws Exception {
		Random random = new Random(42);
		for (int i = 0; i < 5; i++) {
			byte[] bytes = new byte[2000];
			random.nextBytes(bytes);
			Files.write(dir.resolve("random" + i + ".zknet"), bytes);
		}
		Run garbage = zknet(dir, "validate", ".");
		assertEquals(1, garbage.exit(), garbage.err());
		assertTrue(garbage.lines().stream().allMatch(l -> DIAGNOSTIC.matcher(l).matches()), garbage.out());
		assertNoStackTrace(garbage);

		Files.writeString(dir.resolve("empty.zknet"), "");
		Run empty = zknet(dir, "validate", "empty.zknet");
		assertEquals(0, empty.exit(), empty.out() + empty.err());
		assertEquals("", empty.out());

		StringBuilder huge = new StringBuilder();
		for (int i = 0; i < 60_000; i++) {
			huge.append("network n").append(i).append(" 10.").append(i / 256 % 256).append('.').append(i % 256).append(".0/24\n");
		}
		Files.writeString(dir.resolve("huge.zknet"), huge);
		Run big = zknet(dir, "validate", "huge.zknet");
		assertEquals(0, big.exit(), big.err());
		assertNoStackTrace(big);

		Files.writeString(dir.resolve("deep.zknet"), "cec C {\n".repeat(5000));
		Run deep = zknet(dir, "validate", "deep.zknet");
		assertEquals(1, deep.exit(), deep.err());
		assertNoStackTrace(deep);
	}

	@Test
	void quietSuppressesTheSummary(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("a.zknet"), "network a 10.0.0.0/8\n");
		Run quiet = zknet(dir, "validate", "-q", "a.zknet");
		assertEquals(0, quiet.exit());
		assertEquals("", quiet.err());
		Run loud = zknet(dir, "validate", "a.zknet");
		assertTrue(loud.err().contains("1 file, 0 errors"), loud.err());
	}

	@Test
	void theLauncherScriptRunsTheBuiltJar() throws Exception {
		Run run = run(ROOT, List.of(ROOT.resolve("zknet").toString(), "validate", "-q", "examples/seed-iucv"));
		assertEquals(0, run.exit(), run.out() + run.err());
		assertFalse(run.err().contains("building"), "the jar was built by this build and is up to date:\n" + run.err());
	}
}
