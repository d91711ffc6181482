package org.zkvm.dsl.tests.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.headless.ModelDiagnostic;
import org.zkvm.dsl.headless.ModelDiagnostic.Severity;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.validation.IssueCodes;

/**
 * Every rule of the catalogue (docs/checks.md), through the same loader as the command line: its
 * pitfall model triggers it with the default severity, a message that names the problem, on the
 * element the problem is about; a near miss (the pitfall with the one thing changed that makes it
 * right) does not trigger it and has no errors at all.
 */
class CheckCatalogueTest {

	/** A rule: its code, severity, a message fragment, the text at the reported position, and the edits that make a near miss. */
	record Rule(String code, Severity severity, String message, String at, String... nearMiss) {
		@Override
		public String toString() {
			return code;
		}
	}

	private static final Severity E = Severity.ERROR;
	private static final Severity W = Severity.WARNING;
	private static final Severity I = Severity.INFO;

	static final List<Rule> RULES = List.of(
			new Rule(IssueCodes.ISFC_TOO_MANY_CTCS, E, "has 17 CTCs", "LINK1", "\t\tctc 6080 chpid Z10.54 remote 6080\n", ""),
			new Rule(IssueCodes.ISFC_CTCS_PER_CHPID, W, "carries 5 CTCs", "Z10.50",
					"6000-6004 chpid Z10.50 remote 6000-6004", "6000-6003 chpid Z10.50 remote 6000-6003"),
			new Rule(IssueCodes.ISFC_CHPID_ORDER, W, "the two directions differ at full load: ATLANTA to BOSTON 875 MB/s", "LINK1",
					"ctc 6000-6003 chpid Z10.50", "ctc 6000-6003 chpid Z10.5x", "ctc 6040-6043 chpid Z10.52", "ctc 6040-6043 chpid Z10.50",
					"ctc 6000-6003 chpid Z10.5x", "ctc 6000-6003 chpid Z10.52"),
			new Rule(IssueCodes.ISFC_MIXED_SPEEDS, I, "mixes FICON chpid speeds", "LINK1",
					"chpid 50 fc express2 speed 2 Gbps", "chpid 50 fc express4 speed 4 Gbps", "chpid 51 fc express2 speed 2 Gbps", "chpid 51 fc express4"),
			new Rule(IssueCodes.ISFC_UNPAIRED_DEVICE, E, "4 devices on ATLANTA (6000-6003) but 3 on BOSTON", "6000-6002", "remote 6000-6002", "remote 6000-6003"),
			new Rule(IssueCodes.ISFC_SINGLE_CTC, W, "single CTC", "LINK1", "ctc 6000 chpid Z10.50 remote 6000", "ctc 6000-6001 chpid Z10.50 remote 6000-6001"),
			new Rule(IssueCodes.ISFC_STOP_SHORT_DEPTH, I, "with 9 CTCs each side stops 2 devices short and streams on 7", "LINK1",
					"ctc 6040-6042 chpid Z10.52 remote 6040-6042", "ctc 6040-6041 chpid Z10.52 remote 6040-6041"),
			new Rule(IssueCodes.ISFC_APPC_SCALING, I, "APPC/VM", "appc", "carries relocation, appc", "carries relocation"),
			new Rule(IssueCodes.ISFC_NAME_ORDER, W, "in EBCDIC, CP's code, ZVMPROD comes first (letters before digits), in ASCII ZVM2TST", "LINK1",
					"system ZVM2TST in", "system ZVMTST in", "ZVMPROD <-> ZVM2TST", "ZVMPROD <-> ZVMTST"),
			new Rule(IssueCodes.ISFC_FICON_SPEED, E, "FICON express16s negotiates 4, 8, 16 Gbps (facts §3.5), not 32 Gbps", "32",
					"express16s speed 32 Gbps", "express16s speed 16 Gbps"),
			new Rule(IssueCodes.ISFC_NOT_FICON, E, "chpid 60 is not a FICON", "Z10.60", "chpid 60 osd", "chpid 60 fc express4"),
			new Rule(IssueCodes.ISFC_NODE_NAME, E, "'BOSTONHARBOR'", "BOSTONHARBOR", "BOSTONHARBOR", "BOSTON"),
			new Rule(IssueCodes.ZVM_LPAR, E, "z/VM system BOSTON is in LPAR KVMB, which runs kvm", "Z10.KVMB", "lpar KVMB id 0x1B kvm", "lpar KVMB id 0x1B zvm"),
			new Rule(IssueCodes.SSI_MEMBERS, E, "ATLANTA and CHICAGO have no direct ISFC logical link", "PLEX1",
					"\tisfc BOSTON <-> CHICAGO", "\tisfc ATLANTA <-> CHICAGO as LINKAC {\n\t\tctc 6200-6201 chpid Z10.52 remote 6200-6201\n\t}\n\tisfc BOSTON <-> CHICAGO"),
			new Rule(IssueCodes.ARP_SAME_SUBNET, E, "o5s_10g_2 also has an address in 10.0.0.0/8", "o5s_10g_1",
					"address 10.131.111.254/8 in production", "address 192.168.111.254/24"),
			new Rule(IssueCodes.ARP_UNFILTERED, W, "without an ARP filter", "proxy-arp",
					"\t\tforward-filter policy drop {", "\t\tarp-filter policy drop {\n\t\t\taccept to 10.131.11.254 in o5s_10g_1\n\t\t\taccept in br-ex\n\t\t}\n\t\tforward-filter policy drop {"),
			new Rule(IssueCodes.ARP_LAYER3, E, "hs56k_0 runs layer 3", "hs56k_0", "proxy-arp on br-ex, o5s_10g_1, hs56k_0", "proxy-arp on br-ex, o5s_10g_1"),
			new Rule(IssueCodes.ARP_NO_FORWARDING, E, "proxy_arp on o5s_10g_1 without forwarding", "o5s_10g_1",
					"forwarding on br-ex, hs56k_0", "forwarding on br-ex, hs56k_0, o5s_10g_1"),
			new Rule(IssueCodes.FWD_GLOBAL, W, "enabled globally", "global", "forwarding global", "forwarding on br-ex, o5s_10g_1, hs56k_0"),
			new Rule(IssueCodes.FWD_POLICY_ACCEPT, W, "policy is ACCEPT", "accept {", "forward-filter policy accept", "forward-filter policy drop"),
			new Rule(IssueCodes.ROUTE_ASYMMETRIC, E, "LPAR12 has no route back to LPAR11's guests 10.136.11.0/24 via 172.31.56.1", "LPAR12.br-ex",
					"\t\tguest vm12a {", "\t\troute subnet LPAR11.br-ex via 172.31.56.1 dev hs56k_0\n\t\tguest vm12a {"),
			new Rule(IssueCodes.ROUTE_TWO_PATHS, E, "LPAR12 answers ARP on o5s_10g_1 for LPAR11's guests 10.136.11.0/24", "10.136.0.0/16",
					"accept to 10.136.0.0/16 in o5s_10g_1", "accept to 10.136.12.0/24 in o5s_10g_1"),
			new Rule(IssueCodes.ROUTE_LOOP, E, "LPAR12 routes 10.136.12.1 via 172.31.56.1 (LPAR11), and LPAR11 routes it back via 172.31.56.2", "10.136.12.0/25",
					"\t\troute 10.136.12.0/25 via 172.31.56.1 dev hs56k_0\n", ""),
			new Rule(IssueCodes.ROUTE_GATEWAY, E, "is 10.136.11.253", "10.136.11.253", "via 10.136.11.253", "via 10.136.11.254"),
			new Rule(IssueCodes.ROUTE_UNREACHABLE_GATEWAY, E, "gateway 192.168.1.1 is on none of LPAR11's connected subnets", "192.168.1.1",
					"via 192.168.1.1", "via 10.131.0.1"),
			new Rule(IssueCodes.ADDR_DUPLICATE, E, "address 10.131.11.254 of LPAR11.o5s_10g_1 is also given to LPAR12.o5s_10g_1", "10.131.11.254/8",
					"device 0.0.f510 chpid 10 layer 2 address 10.131.11.254/8", "device 0.0.f510 chpid 10 layer 2 address 10.131.12.254/8"),
			new Rule(IssueCodes.ADDR_AUTO, E, "'address auto' finds no rule", "auto", "address auto in production", "address 10.131.11.254/8 in production"),
			new Rule(IssueCodes.NAT_SERVER, W, "web on vm11a is offered to intranet", "intranet", "service web tcp 443 to intranet", "service web tcp 443 to production"),
			new Rule(IssueCodes.RP_ASYMMETRIC, W, "strict rp_filter on o5s_10g_1", "o5s_10g_1", "rp-filter strict", "rp-filter loose"),
			new Rule(IssueCodes.MTU_GUEST_BRIDGE, E, "MTU 1500 of eth0 differs from 57344 of bridge br-ex", "1500",
					"on br-ex mtu 1500", "on br-ex mtu 57344"),
			new Rule(IssueCodes.MTU_ATTACHED_UPLINK, E, "eth0 sends with MTU 8000 through bridge br-ex attached to o5s_10g_1 whose MTU is 1500", "br-ex",
					"attached o5s_10g_1 mtu 8000", "attached o5s_10g_1 mtu 1500"),
			new Rule(IssueCodes.MTU_RANGE, E, "MTU 9000 is outside 576-8992", "9000", "layer 3 mtu 9000", "layer 3 mtu 8992"),
			new Rule(IssueCodes.MTU_HIPERSOCKETS_SMALL, I, "lose 4-5x throughput", "1500",
					"ovs br-ex routed mtu 1500", "ovs br-ex routed mtu 57344", "on br-ex mtu 1500", "on br-ex mtu 57344"),
			new Rule(IssueCodes.MTU_OVS_REQUEST, I, "mtu_request", "9000", "attached o5s_10g_1 mtu 9000", "attached o5s_10g_1 mtu 8000"),
			new Rule(IssueCodes.MTU_MACVTAP, I, "libvirt cannot set the MTU", "1500", "macvtap o5s_10g_1 mtu 1500", "macvtap o5s_10g_1"),
			new Rule(IssueCodes.LAYER_HIPERSOCKETS_MIX, E, "hs56k_0 runs layer 2 but LAN HSLAN has layer 3 interfaces", "2",
					"device 0.0.7010 layer 2", "device 0.0.7010 layer 3"),
			new Rule(IssueCodes.LAYER_GUEST_TO_L3, E, "where ZOS1 (hsz0) runs layer 3", "br-hs",
					"\t\thipersockets hsz0 on HSLAN device 0.0.7020 layer 3 address 172.31.56.3/24\n", ""),
			new Rule(IssueCodes.LAYER_L3_PARTNER, E, "ZOS1 runs zos", "2", "layer 2", "layer 3"),
			new Rule(IssueCodes.LAYER_ATTACH_L3, E, "o5s_10g_1 runs layer 3", "o5s_10g_1", "layer 3", "layer 2 vnicc learning, flooding"),
			new Rule(IssueCodes.LAYER_ATTACH_VNICC, W, "without VNIC learning and flooding", "o5s_10g_1", "chpid 10 layer 2", "chpid 10 layer 2 vnicc learning, flooding"),
			new Rule(IssueCodes.BOND_SAME_CHPID, E, "p11 and p10 of bond0 share chpid 10", "p11", "osa p11 device 0.0.1010 chpid 10", "osa p11 device 0.0.1100 chpid 11"),
			new Rule(IssueCodes.BOND_LAYER, E, "p11 runs layer 3", "p11", "chpid 11 layer 3", "chpid 11 layer 2"),
			new Rule(IssueCodes.BOND_MTU, W, "p11 has MTU 9000, but bond bond0 sets 1500", "p11", "layer 2 mtu 9000", "layer 2"),
			new Rule(IssueCodes.BOND_MODE, W, "balance-rr spreads one bond's frames", "balance-rr", " mode balance-rr", " mode active-backup"),
			new Rule(IssueCodes.BOND_MEMBER, E, "p11 is a member of bond bond0 and has addresses of its own", "p11", " address 192.168.7.1/24", ""),
			new Rule(IssueCodes.VLAN_ID, E, "VLAN id 4095 is outside 1-4094", "4095", "id 4095", "id 100"),
			new Rule(IssueCodes.VLAN_MTU, E, "MTU 9000 of app100 is above 1500 of its parent bond0", "9000", "mtu 9000", "mtu 1500"),
			new Rule(IssueCodes.VLAN_PARENT, E, "app100 is a VLAN itself", "app100", "on app100 id 200", "on bond0 id 200"),
			new Rule(IssueCodes.VLAN_ACCESS_PORT, E, "lan0 is an access port of VLAN 200, but the uplink of br0 carries only VLANs [100]", "200",
					"trunks 100", "trunks 100, 200"),
			new Rule(IssueCodes.IPV6_MTU, E, "MTU 1200 is below IPv6's minimum of 1280", "1200", "mtu 1200", "mtu 1500"),
			new Rule(IssueCodes.IPV6_LINK_LOCAL_GATEWAY, E, "the gateway fe80::1 is link-local", "fe80::1", "via fe80::1\n", "via fe80::1 dev o5s_10g_1\n"),
			new Rule(IssueCodes.IPV6_FORWARDING_RA, E, "o5s_10g_1 takes its IPv6 default route from router advertisements", "o5s_10g_1",
					"\t\tforwarding ipv6 on", "\t\taccept-ra on o5s_10g_1\n\t\tforwarding ipv6 on"),
			new Rule(IssueCodes.IPV6_PROXY_NDP_ENTRY, W, "has no entry for 2001:db8:10:136:11::1", "2001:db8:10:136:11::254",
					"for 2001:db8:10:136:11::254", "for 2001:db8:10:136:11::254, 2001:db8:10:136:11::1"),
			new Rule(IssueCodes.IPV6_PROXY_NDP_STEAL, E, "answers for 2001:db8:10:131::12, which is LPAR12.o5s_10g_1's address", "2001:db8:10:131::12",
					", 2001:db8:10:131::12", ""),
			new Rule(IssueCodes.IPV6_PROXY_NDP_FORWARDING, E, "proxy NDP on o5s_10g_1 without IPv6 forwarding", "o5s_10g_1",
					"forwarding ipv6 on br-ex\n", "forwarding ipv6 on br-ex, o5s_10g_1\n"),
			new Rule(IssueCodes.IPV6_PROXY_NDP_LAYER3, E, "o5s_10g_1 runs layer 3", "o5s_10g_1", "layer 3", "layer 2"),
			new Rule(IssueCodes.IPV6_ARP_FILTER, E, "ARP is IPv4's", "2001:db8:10:136:11::/80",
					"accept to 2001:db8:10:136:11::/80 in o5s_10g_1", "accept to 10.136.11.0/24 in o5s_10g_1"),
			new Rule(IssueCodes.IPV6_UNSUPPORTED, E, "netiucv and ctcm carry IPv4 only", "fd00:15::1", "address fd00:15::1 <-> fd00:15::2",
					"address 192.168.15.1 <-> 192.168.15.2"),
			new Rule(IssueCodes.HIPERSOCKETS_CROSS_CEC, E, "is in CEC Z13A, but LPAR21 runs in Z13B", "HSLAN",
					"cec Z13B model z13 {\n", "cec Z13B model z13 {\n\tchpid F5 iqd HSLAN2 frame 64K\n", "hs0 on HSLAN device 0.0.7010", "hs0 on HSLAN2 device 0.0.7010"),
			new Rule(IssueCodes.IUCV_LEGACY, W, "netiucv", "iucv", "iucv iucv0", "ctc ctc0"),
			new Rule(IssueCodes.ZVM_USERID, E, "'LINUXWEB01' has 10 characters", "LINUXWEB01", "LINUXWEB01", "LINUXW01"),
			new Rule(IssueCodes.ZVM_VSWITCH_UPLINKS, W, "VSWITCH VSW1's uplink ports are all on one OSA chpid", "VSW1", "1010 chpid Z16A.10", "2000 chpid Z16A.20"),
			new Rule(IssueCodes.ZVM_VSWITCH_GROUP, E, "link aggregation ('group') is for ETHERNET VSWITCHes only", "LAG1", "ZVMP1 ip group LAG1", "ZVMP1 ethernet group LAG1"),
			new Rule(IssueCodes.ZVM_CROSS_SYSTEM, E, "LINUX1 runs on VMSYS1 and LINUX2 on VMSYS2: COUPLE joins virtual CTCs of one z/VM system only", "LINUX2 mtu",
					"guest LINUX2 on VMSYS2", "guest LINUX2 on VMSYS1"),
			new Rule(IssueCodes.ZVM_LAN_VLAN, E, "VSWITCH VSW1 is not VLAN aware: it cannot grant prod0 VLAN 100", "100", "chpid Z16A.20\n", "chpid Z16A.20 vlan-aware\n"),
			new Rule(IssueCodes.ZVM_DEVICES, E, "ctc1 takes LINUX1's virtual devices 0601 and 0602 (read and write), but ctc0 takes 0600 and 0601", "0601",
					"vdev 0601", "vdev 0602"),
			new Rule(IssueCodes.NAME_INTERFACE, E, "'production_osa_10g' has 18 characters", "production_osa_10g", "production_osa_10g", "prod_osa_10g"),
			new Rule(IssueCodes.NAME_KERNEL_TEMPLATE, W, "'hsi1' is the qeth driver's name template for HiperSockets devices (hsi%d)", "hsi1", "hsi1",
					"enc8000"),
			new Rule(IssueCodes.DEVICE_TRIPLET, E, "the write device must be the read device + 1 (0.0.f501)", "0.0.f500,0.0.f502",
					"0.0.f500,0.0.f502,0.0.f503", "0.0.f500,0.0.f501,0.0.f502"),
			new Rule(IssueCodes.MGMT_ENSLAVED, E, "the management path enc1000 joins bridge br0", "enc1000 address",
					"vnic vnic0 address 10.20.1.11/16", "vnic vnic0 address 10.20.1.10/16"),
			new Rule(IssueCodes.MGMT_RENAMED, E, "the management interface encf500 is the kernel's name of o5s_10g_1's device 0.0.f500", "encf500 address",
					"management encf500 address", "management o5s_10g_1 address"),
			new Rule(IssueCodes.MGMT_READDRESSED, E, "the admin reaches the host at 172.18.0.11/15 on o5s_1g_1", "172.18.0.11/15",
					"address 172.18.0.21/15 in intranet", "address 172.18.0.11/15 in intranet"),
			new Rule(IssueCodes.MGMT_DEFAULT_ROUTE, E, "replaces the management path's (via 192.168.50.1 dev mgmt0)", "default",
					"route default via 172.18.0.1", "route 172.20.0.0/16 via 172.18.0.1"),
			new Rule(IssueCodes.OVS_UPLINK_ADDRESS, E, "enc1000 carries 10.20.1.10/16 but joins bridge br0", "enc1000 vnic",
					"learning, flooding address 10.20.1.10/16 in lan", "learning, flooding", "vnic vnic0\n", "vnic vnic0 address 10.20.1.10/16 in lan\n"));

