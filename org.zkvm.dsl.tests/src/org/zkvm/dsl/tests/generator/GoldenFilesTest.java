package org.zkvm.dsl.tests.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.zkvm.dsl.generator.ApplyLibrary;
import org.junit.jupiter.params.provider.ValueSource;
import org.zkvm.dsl.tests.Workspace;

/**
 * The whole output of seed-network (read against seed 002), of distros (one host per
 * distribution), of seed-iucv (seed 003's z/VM guests: directory statements, Linux setup) of zvm-lans (z/VM's own LANs) and of enterprise (VLANs and bonds) byte for byte against the reviewed files in org.zkvm.dsl.tests/golden. After a
 * deliberate change, regenerate with './zknet generate examples/EXAMPLE -o
 * org.zkvm.dsl.tests/golden/EXAMPLE', read the diff, and commit it with the change (without the
 * copies of zknet-apply.sh, which must each be the generator's own).
 */
class GoldenFilesTest {

	@ParameterizedTest
	@ValueSource(strings = {"seed-network", "distros", "seed-iucv", "zvm-lans", "enterprise"})
	void theOutputIsTheReviewedOne(String example) throws IOException {
		Path golden = Workspace.root().resolve("org.zkvm.dsl.tests/golden").resolve(example);
		Map<String, String> expected = new TreeMap<>();
		try (Stream<Path> files = Files.walk(golden)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String name = golden.relativize(file).toString();
				if (!name.equals(".zknet-output") && !name.startsWith("report/") && !name.endsWith(ApplyLibrary.FILE)) {
					expected.put(name, Files.readString(file));
				}
			}
		}
		Map<String, String> actual = new TreeMap<>(GeneratorTest.generate(example));
		// the safe apply is the same file in every folder, reviewed as its source (generator/zknet-apply.sh)
		for (String name : List.copyOf(actual.keySet())) {
			if (name.endsWith(ApplyLibrary.FILE)) {
				assertEquals(ApplyLibrary.text(), actual.remove(name), name);
			}
		}
		assertEquals(expected.keySet(), actual.keySet(), "the generated files");
		for (String name : expected.keySet()) {
			assertEquals(expected.get(name), actual.get(name), name);
		}
	}
}
