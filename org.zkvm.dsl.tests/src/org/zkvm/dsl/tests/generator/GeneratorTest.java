package org.zkvm.dsl.tests.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.generator.GeneratorContext;
import org.eclipse.xtext.generator.IGenerator2;
import org.eclipse.xtext.generator.InMemoryFileSystemAccess;
import org.eclipse.xtext.generator.IFileSystemAccess;
import org.junit.jupiter.api.Test;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.tests.Workspace;

/** The generators on the shipped examples: the seed's commands come out, and the real tools accept the files. */
class GeneratorTest {

	static Map<String, String> generate(String example) {
		return generate(Workspace.root().resolve("examples").resolve(example));
	}

	static Map<String, String> generate(Path folder) {
		LoadedModel model = Workspace.loadPaths(folder);
		assertEquals(List.of(), Workspace.errors(model));
		IGenerator2 generator = Workspace.injector().getInstance(IGenerator2.class);
		InMemoryFileSystemAccess fsa = new InMemoryFileSystemAccess();
		GeneratorContext context = new GeneratorContext();
		for (Resource resource : model.resources().values()) {
			generator.beforeGenerate(resource, fsa, context);
			generator.doGenerate(resource, fsa, context);
			generator.afterGenerate(resource, fsa, context);
		}
		Map<String, String> files = new TreeMap<>();
		fsa.getAllFiles().forEach((name, content) -> files.put(name.replace(IFileSystemAccess.DEFAULT_OUTPUT, ""), content.toString()));
		return files;
	}

	@Test
	void seedNetworkGivesTheSeedsCommands() {
		Map<String, String> files = generate("seed-network");
		String lpar11 = files.get("Z13A/LPAR11/setup.sh");
		for (String command : List.of("ip addr change 10.136.11.254/24 dev br-ex", "ip link set br-ex mtu 57344 txqueuelen 2500 up",
				"sysctl -w net.ipv4.conf.br-ex.forwarding=1", "sysctl -w net.ipv4.conf.br-ex.proxy_arp=1",
				"sysctl -w net.ipv4.conf.o5s_10g_1.forwarding=1", "sysctl -w net.ipv4.conf.o5s_10g_1.proxy_arp=1",
				"sysctl -w net.ipv4.conf.hs56k_0.forwarding=1", "ip route add 10.136.12.0/24 via 172.31.56.2 dev hs56k_0",
				"ip route add default via 172.18.0.1 dev o5s_1g_1", "chzdev -e qeth 0.0.f500:0.0.f501:0.0.f502 layer2=1",
				"/nftables/zknet.nft\"")) {
			assertTrue(lpar11.contains(command), () -> command + " missing from\n" + lpar11);
		}
		String nft = files.get("Z13A/LPAR11/nftables/zknet.nft");
		assertTrue(nft.contains("iifname \"o5s_10g_1\" arp daddr ip 10.136.11.0/24 accept"), nft);
		assertTrue(nft.contains("type filter hook forward priority 0; policy drop;"), nft);
		assertTrue(nft.contains("iifname \"o5s_1g_1\" oifname \"br-ex\" ct state established,related accept"), nft);
		assertTrue(nft.contains("oifname \"o5s_1g_1\" ip saddr { 10.136.11.0/24 } masquerade"), nft);
		String guest = files.get("Z13A/LPAR11/guests/vm11a/network.sh");
		assertTrue(guest.contains("ip route add default via 10.136.11.254 dev vic_10g_2"), guest);
		assertTrue(guest.contains("ip route add 172.18.0.0/15 dev vic_10g_2"), guest);
		String table = files.get("Z13A/LPAR11/guests/vm11a/routes.txt");
		assertTrue(table.contains("0.0.0.0\t10.136.11.254\t0.0.0.0\tvic_10g_2"), table);
		String xml = files.get("Z13A/LPAR11/guests/vm11a/interface-vic_10g_2.xml");
		assertTrue(xml.contains("<virtualport type='openvswitch'/>") && xml.contains("<mtu size='57344'/>"), xml);
		assertEquals("net.ipv4.conf.br-ex.forwarding = 1", files.get("Z13A/LPAR11/sysctl.d/90-zknet.conf").lines().toList().get(1));
		assertFalse(files.keySet().stream().anyMatch(f -> f.startsWith("Z13A/ZOS1/")), "nothing is generated for z/OS");
		// SUSE (wicked), the seed's distribution: facts §5.2 and the seed's routes file
		assertEquals("10.136.12.0/24\t172.31.56.2\t-\ths56k_0", files.get("Z13A/LPAR11/suse/ifroute-hs56k_0").lines().toList().get(2));
		assertEquals("default\t172.18.0.1\t-\to5s_1g_1", files.get("Z13A/LPAR11/suse/ifroute-o5s_1g_1").lines().toList().get(2));
		String bridge = files.get("Z13A/LPAR11/suse/ifcfg-br-ex");
		assertTrue(bridge.contains("OVS_BRIDGE='yes'") && bridge.contains("IPADDR='10.136.11.254/24'") && bridge.contains("MTU='57344'"), bridge);
		assertTrue(files.get("Z13A/LPAR11/suse/ifsysctl-br-ex").contains("net.ipv4.conf.br-ex.proxy_arp = 1"));
		assertTrue(files.get("Z13A/LPAR11/udev/70-zknet-names.rules").contains("KERNELS==\"0.0.f500\", NAME=\"o5s_10g_1\""));
	}

