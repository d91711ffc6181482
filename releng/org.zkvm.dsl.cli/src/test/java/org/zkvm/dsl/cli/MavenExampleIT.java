package org.zkvm.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/maven, a plain Maven project, built by Maven through the project's wrapper with the
 * zknet-maven-plugin this build installed: it generates the seed network, and a model with errors
 * fails the build with the diagnostics.
 */
class MavenExampleIT {

	private static final Path ROOT = ZknetProcess.ROOT;

	record Run(int exit, String output) {
	}

	/** A copy of the example without its target folder, so the test never depends on an earlier build. */
	private static Path copyOfExample(Path dir) throws IOException {
		Path source = ROOT.resolve("examples/maven");
		Path copy = dir.resolve("maven");
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path relative = source.relativize(file);
				if (!relative.startsWith("target")) {
					Files.createDirectories(copy.resolve(relative).getParent());
					Files.copy(file, copy.resolve(relative));
				}
			}
		}
		return copy;
	}

	private static Run maven(Path project, String... goals) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(ROOT.resolve("mvnw").toString(), "-B", "-f", project.resolve("pom.xml").toString()));
		if ("offline=true".equals(System.getProperty("zknet.offline"))) {
			command.add("-o");
		}
		String repository = System.getProperty("zknet.repository", "");
		if (!repository.isEmpty()) {
			command.add("-Dmaven.repo.local=" + repository);
		}
		command.addAll(List.of(goals));
		ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(process.waitFor(300, TimeUnit.SECONDS), "maven did not finish");
		return new Run(process.exitValue(), output);
	}

	@Test
	void theExampleGeneratesTheSeedNetworkDuringGenerateSources(@TempDir Path dir) throws Exception {
		Path project = copyOfExample(dir);
		Run run = maven(project, "generate-sources");
		assertEquals(0, run.exit(), run.output());
		String setup = Files.readString(project.resolve("target/zknet/Z13A/LPAR11/setup.sh"));
		assertTrue(setup.contains("\nzknet_route 10.136.12.0/24 via 172.31.56.2 dev hs56k_0\n"), setup);
		assertTrue(Files.isExecutable(project.resolve("target/zknet/Z13A/LPAR11/setup.sh")));
		assertTrue(run.output().contains("zknet: 3 model files, 0 warnings; generated"), run.output());
	}

	@Test
	void aModelWithErrorsFailsTheBuildWithItsDiagnostics(@TempDir Path dir) throws Exception {
		Path project = copyOfExample(dir);
		Path models = project.resolve("src/main/zknet");
		try (Stream<Path> files = Files.list(models)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		Files.copy(ROOT.resolve("examples/pitfalls/arp.same-subnet.zknet"), models.resolve("arp.same-subnet.zknet"));
		Run run = maven(project, "generate-sources");
		assertNotEquals(0, run.exit(), run.output());
		assertTrue(run.output().contains("[ERROR] " + models.resolve("arp.same-subnet.zknet") + ":20:23: error [arp.same-subnet]"), run.output());
		assertTrue(run.output().contains("nothing generated"), run.output());
		assertFalse(Files.exists(project.resolve("target/zknet")));
	}

	@Test
	void theExamplesModelsAreTheSeedNetwork() throws IOException {
		for (String file : List.of("networks.zknet", "workloads.zknet", "z13a.zknet")) {
			assertEquals(Files.readString(ROOT.resolve("examples/seed-network").resolve(file)),
					Files.readString(ROOT.resolve("examples/maven/src/main/zknet").resolve(file)), file);
		}
	}
}