	static Stream<Arguments> rules() {
		return RULES.stream().map(Arguments::of);
	}

	static Path pitfall(String code) {
		return Workspace.root().resolve("examples/pitfalls").resolve(code + ".zknet");
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	@Test
	void everyConfigurableCodeHasARuleTestAndAPitfall() {
		Set<String> tested = RULES.stream().map(Rule::code).collect(Collectors.toCollection(TreeSet::new));
		assertEquals(new TreeSet<>(IssueCodes.CONFIGURABLE.keySet()), tested);
		for (String code : tested) {
			assertTrue(Files.isRegularFile(pitfall(code)), "examples/pitfalls/" + code + ".zknet");
		}
	}

	/** docs/checks.md states every code with the severity the code is declared with, and every code has its rule in one line. */
	@Test
	void theCatalogueStatesEveryCodeWithItsDeclaredSeverity() {
		Map<String, String> documented = new TreeMap<>();
		Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9.-]+)` \\| .*? \\| (error|warning|info) \\| .*\\|$").matcher(read(Workspace.root().resolve("docs/checks.md")));
		while (row.find()) {
			assertNull(documented.put(row.group(1), row.group(2)), () -> "twice in docs/checks.md: " + row.group(1));
		}
		Map<String, String> declared = new TreeMap<>();
		IssueCodes.CONFIGURABLE.forEach((code, severity) -> declared.put(code, severity.name().toLowerCase()));
		assertEquals(declared, documented);
		assertEquals(IssueCodes.CONFIGURABLE.keySet(), IssueCodes.RULES.keySet());
		IssueCodes.RULES.forEach((code, rule) -> assertTrue(!rule.isBlank() && !rule.contains("\n"), code));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rules")
	void pitfallTriggersTheRuleOnTheRightElement(Rule rule) {
		String text = read(pitfall(rule.code()));
		LoadedModel model = Workspace.load(Map.of(rule.code() + ".zknet", text));
		List<ModelDiagnostic> hits = model.diagnostics().stream().filter(d -> d.code().equals(rule.code())).toList();
		assertFalse(hits.isEmpty(), () -> rule.code() + " not reported; got:\n" + Workspace.describe(model.diagnostics()));
		ModelDiagnostic first = hits.get(0);
		assertEquals(rule.severity(), first.severity(), "default severity of the catalogue");
		assertEquals(IssueCodes.CONFIGURABLE.get(rule.code()).name().toLowerCase(), first.severity().toString());
		assertTrue(first.message().contains(rule.message()), () -> "message: " + first.message());
		String line = text.lines().toList().get(first.line() - 1);
		assertTrue(line.substring(first.column() - 1).startsWith(rule.at()),
				() -> "reported at " + first.line() + ":" + first.column() + " of '" + line + "', expected '" + rule.at() + "' there");
		List<ModelDiagnostic> otherErrors = model.diagnostics().stream()
				.filter(d -> d.severity() == Severity.ERROR && !d.code().equals(rule.code())).toList();
		assertEquals(List.of(), otherErrors, "a pitfall shows its own error and no other");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rules")
	void nearMissDoesNotTrigger(Rule rule) {
		String text = read(pitfall(rule.code()));
		for (int i = 0; i < rule.nearMiss().length; i += 2) {
			assertTrue(text.contains(rule.nearMiss()[i]), "near miss edit applies: " + rule.nearMiss()[i]);
			text = text.replace(rule.nearMiss()[i], rule.nearMiss()[i + 1]);
		}
		LoadedModel model = Workspace.load(Map.of(rule.code() + ".zknet", text));
		String described = Workspace.describe(model.diagnostics());
		assertTrue(model.diagnostics().stream().noneMatch(d -> d.code().equals(rule.code())), () -> rule.code() + " still reported:\n" + described);
		assertEquals(List.of(), Workspace.errors(model), () -> "the near miss is a correct model:\n" + described);
	}

	/** The z/VM LANs example: two uplinks on two chpids, VLANs on a VLAN-aware VSWITCH, a HiperSockets guest LAN within its frame size. */
	@Test
	void zvmLansIsCleanOfEveryCheck() {
		LoadedModel model = Workspace.loadPaths(Workspace.root().resolve("examples/zvm-lans"));
		assertEquals(List.of(), model.diagnostics(), () -> Workspace.describe(model.diagnostics()));
	}

	/** A z/VM guest's route is checked as any Linux guest's: a gateway outside its NICs' subnets is reported on the gateway. */
	@Test
	void aZvmGuestsGatewayOutsideItsSubnets() throws IOException {
		String text = Files.readString(Workspace.root().resolve("examples/zvm-lans/zvmprod.zknet")).replace("route default via 10.20.100.1", "route default via 10.99.0.1");
		LoadedModel model = Workspace.load(Map.of("zvmprod.zknet", text));
		List<ModelDiagnostic> found = model.diagnostics().stream().filter(d -> d.code().equals(IssueCodes.ROUTE_UNREACHABLE_GATEWAY)).toList();
		assertEquals(1, found.size(), () -> Workspace.describe(model.diagnostics()));
		assertTrue(found.get(0).message().startsWith("gateway 10.99.0.1 is on none of WEB1's connected subnets"), found.get(0).message());
	}

	/** Two virtual CTCs named ctc0 and ctc1 race with the names ctcm gives them; seed 003's ctc1500, ctc9000 and ctc32764 do not. */
	@Test
	void ctcLinksNamedByTheDriversTemplateRace() throws IOException {
		String seed = Files.readString(Workspace.root().resolve("examples/seed-iucv/vmlinux.zknet"));
		LoadedModel racing = Workspace.load(Map.of("vm.zknet", seed.replace("ctc ctc1500", "ctc ctc1").replace("ctc ctc9000", "ctc ctc0")));
		List<String> found = racing.diagnostics().stream().filter(d -> d.code().equals(IssueCodes.NAME_KERNEL_TEMPLATE)).map(ModelDiagnostic::message).toList();
		assertEquals(2, found.size(), found::toString);
		assertTrue(found.get(0).startsWith("the interface name 'ctc1' is one the ctcm driver gives LINUX1's 3 ctc interfaces (ctc0 to ctc2"), found::toString);
		LoadedModel clean = Workspace.load(Map.of("vm.zknet", seed));
		assertTrue(clean.diagnostics().stream().noneMatch(d -> d.code().equals(IssueCodes.NAME_KERNEL_TEMPLATE)), () -> Workspace.describe(clean.diagnostics()));
	}

	/** A z/VM guest may route through the partner at the other end of a link (its /32 route); another address of that /32's neighbourhood is no gateway. */
	@Test
	void aZvmGuestRoutesThroughItsLinkPartner() throws IOException {
		String seed = Files.readString(Workspace.root().resolve("examples/seed-iucv/vmlinux.zknet"));
		for (String gateway : List.of("192.168.115.2", "192.168.115.9")) {
			LoadedModel model = Workspace.load(Map.of("vm.zknet", seed.replace("guest LINUX1 on VMSYS1 vcpus 1 memory 128M",
					"guest LINUX1 on VMSYS1 vcpus 1 memory 128M { route 10.0.0.0/8 via " + gateway + " }")));
			long found = model.diagnostics().stream().filter(d -> d.code().equals(IssueCodes.ROUTE_UNREACHABLE_GATEWAY)).count();
			assertEquals(gateway.endsWith(".2") ? 0 : 1, found, () -> gateway + ": " + Workspace.describe(model.diagnostics()));
		}
	}

	/** One guest, one VSWITCH, two VLANs: CP grants the VLAN to the user ID, so the second NIC's VLAN is an error; the same VLAN is not. */
	@Test
	void twoVlansForOneGuestOnOneVswitch() throws IOException {
		String lans = Files.readString(Workspace.root().resolve("examples/zvm-lans/zvmprod.zknet"));
		for (String vlan : List.of("200", "100")) {
			LoadedModel model = Workspace.load(Map.of("zvmprod.zknet", lans.replace("nic hs0 vdev 0700 on HSL1 address 192.168.70.11/24",
					"nic hs0 vdev 0700 on HSL1 address 192.168.70.11/24\n\t\tnic app1 vdev 0800 on VSW1 vlan " + vlan + " address 10.20." + vlan + ".12/24")));
			List<String> found = model.diagnostics().stream().filter(d -> d.code().equals(IssueCodes.ZVM_LAN_VLAN)).map(ModelDiagnostic::message).toList();
			assertEquals(vlan.equals("200") ? 1 : 0, found.size(), () -> vlan + ": " + found);
		}
	}

	/** Device numbers end at FFFF: a virtual CTC at FFFF has no write device. */
	@Test
	void virtualDevicesPastFfffAreErrors() throws IOException {
		String seed = Files.readString(Workspace.root().resolve("examples/seed-iucv/vmlinux.zknet"));
		LoadedModel model = Workspace.load(Map.of("vm.zknet", seed.replace("ctc ctc1500 LINUX1 <->", "ctc ctc1500 LINUX1 vdev FFFF <->")));
		List<String> found = model.diagnostics().stream().filter(d -> d.code().equals(IssueCodes.ZVM_DEVICES)).map(ModelDiagnostic::message).toList();
		assertEquals(List.of("ctc1500 needs a read and a write device from FFFF, past FFFF, the last device number: give it FFFE or lower"), found);
	}

	@Test
	void seedNetworkIsCleanOfEveryCheck() {
		LoadedModel model = Workspace.loadPaths(Workspace.root().resolve("examples/seed-network"));
		assertEquals(List.of(), model.diagnostics(), () -> Workspace.describe(model.diagnostics()));
	}

	@Test
	void seedIsfcAndIucvGetOnlyTheWarningsTheSeedsEarn() {
		LoadedModel model = Workspace.loadPaths(Workspace.root().resolve("examples/seed-isfc"), Workspace.root().resolve("examples/seed-iucv"));
		assertEquals(List.of(), Workspace.errors(model));
		Set<String> codes = model.diagnostics().stream().map(ModelDiagnostic::code).collect(Collectors.toCollection(TreeSet::new));
		// the measured layout has slow chpids first (seed 004 recommends otherwise), LINK01 is one CTC,
		// LINK10 stops 2 short, netiucv is gone from current kernels
		assertEquals(new TreeSet<>(List.of(IssueCodes.ISFC_CHPID_ORDER, IssueCodes.ISFC_MIXED_SPEEDS, IssueCodes.ISFC_SINGLE_CTC,
				IssueCodes.ISFC_STOP_SHORT_DEPTH, IssueCodes.IUCV_LEGACY)), codes);
	}

	@Test
	void duplicateAddressesAreFoundAcrossFiles() {
		String lpar = """
				cec %s {
					chpid 10 osd
					lpar L%s id 1 linux {
						osa o1 device 0.0.f500 chpid 10 layer 2 address 10.1.1.1/24
					}
				}
				""";
		LoadedModel model = Workspace.load(Map.of("a.zknet", lpar.formatted("A", "A"), "b.zknet", lpar.formatted("B", "B")));
		List<ModelDiagnostic> duplicates = model.diagnostics().stream().filter(d -> d.code().equals(IssueCodes.ADDR_DUPLICATE)).toList();
		assertEquals(2, duplicates.size(), Workspace.describe(model.diagnostics()));
		assertTrue(duplicates.stream().anyMatch(d -> d.file().endsWith("a.zknet") && d.message().contains("LB.o1")));
		assertTrue(duplicates.stream().anyMatch(d -> d.file().endsWith("b.zknet") && d.message().contains("LA.o1")));
	}

	@Test
	void overlappingGuestSubnetsOfTwoHostsAreErrors() {
		LoadedModel model = Workspace.load("""
				cec Z {
					lpar A id 1 kvm { ovs br0 routed address 10.136.0.254/16 }
					lpar B id 2 kvm { ovs br0 routed address 10.136.12.254/24 }
				}
				""");
		List<ModelDiagnostic> overlaps = model.diagnostics().stream().filter(d -> d.message().contains("overlaps")).toList();
		assertEquals(2, overlaps.size(), Workspace.describe(model.diagnostics()));
	}

	@Test
	void addressOutsideItsNetwork() {
		LoadedModel model = Workspace.load("""
				network production 10.0.0.0/8
				cec Z {
					chpid 10 osd
					lpar A id 1 linux { osa o1 device 0.0.f500 chpid 10 address 172.16.1.1/24 in production }
				}
				""");
		ModelDiagnostic d = model.diagnostics().stream().filter(x -> x.code().equals(IssueCodes.ADDR_DUPLICATE)).findFirst().orElseThrow();
		assertTrue(d.message().contains("outside its network production (10.0.0.0/8)"), d.message());
	}

	@Test
	void schemeDerivedAddressesCollideLikeWrittenOnes() {
		LoadedModel model = Workspace.load("""
				network production 10.0.0.0/8
				scheme seed {
					host in production "10.131.{id}.254/8"
					vnic "10.136.{id}.254/24"
					guests "10.136.{id}.{n}/24" from 1 to 253
				}
				cec Z {
					chpid 10 osd
					lpar L16 id 16 kvm scheme seed {
						osa o1 device 0.0.f500 chpid 10 layer 2 address auto in production
						ovs br-ex routed address auto
						guest g1 { nic eth0 on br-ex address auto }
						guest g2 { nic eth0 on br-ex address 10.136.16.1/24 }
					}
				}
				""");
		ModelDiagnostic d = model.diagnostics().stream().filter(x -> x.code().equals(IssueCodes.ADDR_DUPLICATE)).findFirst().orElseThrow();
		assertTrue(d.message().contains("address 10.136.16.1"), d.message());
	}
}
