package org.zkvm.dsl.tests.quickfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.tests.server.LanguageServerSession;
import org.zkvm.dsl.tests.server.TextEdits;
import org.zkvm.dsl.validation.IssueCodes;

/**
 * Every quick fix of the catalogue, asked from the real language server as a code action on the
 * pitfall's diagnostic, applied to the text, and re-validated: the diagnostic is gone and nothing
 * new appeared.
 */
class QuickFixTest {

	/** A fix: the code, the start of its action's title (empty: the only one), and text the fixed model must contain. */
	record Fix(String code, String title, String... expected) {
		@Override
		public String toString() {
			return code + (title.isEmpty() ? "" : ": " + title);
		}
	}

	static final List<Fix> FIXES = List.of(
			new Fix(IssueCodes.ISFC_CTCS_PER_CHPID, "Drop", "\t\tctc 6000-6003 chpid Z10.50 remote 6000-6003\n\t\tctc 6020-6022 chpid Z10.51 remote 6020-6022\n"),
			new Fix(IssueCodes.ISFC_CTCS_PER_CHPID, "Move", "\t\tctc 6000-6003 chpid Z10.50 remote 6000-6003\n\t\tctc 6004 chpid Z10.51 remote 6004\n"
					+ "\t\tctc 6020-6022 chpid Z10.51 remote 6020-6022\n"),
			// fast chpids at both extremes with the fewest lines changed: 50 and 52 swap
			new Fix(IssueCodes.ISFC_CHPID_ORDER, "", "\t\tctc 6000-6003 chpid Z10.52 remote 6000-6003\n\t\tctc 6020-6023 chpid Z10.51 remote 6020-6023\n"
					+ "\t\tctc 6040-6043 chpid Z10.50 remote 6040-6043\n\t\tctc 6060-6063 chpid Z10.53 remote 6060-6063\n"),
			new Fix(IssueCodes.SSI_MEMBERS, "", "\tisfc ATLANTA <-> CHICAGO {\n"),
			new Fix(IssueCodes.ARP_SAME_SUBNET, "Turn proxy_arp off", "\t\tproxy-arp on br-ex\n"),
			new Fix(IssueCodes.ARP_SAME_SUBNET, "Remove the other", "\t\tosa o5s_10g_2 device 0.0.f504 chpid 10 layer 2\n"),
			new Fix(IssueCodes.ARP_UNFILTERED, "", "\t\tproxy-arp on br-ex, o5s_10g_1\n\t\tarp-filter policy drop {\n\t\t\taccept to 10.131.11.254 in o5s_10g_1\n"
					+ "\t\t\taccept to 10.136.11.0/24 in o5s_10g_1\n\t\t\taccept in br-ex\n\t\t}\n"),
			new Fix(IssueCodes.ARP_LAYER3, "Remove proxy_arp", "\t\tproxy-arp on br-ex, o5s_10g_1\n"),
			new Fix(IssueCodes.ARP_LAYER3, "Switch", "hipersockets hs56k_0 on HSLAN device 0.0.7000 layer 2 mtu 57344"),
			new Fix(IssueCodes.ARP_NO_FORWARDING, "", "\t\tforwarding on br-ex, hs56k_0, o5s_10g_1\n"),
			new Fix(IssueCodes.FWD_GLOBAL, "", "\t\tforwarding on o5s_10g_1, hs56k_0, br-ex\n"),
			new Fix(IssueCodes.FWD_POLICY_ACCEPT, "", "\t\tforward-filter policy drop {\n\t\t\taccept in o5s_10g_1 out br-ex\n",
					"\t\t\taccept in br-ex out o5s_10g_1\n", "\t\t\taccept in hs56k_0 out br-ex\n", "\t\t\taccept in br-ex out hs56k_0\n"),
			new Fix(IssueCodes.ROUTE_ASYMMETRIC, "", "\t\troute subnet LPAR11.br-ex via 172.31.56.1 dev hs56k_0\n"),
			new Fix(IssueCodes.ROUTE_TWO_PATHS, "", "\t\t\taccept to 10.131.12.254 in o5s_10g_1\n\t\t\taccept to 10.136.12.0/24 in o5s_10g_1\n\t\t\taccept in br-ex\n"),
			new Fix(IssueCodes.ROUTE_LOOP, "", "\t\troute subnet LPAR11.br-ex via 172.31.56.1 dev hs56k_0\n\t\tguest vm12a {\n"),
			new Fix(IssueCodes.ROUTE_GATEWAY, "", "\t\t\troute default via 10.136.11.254 dev eth0\n"),
			new Fix(IssueCodes.NAT_SERVER, "", "\t\tproxy-arp on br-ex, o5s_10g_1, o5s_1g_1\n", "\t\t\taccept to 10.136.11.0/24 in o5s_1g_1\n",
					"\t\t\taccept in o5s_1g_1 out br-ex\n"),
			new Fix(IssueCodes.RP_ASYMMETRIC, "", "\t\trp-filter loose on o5s_10g_1\n"),
			new Fix(IssueCodes.MTU_GUEST_BRIDGE, "", "\t\t\tnic eth0 on br-ex mtu 57344 address 10.136.11.1/24\n"),
			new Fix(IssueCodes.MTU_ATTACHED_UPLINK, "", "\t\tovs br-ex attached o5s_10g_1 mtu 1500\n"),
			new Fix(IssueCodes.MTU_RANGE, "", "layer 3 mtu 8992 address"),
			new Fix(IssueCodes.MTU_HIPERSOCKETS_SMALL, "", "\t\tovs br-ex routed mtu 57344 address 10.136.11.254/24\n",
					"\t\t\tnic eth0 on br-ex mtu 57344 address 10.136.11.1/24\n"),
			new Fix(IssueCodes.LAYER_HIPERSOCKETS_MIX, "", "hipersockets hs56k_0 on HSLAN device 0.0.7010 layer 3 mtu 57344"),
			new Fix(IssueCodes.LAYER_GUEST_TO_L3, "", "\t\thipersockets hs0 on HSLAN device 0.0.7000 layer 3\n\t\tovs br-hs routed\n"),
			new Fix(IssueCodes.LAYER_L3_PARTNER, "", "hipersockets hsz0 on HSLAN device 0.0.7020 layer 3 address"),
			new Fix(IssueCodes.LAYER_ATTACH_L3, "", "\t\tosa o5s_10g_1 device 0.0.f500 chpid 10 layer 2 vnicc learning, flooding\n"),
			new Fix(IssueCodes.LAYER_ATTACH_VNICC, "", "\t\tosa o5s_10g_1 device 0.0.f500 chpid 10 layer 2 vnicc learning, flooding\n"),
			new Fix(IssueCodes.IPV6_MTU, "", "layer 2 mtu 1280 address"),
			new Fix(IssueCodes.IPV6_FORWARDING_RA, "", "\t\tforwarding ipv6 on br-ex, o5s_10g_1\n\t\taccept-ra on o5s_10g_1\n"),
			new Fix(IssueCodes.IPV6_PROXY_NDP_ENTRY, "", "\t\tproxy-ndp on o5s_10g_1 for 2001:db8:10:136:11::254, 2001:db8:10:136:11::1\n"),
			new Fix(IssueCodes.IPV6_PROXY_NDP_FORWARDING, "", "\t\tforwarding ipv6 on br-ex, o5s_10g_1\n"),
			new Fix(IssueCodes.MGMT_ENSLAVED, "", "\t\tovs br0 attached enc1000 vnic vnic0 address 10.20.1.11/16 in lan address 10.20.1.10/16\n"),
			new Fix(IssueCodes.MGMT_READDRESSED, "", "\t\tosa o5s_1g_1 device 0.0.f600 chpid 20 layer 2 address 172.18.0.21/15 in intranet address 172.18.0.11/15\n"),
			new Fix(IssueCodes.OVS_UPLINK_ADDRESS, "", "\t\tosa enc1000 device 0.0.1000 chpid 30 layer 2 vnicc learning, flooding\n"
					+ "\t\tovs br0 attached enc1000 vnic vnic0 address 10.20.1.10/16 in lan\n"));

