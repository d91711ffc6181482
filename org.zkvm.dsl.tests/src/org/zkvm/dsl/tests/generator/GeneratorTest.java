package org.zkvm.dsl.tests.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.xtext.util.CancelIndicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.headless.ModelDiagnostic;
import org.zkvm.dsl.generator.ApplyLibrary;
import org.zkvm.dsl.headless.ModelGenerator;
import org.zkvm.dsl.tests.Workspace;

/** The generators on the shipped examples: the seed's commands come out, and the real tools accept the files. */
class GeneratorTest {

	static Map<String, String> generate(String example) {
		return generate(Workspace.root().resolve("examples").resolve(example));
	}

	/** The language's generator output (IGenerator2, through the command line's ModelGenerator). */
	static Map<String, String> generate(Path folder) {
		LoadedModel model = Workspace.loadPaths(folder);
		assertEquals(List.of(), Workspace.errors(model));
		return Workspace.injector().getInstance(ModelGenerator.class).configuration(model, CancelIndicator.NullImpl);
	}

	/** An example with every 'distro suse' replaced: the same network written for another distribution. */
	static Path distroVariant(String example, String distro) throws IOException {
		Path dir = Files.createTempDirectory("zknet-" + distro);
		try (var files = Files.list(Workspace.root().resolve("examples").resolve(example))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".zknet")).toList()) {
				Files.writeString(dir.resolve(file.getFileName()), Files.readString(file).replace("distro suse", "distro " + distro));
			}
		}
		return dir;
	}

	/** seed-network as a host that asks for the legacy arptables/iptables tools. */
	static Path legacySeedNetwork() throws IOException {
		Path dir = Files.createTempDirectory("zknet-legacy");
		for (String file : List.of("networks.zknet", "z13a.zknet", "workloads.zknet")) {
			String text = Files.readString(Workspace.root().resolve("examples/seed-network").resolve(file));
			Files.writeString(dir.resolve(file), text.replace("distro suse {", "distro suse firewall legacy {"));
		}
		return dir;
	}

	/**
	 * Proxy NDP entries come back after a link bounce and a reboot, each distribution its way (docs/ipv6.md):
	 * the script and the hook setup.sh installs; wicked's unit takes the raw interface name (%i: systemd
	 * would turn the '-' of 'prod-10g' into '/' in %I).
	 */
	@ParameterizedTest
	@ValueSource(strings = {"suse", "rhel", "ubuntu"})
	void proxyNdpEntriesComeBackWithTheLink(String distro) throws IOException {
		Path dir = distroVariant("seed-network-dualstack", distro);
		Path model = dir.resolve("z13a.zknet");
		Files.writeString(model, Files.readString(model).replace("o5s_10g_1", "prod-10g"));
		Map<String, String> files = generate(dir);
		String setup = files.get("Z13A/LPAR11/setup.sh");
		assertTrue(setup.contains("zknet_proxy_ndp prod-10g 2001:db8:10:136:11::1\n"), setup);
		assertTrue(setup.contains("zknet_file proxy-ndp/zknet-proxy-ndp.sh /etc/zknet/zknet-proxy-ndp.sh 0755\n"), setup);
		assertTrue(files.get("Z13A/LPAR11/proxy-ndp/zknet-proxy-ndp.sh").contains("zk_entry prod-10g 2001:db8:10:136:11::254\n"));
		switch (distro) {
		case "suse" -> {
			assertTrue(files.get("Z13A/LPAR11/wicked/ifcfg-prod-10g").contains("POST_UP_SCRIPT='systemd:zknet-proxy-ndp@prod-10g.service'\n"));
			assertTrue(files.get("Z13A/LPAR11/systemd/zknet-proxy-ndp@.service").contains("ExecStart=/bin/bash /etc/zknet/zknet-proxy-ndp.sh %i\n"));
			assertTrue(setup.contains("zknet_file systemd/zknet-proxy-ndp@.service /etc/systemd/system/zknet-proxy-ndp@.service 0644\n"), setup);
		}
		case "rhel" -> {
			assertTrue(files.get("Z13A/LPAR11/networkmanager-dispatcher/50-zknet-proxy-ndp").contains("exec /bin/bash /etc/zknet/zknet-proxy-ndp.sh \"$1\"\n"));
			assertTrue(setup.contains("zknet_file networkmanager-dispatcher/50-zknet-proxy-ndp /etc/NetworkManager/dispatcher.d/50-zknet-proxy-ndp 0755\n"), setup);
		}
		default -> {
			String dropIn = files.get("Z13A/LPAR11/networkd/10-netplan-prod-10g.network.d/90-zknet-proxy-ndp.conf");
			assertTrue(dropIn.contains("[Network]\nIPv6ProxyNDP=yes\nIPv6ProxyNDPAddress=2001:db8:10:136:11::254\n"), dropIn);
		}
		}
		assertFalse(files.keySet().stream().anyMatch(f -> f.startsWith("Z13A/LPAR12/proxy-ndp/") && !files.get("Z13A/LPAR12/setup.sh").contains("zknet_proxy_ndp")));
	}

	@Test
	void seedNetworkGivesTheSeedsCommands() {
		Map<String, String> files = generate("seed-network");
		String lpar11 = files.get("Z13A/LPAR11/setup.sh");
		// the seed's steps, as the host's plan for the safe apply (zknet-apply.sh runs them)
		for (String step : List.of("zknet_bridge br-ex br-ex 57344 2500", "zknet_addr br-ex 10.136.11.254/24", "zknet_sysctl br-ex forwarding 1",
				"zknet_sysctl br-ex proxy_arp 1", "zknet_sysctl o5s_10g_1 forwarding 1", "zknet_sysctl o5s_10g_1 proxy_arp 1",
				"zknet_sysctl hs56k_0 forwarding 1", "zknet_route 10.136.12.0/24 via 172.31.56.2 dev hs56k_0",
				"zknet_route default via 172.18.0.1 dev o5s_1g_1", "zknet_qeth 0.0.f500 0.0.f500:0.0.f501:0.0.f502 o5s_10g_1 layer2=1",
				"zknet_nftables nftables/zknet.nft", "zknet_main \"$@\"")) {
			assertTrue(lpar11.lines().anyMatch(step::equals), () -> step + " missing from\n" + lpar11);
		}
		assertEquals(ApplyLibrary.text(), files.get("Z13A/LPAR11/zknet-apply.sh"));
		assertEquals(ApplyLibrary.text(), files.get("Z13A/LPAR11/guests/vm11a/zknet-apply.sh"));
		// the safe order: the filters are loaded before forwarding and proxy_arp come on
		String apply = ApplyLibrary.text().substring(ApplyLibrary.text().indexOf("zk_apply() {"));
		assertTrue(apply.indexOf("zk_load_nft") < apply.indexOf("zk_run sysctl -q -w"), apply);
		assertTrue(apply.indexOf("zk_run \"$zk_legacy\"") < apply.indexOf("zk_run sysctl -q -w"), apply);
		String nft = files.get("Z13A/LPAR11/nftables/zknet.nft");
		assertTrue(nft.contains("iifname \"o5s_10g_1\" arp daddr ip 10.136.11.0/24 accept"), nft);
		// the filters see the model's interfaces only: the hooks accept, the model's rules end in its policy
		assertTrue(nft.contains("type filter hook input priority 0; policy accept;\n\t\tiifname { \"o5s_10g_1\", \"o5s_1g_1\", \"hs56k_0\", \"br-ex\" } jump zknet_rules"), nft);
		assertTrue(nft.contains("type filter hook forward priority 0; policy accept;"), nft);
		assertTrue(nft.contains("\t\toifname { \"o5s_10g_1\", \"o5s_1g_1\", \"hs56k_0\", \"br-ex\" } jump zknet_rules"), nft);
		assertTrue(nft.contains("ct state established,related accept\n\t\tdrop\n"), nft);
		assertTrue(nft.contains("iifname \"o5s_1g_1\" oifname \"br-ex\" ct state established,related accept"), nft);
		assertTrue(nft.contains("oifname \"o5s_1g_1\" ip saddr { 10.136.11.0/24 } masquerade"), nft);
		String guest = files.get("Z13A/LPAR11/guests/vm11a/network.sh");
		assertTrue(guest.contains("\nzknet_route default via 10.136.11.254 dev vic_10g_2\n"), guest);
		assertTrue(guest.contains("\nzknet_route 172.18.0.0/15 dev vic_10g_2\n"), guest);
		// the seed's sample guest routing table (Scenario IV) and host routing table (Scenarios III and IV)
		String table = files.get("Z13A/LPAR11/guests/vm11a/routes.txt");
		for (String row : List.of("172.18.0.0\t0.0.0.0\t255.254.0.0\tU\tvic_10g_2", "0.0.0.0\t10.136.11.254\t0.0.0.0\tUG\tvic_10g_2",
				"10.136.11.0\t0.0.0.0\t255.255.255.0\tU\tvic_10g_2")) {
			assertTrue(table.contains(row + "\t#"), () -> row + " missing from\n" + table);
		}
		String hostTable = files.get("Z13A/LPAR11/routes.txt");
		for (String row : List.of("172.18.0.0\t0.0.0.0\t255.254.0.0\tU\to5s_1g_1", "0.0.0.0\t172.18.0.1\t0.0.0.0\tUG\to5s_1g_1",
				"10.0.0.0\t0.0.0.0\t255.0.0.0\tU\to5s_10g_1", "10.136.11.0\t0.0.0.0\t255.255.255.0\tU\tbr-ex",
				"10.136.12.0\t172.31.56.2\t255.255.255.0\tUG\ths56k_0", "172.31.56.0\t0.0.0.0\t255.255.255.0\tU\ths56k_0")) {
			assertTrue(hostTable.contains(row + "\t#"), () -> row + " missing from\n" + hostTable);
		}
		String xml = files.get("Z13A/LPAR11/guests/vm11a/interface-vic_10g_2.xml");
		assertTrue(xml.contains("<virtualport type='openvswitch'/>") && xml.contains("<mtu size='57344'/>"), xml);
		List<String> sysctl = files.get("Z13A/LPAR11/sysctl.d/90-zknet.conf").lines().filter(l -> !l.startsWith("#")).toList();
		assertEquals("net.ipv4.conf.br-ex.forwarding = 1", sysctl.get(0));
		assertTrue(files.get("Z13A/LPAR11/sysctl.d/90-zknet.conf").contains("so an interface not named here is loose (2)"));
		assertFalse(files.keySet().stream().anyMatch(f -> f.startsWith("Z13A/ZOS1/")), "nothing is generated for z/OS");
		// SUSE (wicked), the seed's distribution: facts §5.2 and the seed's routes file
		assertEquals("10.136.12.0/24\t172.31.56.2\t-\ths56k_0", files.get("Z13A/LPAR11/wicked/ifroute-hs56k_0").lines().toList().get(2));
		assertEquals("default\t172.18.0.1\t-\to5s_1g_1", files.get("Z13A/LPAR11/wicked/ifroute-o5s_1g_1").lines().toList().get(2));
		String bridge = files.get("Z13A/LPAR11/wicked/ifcfg-br-ex");
		assertTrue(bridge.contains("OVS_BRIDGE='yes'") && bridge.contains("IPADDR='10.136.11.254/24'") && bridge.contains("MTU='57344'"), bridge);
		// the per-interface keys in sysctl.d only: ifsysctl(5) marks the ifsysctl files deprecated
		assertTrue(files.get("Z13A/LPAR11/sysctl.d/90-zknet.conf").contains("net.ipv4.conf.br-ex.proxy_arp = 1"));
		assertFalse(files.keySet().stream().anyMatch(f -> f.contains("/ifsysctl")), files.keySet()::toString);
		String udev = files.get("Z13A/LPAR11/udev/70-zknet.rules");
		assertTrue(udev.contains("KERNELS==\"0.0.f500\", NAME=\"o5s_10g_1\"") && udev.contains("KERNEL==\"br-ex\", ATTR{tx_queue_len}=\"2500\""), udev);
		String guestIfcfg = files.get("Z13A/LPAR11/guests/vm11a/wicked/ifcfg-vic_10g_2");
		assertTrue(guestIfcfg.contains("IPADDR='10.136.11.1/24'") && guestIfcfg.contains("MTU='57344'"), guestIfcfg);
		assertEquals("default\t10.136.11.254\t-\tvic_10g_2", files.get("Z13A/LPAR11/guests/vm11a/wicked/ifroute-vic_10g_2").lines().toList().get(2));
	}

	@Test
	void legacyToolsGiveTheSeedsArptablesAndIptablesCommands() throws IOException {
		Map<String, String> files = generate(legacySeedNetwork());
		String setup = files.get("Z13A/LPAR11/setup.sh");
		// one file of commands for setup.sh and for the boot unit
		assertTrue(setup.contains("zknet_legacy_firewall firewall/zknet-legacy-filters.sh\n"
				+ "zknet_boot_unit systemd/zknet-filters.service firewall/zknet-legacy-filters.sh /etc/zknet/zknet-legacy-filters.sh\n"), setup);
		assertTrue(files.get("Z13A/LPAR11/systemd/zknet-filters.service").contains("ExecStart=/bin/bash /etc/zknet/zknet-legacy-filters.sh\n"));
		assertFalse(files.containsKey("Z13A/LPAR11/nftables/zknet.nft"), "no nftables ruleset with the legacy tools");
		String commands = files.get("Z13A/LPAR11/firewall/zknet-legacy-filters.sh");
		// the seed's rules in chains of their own, entered from the model's interfaces only (an unmodelled NIC keeps answering ARP)
		for (String command : List.of("arptables -A ZKNET -d 10.136.11.0/24 -i o5s_10g_1 -j ACCEPT", "arptables -A ZKNET -i br-ex -j ACCEPT",
				"arptables -A ZKNET -j DROP", "arptables -A INPUT -i o5s_10g_1 -j ZKNET", "arptables -A INPUT -i br-ex -j ZKNET",
				"iptables -A ZKNET-FORWARD -j DROP", "iptables -A FORWARD -o hs56k_0 -j ZKNET-FORWARD",
				"iptables -t nat -A POSTROUTING -o o5s_1g_1 -j MASQUERADE",
				"iptables -A ZKNET-FORWARD -i o5s_1g_1 -o br-ex -m state --state RELATED,ESTABLISHED -j ACCEPT")) {
			assertTrue(commands.contains(command), () -> command + " missing from\n" + commands);
		}
	}

	@Test
	void rhelHostGetsNetworkManagerKeyfilesWithS390KeysAndOvs() {
		Map<String, String> files = generate("distros");
		String osa = files.get("Z16B/RH1/networkmanager/enc1000.nmconnection");
		for (String line : List.of("type=ethernet", "interface-name=enc1000", "s390-nettype=qeth", "s390-subchannels=0.0.1000;0.0.1001;0.0.1002;",
				"[ethernet-s390-options]", "layer2=1", "mtu=8992", "slave-type=ovs-port")) {
			assertTrue(osa.lines().anyMatch(line::equals), () -> line + " missing from\n" + osa);
		}
		// NetworkManager rejects s390 options outside its own list (libnm: "invalid key 'vnicc/flooding'"): chzdev -e persists them
		assertFalse(osa.contains("vnicc"), osa);
		assertTrue(files.get("Z16B/RH1/setup.sh").contains("zknet_qeth 0.0.1000 0.0.1000:0.0.1001:0.0.1002 enc1000 layer2=1 vnicc/learning=1 vnicc/flooding=1"));
		// the OSA is a port of the bridge: its controller is the port connection, named by UUID
		String port = files.get("Z16B/RH1/networkmanager/ovs-port-enc1000.nmconnection");
		assertTrue(osa.contains("master=" + value(port, "uuid")), osa);
		String bridge = files.get("Z16B/RH1/networkmanager/br0.nmconnection");
		assertTrue(port.contains("master=" + value(bridge, "uuid")) && bridge.contains("type=ovs-bridge"), port);
		String internal = files.get("Z16B/RH1/networkmanager/ovs-if-vnic0.nmconnection");
		for (String line : List.of("type=ovs-interface", "interface-name=vnic0", "type=internal", "mtu=8992", "method=manual", "address1=10.20.1.10/16")) {
			assertTrue(internal.lines().anyMatch(line::equals), () -> line + " missing from\n" + internal);
		}
		assertTrue(files.get("Z16B/RH1/networkmanager/enc8000.nmconnection").contains("route1=10.21.0.0/24,172.30.1.2,100"));
		// a guest without 'distro' runs its host's; a guest with one gets its own
		assertTrue(files.get("Z16B/RH1/guests/rh1a/networkmanager/lan0.nmconnection").contains("route1=0.0.0.0/0,10.20.0.1"));
		assertTrue(files.containsKey("Z16B/RH1/guests/rh1b/netplan/90-zknet.yaml"));
		assertTrue(files.containsKey("Z16B/UB1/guests/ub1a/wicked/ifcfg-lan0"));
		assertFalse(files.keySet().stream().anyMatch(f -> f.startsWith("Z16B/RH1/wicked/")), "a RHEL host gets no wicked files");
	}

	private static String value(String keyfile, String key) {
		return keyfile.lines().filter(l -> l.startsWith(key + "=")).findFirst().orElseThrow().substring(key.length() + 1);
	}

	@Test
	void ubuntuHostGetsNetplanWithAnOpenvswitchBridge() {
		String yaml = generate("distros").get("Z16B/UB1/netplan/90-zknet.yaml");
		for (String line : List.of("  ethernets:", "    'enc8010':", "      addresses: ['172.30.1.2/24']", "        - to: '10.20.1.0/24'",
				"          via: '172.30.1.1'", "          metric: 50", "  bridges:", "    'br-int':", "      openvswitch: {}", "      mtu: 8192",
				"      addresses: ['10.21.0.254/24']", "        - to: 'default'")) {
			assertTrue(yaml.lines().anyMatch(line::equals), () -> line + " missing from\n" + yaml);
		}
	}

	/**
	 * setup.sh and the boot files come from one HostPlan: a route to the subnet of a bridge with two
	 * subnets is two routes in both (setup.sh once routed only the first), on every distribution.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "suse", "rhel", "ubuntu" })
	void setupAndTheBootFilesRouteToEverySubnetOfABridge(String distro) throws IOException {
		Path dir = Files.createTempDirectory("zknet-two-subnets");
		for (String file : List.of("networks.zknet", "z13a.zknet", "workloads.zknet")) {
			String text = Files.readString(Workspace.root().resolve("examples/seed-network").resolve(file));
			Files.writeString(dir.resolve(file), text.replace("address 10.136.12.254/24", "address 10.136.12.254/24 address 10.137.12.254/25")
					.replace("distro suse {", "distro " + distro + " {"));
		}
		Map<String, String> files = generate(dir);
		String setup = files.get("Z13A/LPAR11/setup.sh");
		List<String> routes = setup.lines().filter(l -> l.startsWith("zknet_route ") && l.contains("hs56k_0")).toList();
		assertEquals(List.of("zknet_route 10.136.12.0/24 via 172.31.56.2 dev hs56k_0", "zknet_route 10.137.12.128/25 via 172.31.56.2 dev hs56k_0"), routes, setup);
		String boot = switch (distro) {
			case "suse" -> files.get("Z13A/LPAR11/wicked/ifroute-hs56k_0");
			case "rhel" -> files.get("Z13A/LPAR11/networkmanager/hs56k_0.nmconnection");
			default -> files.get("Z13A/LPAR11/netplan/90-zknet.yaml");
		};
		for (String subnet : List.of("10.136.12.0", "10.137.12.128")) {
			assertTrue(boot.contains(subnet), () -> subnet + " missing from\n" + boot);
		}
	}

	/** A quoted name may hold anything; validation refuses it before it can reach a root script. */
	@Test
	void aNameThatWouldInjectIntoAScriptIsAnError() {
		String model = "cec Z1 { chpid 10 osd devices F500-F51F\n"
				+ "  lpar \"L1\\\"; rm -rf / #\" id 1 kvm { osa \"o$(reboot)\" device 0.0.f500 chpid 10 layer 2\n"
				+ "    guest \"g;reboot\" { nic eth0 macvtap \"o$(reboot)\" } } }\n";
		LoadedModel loaded = Workspace.load(Map.of("inject.zknet", model));
		List<ModelDiagnostic> errors = Workspace.errors(loaded);
		assertEquals(List.of("name.unsafe", "name.unsafe", "name.unsafe"), errors.stream().map(ModelDiagnostic::code).toList(), errors::toString);
		assertTrue(errors.get(0).message().contains("contains '\"'"), errors::toString);
	}

	@Test
	void islinkStatementsListTheDevicesInScanOrder() {
		Map<String, String> files = generate("seed-isfc");
		String atlanta = files.get("zvm/PLEX1/ATLANTA/SYSTEM-CONFIG-ISLINK.txt");
		// 16 devices do not fit columns 1-71: the record ends with a comma and the statement continues
		assertTrue(atlanta.contains("ATLANTA: ACTIVATE ISLINK 6000 6001 6002 6003 6020 6021 6022 6023 6040,\n  6041 6042 6043 6060 6061 6062 6063 NODE BOSTON\n"),
				atlanta);
		String boston = files.get("zvm/PLEX1/BOSTON/SYSTEM-CONFIG-ISLINK.txt");
		assertTrue(boston.contains("BOSTON: ACTIVATE ISLINK 6000 6001"), boston);
		String iocp = files.get("zvm/PLEX1/ATLANTA/iocp-fctc.txt");
		assertTrue(iocp.contains("*   CHPID PATH=(50),TYPE=FC\n*     CNTLUNIT UNIT=FCTC,UNITADD=((00,4))   CUADD: MIF ID of VMB\n"
				+ "*     IODEVICE ADDRESS=(6000,4),UNIT=FCTC   -> BOSTON\n"), iocp);
	}

	@Test
	void theSameModelGivesTheSameBytes() {
		assertEquals(generate("seed-network"), generate("seed-network"));
	}
}
