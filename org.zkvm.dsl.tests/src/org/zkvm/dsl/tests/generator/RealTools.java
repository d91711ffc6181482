package org.zkvm.dsl.tests.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.zkvm.dsl.tests.Workspace;

/**
 * The tools that read the generated files on a real host, run on them here (outputs.md, "Checked
 * by real tools"). Each check fails the test with the tool's own output. The tools come from
 * Debian's packages that .ci/run installs: shellcheck, nftables, netplan.io, libvirt-clients,
 * libxml2-utils, openvswitch-switch (netplan wants ovs-vsctl for OVS bridges), python3-gi and
 * gir1.2-nm-1.0 (libnm), systemd (systemd-analyze).
 */
final class RealTools {
	private RealTools() {
	}

	/** bash -n and shellcheck (following what a script sources, as zknet-apply.sh), on files named after their generated path. */
	static void scripts(Map<String, String> scripts) throws IOException {
		scripts(scripts, List.of());
	}

	/** sysconfig files that wicked reads as shell assignments: their variables are used by wicked, not by the file (SC2034). */
	static void sysconfig(Map<String, String> files) throws IOException {
		scripts(files, List.of("--exclude=SC2034"));
	}

	private static void scripts(Map<String, String> scripts, List<String> options) throws IOException {
		Path dir = Files.createTempDirectory("zknet-scripts");
		List<String> paths = new ArrayList<>();
		for (var entry : scripts.entrySet()) {
			// in their generated folders: setup.sh and network.sh source zknet-apply.sh beside them
			Path file = dir.resolve(entry.getKey()).normalize();
			assertTrue(file.startsWith(dir), entry.getKey());
			Files.createDirectories(file.getParent());
			Files.writeString(file, entry.getValue());
			paths.add(file.toString());
		}
		for (String path : paths) {
			run(List.of("bash", "-n", path));
		}
		List<String> shellcheck = new ArrayList<>(List.of("shellcheck", "--shell=bash", "--external-sources"));
		shellcheck.addAll(options);
		shellcheck.addAll(paths);
		run(shellcheck);
	}

	/** nft -c -f in a network namespace of its own: the kernel parses and checks the ruleset, nothing is loaded. */
	static void nftables(String name, String ruleset) throws IOException {
		Path file = write(Files.createTempDirectory("zknet-nft"), name, ruleset);
		run(List.of("unshare", "-rn", "nft", "-c", "-f", file.toString()));
	}

	/**
	 * sysctl -p in a network namespace of its own, with a veth for every interface the file names:
	 * the kernel accepts every key (including dotted interface names written with '/').
	 */
	static void sysctl(String name, String conf) throws IOException {
		Path file = write(Files.createTempDirectory("zknet-sysctl"), name, conf);
		Set<String> interfaces = new LinkedHashSet<>();
		Matcher m = Pattern.compile("(?m)^net\\.ipv4\\.conf\\.([^. ]+)\\.").matcher(conf);
		while (m.find()) {
			interfaces.add(m.group(1).replace('/', '.'));
		}
		StringBuilder script = new StringBuilder("set -e\n");
		int n = 0;
		for (String iface : interfaces) {
			script.append("ip link add '").append(iface).append("' type veth peer name zkpeer").append(n++).append('\n');
		}
		script.append("sysctl -q -p '").append(file).append("'\n");
		run(List.of("unshare", "-rn", "bash", "-c", script.toString()));
	}

	/** netplan generate --root-dir on the file installed as /etc/netplan/90-zknet.yaml (mode 600, as netplan wants). */
	static void netplan(String name, String yaml) throws IOException {
		Path root = Files.createTempDirectory("zknet-netplan");
		Path file = root.resolve("etc/netplan/90-zknet.yaml");
		Files.createDirectories(file.getParent());
		Files.writeString(file, yaml);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		String output = run(List.of("netplan", "generate", "--root-dir", root.toString()));
		assertTrue(Files.isDirectory(root.resolve("run/systemd/network")), () -> name + ": netplan wrote no networkd files\n" + output);
	}

	/** xmllint for well-formedness, then virt-xml-validate on the interface inside a minimal s390x domain. */
	static void libvirtInterface(String name, String xml) throws IOException {
		Path dir = Files.createTempDirectory("zknet-libvirt");
		Path file = write(dir, name, xml);
		run(List.of("xmllint", "--noout", file.toString()));
		String domain = "<domain type='kvm'><name>zknet-check</name><memory unit='GiB'>1</memory>"
				+ "<os><type arch='s390x' machine='s390-ccw-virtio'>hvm</type></os><devices>\n" + xml + "</devices></domain>\n";
		run(List.of("virt-xml-validate", write(dir, name + ".domain.xml", domain).toString(), "domain"));
	}

	/**
	 * systemd-analyze verify on the unit under its own name: it loads the unit and what it orders
	 * itself against, and checks the command exists. It warns about unknown keys and still exits 0,
	 * so anything it prints fails the test too.
	 */
	static void systemdUnit(String name, String unit) throws IOException {
		Path dir = Files.createTempDirectory("zknet-systemd");
		Path file = dir.resolve(Path.of(name).getFileName().toString());
		Files.writeString(file, unit);
		String output = run(List.of("systemd-analyze", "verify", "--man=no", file.toString()));
		assertEquals("", output.strip(), () -> name + ": systemd-analyze verify warns");
	}

	/**
	 * NetworkManager keyfiles through libnm itself (NM's keyfile reader, normalize(), verify()): the
	 * reader the lab boots RHEL hosts with (the ide bundle's nm-profiles.py), with Debian's python3
	 * (python3-gi, gir1.2-nm-1.0), not whatever python3 comes first on the PATH.
	 */
	static void keyfiles(Map<String, String> keyfiles) throws IOException {
		run(keyfileCommand(keyfiles));
	}

	static List<String> keyfileCommand(Map<String, String> keyfiles) throws IOException {
		Path dir = Files.createTempDirectory("zknet-nm");
		List<String> command = new ArrayList<>(List.of("/usr/bin/python3", Workspace.root().resolve("org.zkvm.dsl.ide/src/org/zkvm/dsl/ide/lab/nm-profiles.py").toString()));
		for (var entry : keyfiles.entrySet()) {
			command.add(write(dir, entry.getKey(), entry.getValue()).toString());
		}
		return command;
	}

	private static Path write(Path dir, String name, String content) throws IOException {
		Path file = dir.resolve(name.replace('/', '_'));
		Files.writeString(file, content);
		return file;
	}

	static String run(List<String> command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			assertTrue(process.waitFor(60, TimeUnit.SECONDS), () -> String.join(" ", command) + " did not finish");
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(e);
		}
		assertEquals(0, process.exitValue(), () -> String.join(" ", command) + ":\n" + output);
		return output;
	}
}