	static Stream<Arguments> fixes() {
		return FIXES.stream().map(Arguments::of);
	}

	@Test
	void everyRuleWithAFixInTheCatalogueHasOne() throws Exception {
		String catalogue = Files.readString(Workspace.root().resolve("docs/checks.md"));
		List<String> withFix = new ArrayList<>();
		for (String line : catalogue.lines().toList()) {
			String[] cells = line.split("\\|");
			if (cells.length >= 5 && cells[1].strip().startsWith("`") && !cells[4].strip().equals("—")) {
				withFix.add(cells[1].strip().replace("`", ""));
			}
		}
		assertFalse(withFix.isEmpty(), "docs/checks.md lists the fixes");
		assertEquals(withFix.stream().sorted().toList(), FIXES.stream().map(Fix::code).distinct().sorted().toList());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixes")
	void fixRemovesTheDiagnosticAndNothingNewAppears(Fix fix) throws Exception {
		String original = Files.readString(Workspace.root().resolve("examples/pitfalls").resolve(fix.code() + ".zknet"));
		Path dir = Files.createTempDirectory("zknet-quickfix");
		Path file = dir.resolve("model.zknet");
		Files.writeString(file, original);
		List<CodeAction> actions;
		try (LanguageServerSession server = new LanguageServerSession(dir)) {
			List<Diagnostic> diagnostics = server.open(file);
			Diagnostic diagnostic = diagnostics.stream().filter(d -> d.getCode() != null && fix.code().equals(d.getCode().getLeft())).findFirst()
					.orElseThrow(() -> new AssertionError("the server reports no " + fix.code() + ": " + diagnostics));
			actions = server.codeActions(file, diagnostic);
		}
		CodeAction action = actions.stream().filter(a -> a.getTitle().startsWith(fix.title())).findFirst()
				.orElseThrow(() -> new AssertionError("no code action '" + fix.title() + "...' for " + fix.code() + ": " + actions));
		assertNotNull(action.getEdit(), action.getTitle());
		List<TextEdit> edits = action.getEdit().getChanges().values().stream().flatMap(List::stream).toList();
		assertFalse(edits.isEmpty(), () -> "'" + action.getTitle() + "' changes nothing");
		String fixed = TextEdits.apply(original, edits);
		for (String expected : fix.expected()) {
			assertTrue(fixed.contains(expected), () -> "'" + action.getTitle() + "' should give\n" + expected + "\nbut gave\n" + fixed);
		}

		List<String> before = findings(Workspace.load(Map.of("model.zknet", original)));
		List<String> after = findings(Workspace.load(Map.of("model.zknet", fixed)));
		assertTrue(after.stream().noneMatch(f -> f.startsWith(fix.code() + " ")), () -> fix.code() + " remains after '" + action.getTitle() + "':\n" + fixed);
		List<String> appeared = new ArrayList<>(after);
		appeared.removeAll(before);
		assertEquals(List.of(), appeared, () -> "'" + action.getTitle() + "' brought new diagnostics into\n" + fixed);
	}

	/** rp.asymmetric from RHEL's strict default has no rp-filter statement to change: the fix, asked at the route, adds one. */
	@Test
	void theDistributionsStrictRpFilterIsLoosenedFromTheRoute() throws Exception {
		String original = """
				network lan 10.20.0.0/16
				network hsnet 172.30.1.0/24
				cec Z16B model z16 {
					chpid 30 osd devices 1000-103F
					chpid F5 iqd HSB frame 16K devices 8000-801F
					lpar RH2 id 2 kvm distro rhel {
						osa enc1010 device 0.0.1010 chpid 30 layer 2 address 10.20.2.10/16
						hipersockets enc8010 on HSB device 0.0.8010 layer 3 address 172.30.1.2/24 in hsnet
						route 10.20.1.0/24 via 172.30.1.1 dev enc8010
					}
				}
				""";
		Path dir = Files.createTempDirectory("zknet-quickfix");
		Path file = dir.resolve("model.zknet");
		Files.writeString(file, original);
		List<CodeAction> actions;
		try (LanguageServerSession server = new LanguageServerSession(dir)) {
			Diagnostic diagnostic = server.open(file).stream().filter(d -> d.getCode() != null && IssueCodes.RP_ASYMMETRIC.equals(d.getCode().getLeft()))
					.findFirst().orElseThrow();
			assertTrue(diagnostic.getMessage().getLeft().startsWith("rp_filter is strict on enc1010 by the distribution's defaults"), diagnostic.getMessage().getLeft());
			actions = server.codeActions(file, diagnostic);
		}
		assertEquals(1, actions.size(), actions::toString);
		String fixed = TextEdits.apply(original, actions.get(0).getEdit().getChanges().values().stream().flatMap(List::stream).toList());
		assertTrue(fixed.contains("\t\troute 10.20.1.0/24 via 172.30.1.1 dev enc8010\n\t\trp-filter loose on enc1010\n"), fixed);
		assertEquals(List.of(), findings(Workspace.load(Map.of("model.zknet", fixed))).stream().filter(f -> f.startsWith(IssueCodes.RP_ASYMMETRIC)).toList());
	}

	/** Diagnostics without positions (a fix moves lines): code and message. */
	private static List<String> findings(LoadedModel model) {
		return model.diagnostics().stream().map(d -> d.code() + " " + d.message()).toList();
	}
}