	@Test
	void legacyToolsGiveTheSeedsArptablesAndIptablesCommands() throws IOException {
		Path dir = Files.createTempDirectory("zknet-legacy");
		for (String file : List.of("networks.zknet", "z13a.zknet", "workloads.zknet")) {
			String text = Files.readString(Workspace.root().resolve("examples/seed-network").resolve(file));
			Files.writeString(dir.resolve(file), text.replace("distro suse {", "distro suse firewall legacy {"));
		}
		String setup = generate(dir).get("Z13A/LPAR11/setup.sh");
		for (String command : List.of("arptables -P INPUT DROP", "arptables -I INPUT -d 10.136.11.0/24 -i o5s_10g_1 -j ACCEPT",
				"arptables -I INPUT -i br-ex -j ACCEPT", "iptables -P FORWARD DROP", "iptables -t nat -A POSTROUTING -o o5s_1g_1 -j MASQUERADE",
				"iptables -t filter -I FORWARD 1 -i o5s_1g_1 -o br-ex -m state --state RELATED,ESTABLISHED -j ACCEPT")) {
			assertTrue(setup.contains(command), () -> command + " missing from\n" + setup);
		}
		assertShellScriptsPass(Map.of("setup.sh", setup));
	}

	@Test
	void everyGeneratedScriptPassesBashAndShellcheck() throws IOException {
		Map<String, String> scripts = new TreeMap<>();
		for (String example : List.of("seed-network", "seed-isfc", "seed-iucv")) {
			generate(example).forEach((name, content) -> {
				if (name.endsWith(".sh")) {
					scripts.put(example + "/" + name, content);
				}
			});
		}
		assertFalse(scripts.isEmpty());
		assertShellScriptsPass(scripts);
	}

	@Test
	void everyGeneratedXmlIsWellFormed() throws Exception {
		for (var entry : generate("seed-network").entrySet()) {
			if (entry.getKey().endsWith(".xml")) {
				DocumentBuilderFactory.newInstance().newDocumentBuilder()
						.parse(new java.io.ByteArrayInputStream(entry.getValue().getBytes(StandardCharsets.UTF_8)));
			}
		}
	}

	@Test
	void islinkStatementsListTheDevicesInScanOrder() {
		Map<String, String> files = generate("seed-isfc");
		String atlanta = files.get("zvm/PLEX1/ATLANTA/SYSTEM-CONFIG-ISLINK.txt");
		assertTrue(atlanta.contains("ATLANTA: ACTIVATE ISLINK 6000 6001 6002 6003 6020 6021 6022 6023 6040 6041 6042 6043 6060 6061 6062 6063 NODE BOSTON"), atlanta);
		String boston = files.get("zvm/PLEX1/BOSTON/SYSTEM-CONFIG-ISLINK.txt");
		assertTrue(boston.contains("BOSTON: ACTIVATE ISLINK 6000 6001"), boston);
		assertTrue(files.get("zvm/PLEX1/ATLANTA/iocp-fctc.txt").contains("CHPID 50 TYPE=FC   IODEVICE ADDRESS=(6000-6003),UNIT=FCTC"));
	}

	@Test
	void theSameModelGivesTheSameBytes() {
		assertEquals(generate("seed-network"), generate("seed-network"));
	}

	static void assertShellScriptsPass(Map<String, String> scripts) throws IOException {
		Path dir = Files.createTempDirectory("zknet-scripts");
		List<String> paths = new ArrayList<>();
		for (var entry : scripts.entrySet()) {
			Path file = dir.resolve(entry.getKey().replace('/', '_'));
			Files.writeString(file, entry.getValue());
			paths.add(file.toString());
		}
		for (String path : paths) {
			run(List.of("bash", "-n", path));
		}
		List<String> shellcheck = new ArrayList<>(List.of("shellcheck", "--shell=bash"));
		shellcheck.addAll(paths);
		run(shellcheck);
	}

	private static void run(List<String> command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			assertTrue(process.waitFor(60, TimeUnit.SECONDS));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(e);
		}
		assertEquals(0, process.exitValue(), () -> String.join(" ", command) + ":\n" + output);
	}
}
