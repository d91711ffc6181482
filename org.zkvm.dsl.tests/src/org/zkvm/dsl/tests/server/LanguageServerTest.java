package org.zkvm.dsl.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zkvm.dsl.headless.OutputFolder;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.validation.IssueCodes;

/**
 * Every language server feature, asked as an editor asks it, on a workspace holding the seed
 * network and the seed ISFC models in two folders, plus folders the server must not index.
 */
class LanguageServerTest {

	private static Path ws;
	private static LanguageServerSession server;

	@BeforeAll
	static void start() throws Exception {
		ws = Files.createTempDirectory("zknet-lsp");
		copy(Workspace.root().resolve("examples/seed-network"), ws.resolve("network"));
		copy(Workspace.root().resolve("examples/seed-isfc"), ws.resolve("isfc"));
		// the same network again where a user's models never are: indexing them would report duplicates
		String duplicate = "network production 10.0.0.0/8\n";
		for (String ignored : List.of("target/classes", "node_modules/some-package", ".git/objects", "out/Z13A")) {
			Files.createDirectories(ws.resolve(ignored));
			Files.writeString(ws.resolve(ignored).resolve("copy.zknet"), duplicate);
		}
		Files.writeString(ws.resolve("out").resolve(OutputFolder.MARKER), "");
		server = new LanguageServerSession(ws);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	private static void copy(Path from, Path to) throws Exception {
		Files.createDirectories(to);
		try (Stream<Path> files = Files.list(from)) {
			for (Path file : files.toList()) {
				Files.copy(file, to.resolve(file.getFileName()));
			}
		}
	}

	private static Path file(String name) {
		return ws.resolve(name);
	}

	private static Position at(String name, String needle, int shift) throws Exception {
		return TextEdits.at(Files.readString(file(name)), needle, shift);
	}

	@Test
	void theServerAdvertisesEveryFeature() {
		ServerCapabilities c = server.initializeResult().getCapabilities();
		assertNotNull(c.getCompletionProvider(), "completion");
		assertTrue(c.getHoverProvider().getLeft(), "hover");
		assertTrue(c.getDefinitionProvider().getLeft(), "definition");
		assertTrue(c.getReferencesProvider().getLeft(), "references");
		assertNotNull(c.getRenameProvider(), "rename");
		assertTrue(c.getDocumentFormattingProvider().getLeft(), "formatting");
		assertTrue(c.getDocumentSymbolProvider().getLeft(), "document symbols");
		assertNotNull(c.getSemanticTokensProvider(), "semantic tokens");
		assertNotNull(c.getCodeActionProvider(), "code actions");
	}

	@Test
	void indexingSkipsBuildOutputDependenciesVersionControlAndGeneratedFolders() throws Exception {
		List<Diagnostic> networks = server.open(file("network/networks.zknet"));
		assertTrue(networks.stream().noneMatch(d -> d.getCode() != null && IssueCodes.DUPLICATE_NAME.equals(d.getCode().getLeft())),
				() -> "a skipped folder was indexed: " + networks);
		Set<String> indexed = server.published().keySet();
		assertTrue(indexed.stream().anyMatch(u -> u.endsWith("/isfc/plex.zknet")), () -> "the workspace was not built: " + indexed);
		assertTrue(indexed.stream().noneMatch(u -> u.endsWith("/copy.zknet")), () -> "skipped folders were indexed: " + indexed);
	}

	@Test
	void fileEventsFromSkippedFoldersAreIgnored() throws Exception {
		Path ignored = file("node_modules/late/late.zknet");
		Files.createDirectories(ignored.getParent());
		Files.writeString(ignored, "network production 10.0.0.0/8\n");
		Path model = file("network/late.zknet");
		Files.writeString(model, "network late 192.168.99.0/24\n");
		try {
			server.filesCreated(ignored, model);
			assertEquals(List.of(), server.awaitPublished(model), "the new model is built");
			assertFalse(server.published().containsKey(LanguageServerSession.uri(ignored)), "a file under node_modules/ was built");
		} finally {
			Files.delete(model);
			Files.delete(ignored);
		}
	}

	@Test
	void editingWritesNothingIntoTheWorkspace() throws Exception {
		server.open(file("network/z13a.zknet"));
		try (Stream<Path> files = Files.walk(ws)) {
			List<Path> written = files.filter(p -> p.getFileName().toString().endsWith(".sh") || p.getFileName().toString().equals("src-gen")).toList();
			assertEquals(List.of(), written, "the server generated files while editing");
		}
	}

	@Test
	void diagnosticsCarryTheCataloguesCodesAndAFixAsCodeAction() throws Exception {
		Path dir = Files.createTempDirectory("zknet-lsp-pitfall");
		Path model = dir.resolve("model.zknet");
		Files.copy(Workspace.root().resolve("examples/pitfalls/arp.same-subnet.zknet"), model);
		try (LanguageServerSession pitfall = new LanguageServerSession(dir)) {
			List<Diagnostic> diagnostics = pitfall.open(model);
			Diagnostic arp = diagnostics.stream().filter(d -> IssueCodes.ARP_SAME_SUBNET.equals(d.getCode().getLeft())).findFirst()
					.orElseThrow(() -> new AssertionError("no arp.same-subnet: " + diagnostics));
			assertEquals(TextEdits.at(Files.readString(model), "o5s_10g_1, hs56k_0", 0).getLine(), arp.getRange().getStart().getLine() - 1,
					"reported on the proxy-arp line, below forwarding");
			List<CodeAction> actions = pitfall.codeActions(model, arp);
			assertTrue(actions.stream().anyMatch(a -> a.getTitle().startsWith("Turn proxy_arp off")), () -> "actions: " + actions);

			// parse and link errors carry the catalogue's codes too, not Xtext's internal ones
			List<Diagnostic> broken = pitfall.change(model, 2, "network n 10.0.0.0/8\ncec C {\n\tchpid 10 osd\n\tlpar L id 1 kvm {\n"
					+ "\t\tosa o device 0.0.f500 chpid 99\n\t}\n}\nnetwork\n");
			Map<String, List<Integer>> codes = broken.stream().collect(Collectors.groupingBy(d -> d.getCode().getLeft(),
					Collectors.mapping(d -> d.getRange().getStart().getLine() + 1, Collectors.toList())));
			assertEquals(Map.of(IssueCodes.LINK, List.of(5), IssueCodes.SYNTAX, List.of(8)), codes, () -> "diagnostics: " + broken);
		}
	}

	@Test
	void completionProposesKeywordsCrossFileReferencesAndValues() throws Exception {
		Path scratch = file("network/scratch.zknet");
		String text = "import Z13A.*\nzvm X {\n\tsystem S in \n}\ncec C {\n\t\n\tchpid 30 fc \n\tchpid F5 iqd LAN2 frame \n}\n";
		Files.writeString(scratch, text);
		server.open(scratch);
		try {
			assertLabels(server.completion(scratch, TextEdits.at(text, "in \n", 3)), "LPAR11", "LPAR12");
			assertLabels(server.completion(scratch, TextEdits.at(text, "fc \n", 3)), "express2", "express4", "express32s");
			List<CompletionItem> frames = server.completion(scratch, TextEdits.at(text, "frame \n", 6));
			assertLabels(frames, "16K", "24K", "40K", "64K");
			CompletionItem k64 = frames.stream().filter(i -> i.getLabel().equals("64K")).findFirst().orElseThrow();
			assertTrue(k64.getDetail().contains("MTU 57344") && k64.getDetail().contains("OS=C0"), k64.getDetail());
			assertLabels(server.completion(scratch, TextEdits.at(text, "{\n\t\n", 3)), "chpid", "lpar");
		} finally {
			Files.delete(scratch);
		}
	}

	@Test
	void completionProposesMtusThatFitTheInterface() throws Exception {
		Path scratch = file("network/scratch-mtu.zknet");
		String text = "cec C {\n\tchpid 30 osd\n\tlpar L id 1 kvm {\n\t\tosa o device 0.0.f500 chpid 30 layer 3 mtu \n\t}\n}\n";
		Files.writeString(scratch, text);
		server.open(scratch);
		try {
			List<CompletionItem> mtus = server.completion(scratch, TextEdits.at(text, "mtu \n", 4));
			assertLabels(mtus, "1492", "1500", "8992");
			assertTrue(mtus.stream().noneMatch(i -> i.getLabel().equals("9000")), "9000 is a layer 2 MTU");
		} finally {
			Files.delete(scratch);
		}
	}

	@Test
	void managementProposesTheLparsInterfacesAndHoverSaysWhatIsProtected() throws Exception {
		Path scratch = file("network/scratch-mgmt.zknet");
		String text = "cec C {\n\tchpid 30 osd\n\tlpar L id 1 kvm {\n\t\tosa enc1 device 0.0.f500 chpid 30 layer 2\n"
				+ "\t\tovs br0 attached enc1 vnic vnic0 address 10.1.0.10/16\n\t\tmanagement \n\t}\n"
				+ "\tlpar M id 2 kvm {\n\t\tmanagement mgmt0 address 192.168.1.10/24 via 192.168.1.1\n\t}\n}\n";
		Files.writeString(scratch, text);
		server.open(scratch);
		try {
			List<CompletionItem> names = server.completion(scratch, TextEdits.at(text, "management \n", 11));
			assertLabels(names, "enc1", "vnic0");
			assertTrue(names.stream().noneMatch(i -> i.getLabel().equals("br0")), "br0's addresses sit on its port vnic0");
			String hover = markdown(server.hover(scratch, TextEdits.at(text, "mgmt0 address", 2)));
			assertTrue(hover.contains("**Management path mgmt0** (an interface the model does not configure") && hover.contains("192.168.1.10/24 via 192.168.1.1"),
					hover);
		} finally {
			Files.delete(scratch);
		}
	}

	private static void assertLabels(List<CompletionItem> items, String... expected) {
		List<String> labels = items.stream().map(CompletionItem::getLabel).toList();
		for (String label : expected) {
			assertTrue(labels.stream().anyMatch(l -> l.equals(label) || l.endsWith("." + label)), () -> label + " not among " + labels);
		}
	}

	@Test
	void hoverShowsTheFiguresZknetDerives() throws Exception {
		server.open(file("isfc/plex.zknet"));
		String link = markdown(server.hover(file("isfc/plex.zknet"), at("isfc/plex.zknet", "LINK16", 2)));
		assertTrue(link.contains("16 CTCs") && link.contains("ATLANTA → BOSTON: **875 MB/s**") && link.contains("BOSTON → ATLANTA"), link);

		String chpid = markdown(server.hover(file("isfc/plex.zknet"), at("isfc/plex.zknet", "chpid 52", 6)));
		assertTrue(chpid.contains("FICON chpid 52") && chpid.contains("4 Gb/s"), chpid);

		server.open(file("network/z13a.zknet"));
		String osa = markdown(server.hover(file("network/z13a.zknet"), at("network/z13a.zknet", "osa o5s_10g_1", 5)));
		assertTrue(osa.contains("layer 2") && osa.contains("MTU 1500 (the Linux default)") && osa.contains("10.131.11.254/8"), osa);

		String lan = markdown(server.hover(file("network/z13a.zknet"), at("network/z13a.zknet", "on HSLAN", 4)));
		assertTrue(lan.contains("frame size 64K: MTU 57344"), lan);
	}

	private static String markdown(Hover hover) {
		assertNotNull(hover, "no hover");
		return hover.getContents().getRight().getValue();
	}

	@Test
	void definitionAndReferencesCrossFiles() throws Exception {
		server.open(file("network/workloads.zknet"));
		List<? extends Location> guest = server.definition(file("network/workloads.zknet"), at("network/workloads.zknet", "LPAR11.vm11a", 8));
		assertEquals(1, guest.size(), () -> "definitions: " + guest);
		assertTrue(guest.get(0).getUri().endsWith("/network/z13a.zknet"), guest.get(0).getUri());
		assertEquals(at("network/z13a.zknet", "guest vm11a", 6).getLine(), guest.get(0).getRange().getStart().getLine());

		server.open(file("network/networks.zknet"));
		List<? extends Location> uses = server.references(file("network/networks.zknet"), at("network/networks.zknet", "production 10", 1), false);
		Map<String, Long> perFile = uses.stream().collect(Collectors.groupingBy(l -> l.getUri().substring(l.getUri().lastIndexOf('/') + 1), Collectors.counting()));
		// two OSA addresses and a service in z13a.zknet, a workload in workloads.zknet
		assertEquals(Map.of("z13a.zknet", 3L, "workloads.zknet", 1L), perFile, () -> "references: " + uses);
	}

	@Test
	void renameChangesTheDeclarationAndEveryReferenceAcrossFiles() throws Exception {
		server.open(file("network/networks.zknet"));
		WorkspaceEdit edit = server.rename(file("network/networks.zknet"), at("network/networks.zknet", "hsnet56 172", 2), "hiper56");
		Map<String, String> renamed = new java.util.TreeMap<>();
		assertNotNull(edit.getChanges(), () -> "no changes: " + edit);
		for (Map.Entry<String, List<TextEdit>> change : edit.getChanges().entrySet()) {
			Path path = Path.of(java.net.URI.create(change.getKey()));
			renamed.put(path.getFileName().toString(), TextEdits.apply(Files.readString(path), change.getValue()));
		}
		assertEquals(Set.of("networks.zknet", "z13a.zknet"), renamed.keySet());
		assertTrue(renamed.get("networks.zknet").contains("network hiper56 172.31.56.0/24"));
		assertTrue(renamed.get("z13a.zknet").contains("address 172.31.56.1/24 in hiper56"));
		assertFalse(renamed.get("z13a.zknet").contains("hsnet56"));
	}

	@Test
	void formattingNormalisesLayout() throws Exception {
		Path scratch = file("network/scratch-format.zknet");
		String text = "network   lab    192.168.7.0/24\ncec LAB {\nchpid 30 osd\n  lpar L1 id 1 kvm {  osa o1 device 0.0.0600 chpid 30 address 192.168.7.2/24 in lab\n}\n}\n";
		Files.writeString(scratch, text);
		server.open(scratch);
		try {
			List<? extends TextEdit> edits = server.formatting(scratch);
			String formatted = TextEdits.apply(text, edits);
			assertEquals("network lab 192.168.7.0/24\ncec LAB {\n\tchpid 30 osd\n\tlpar L1 id 1 kvm {\n"
					+ "\t\tosa o1 device 0.0.0600 chpid 30 address 192.168.7.2/24 in lab\n\t}\n}\n", formatted);
		} finally {
			Files.delete(scratch);
		}
	}

	@Test
	void documentSymbolsGiveTheOutline() throws Exception {
		server.open(file("network/z13a.zknet"));
		List<DocumentSymbol> symbols = server.documentSymbols(file("network/z13a.zknet"));
		DocumentSymbol cec = symbols.stream().filter(s -> s.getName().equals("Z13A")).findFirst()
				.orElseThrow(() -> new AssertionError("no Z13A: " + symbols));
		assertEquals(SymbolKind.Namespace, cec.getKind());
		DocumentSymbol lpar = child(cec, "LPAR11");
		assertEquals(SymbolKind.Class, lpar.getKind());
		assertEquals("kvm LPAR 11", lpar.getDetail());
		DocumentSymbol osa = child(lpar, "o5s_10g_1");
		assertEquals(SymbolKind.Property, osa.getKind());
		assertEquals("OSA, layer 2, MTU 1500", osa.getDetail());
		assertEquals(SymbolKind.Struct, child(lpar, "vm11a").getKind());
		assertEquals(SymbolKind.Property, child(child(lpar, "vm11a"), "vic_10g_2").getKind());
	}

	private static DocumentSymbol child(DocumentSymbol parent, String name) {
		return parent.getChildren().stream().filter(s -> s.getName().endsWith(name)).findFirst()
				.orElseThrow(() -> new AssertionError("no " + name + " under " + parent.getName() + ": "
						+ parent.getChildren().stream().map(DocumentSymbol::getName).toList()));
	}

	@Test
	void semanticTokensColourNamesByKindAtDeclarationAndUse() throws Exception {
		Path z13a = file("network/z13a.zknet");
		String text = Files.readString(z13a);
		server.open(z13a);
		SemanticTokens tokens = server.semanticTokens(z13a);
		SemanticTokensLegend legend = server.initializeResult().getCapabilities().getSemanticTokensProvider().getLegend();
		List<String> decoded = decode(tokens.getData(), legend, text);
		assertTrue(decoded.contains("o5s_10g_1 property declaration"), () -> "tokens: " + decoded);
		assertTrue(decoded.contains("LPAR11 class declaration"), () -> "tokens: " + decoded);
		assertTrue(decoded.contains("HSLAN enumMember"), () -> "the LAN reference: " + decoded);
		assertTrue(decoded.contains("production type"), () -> "the network reference: " + decoded);
		assertTrue(decoded.contains("br-ex property"), () -> "the bridge reference: " + decoded);
	}

	/** 'text type modifiers' per token, from LSP's relative encoding. */
	private static List<String> decode(List<Integer> data, SemanticTokensLegend legend, String text) {
		List<String> lines = text.lines().toList();
		List<String> result = new ArrayList<>();
		int line = 0;
		int character = 0;
		for (int i = 0; i + 4 < data.size() + 1 && i < data.size(); i += 5) {
			int deltaLine = data.get(i);
			line += deltaLine;
			character = deltaLine == 0 ? character + data.get(i + 1) : data.get(i + 1);
			String token = lines.get(line).substring(character, character + data.get(i + 2));
			StringBuilder entry = new StringBuilder(token + " " + legend.getTokenTypes().get(data.get(i + 3)));
			int modifiers = data.get(i + 4);
			for (int bit = 0; bit < legend.getTokenModifiers().size(); bit++) {
				if ((modifiers & (1 << bit)) != 0) {
					entry.append(' ').append(legend.getTokenModifiers().get(bit));
				}
			}
			result.add(entry.toString());
		}
		result.sort(Comparator.naturalOrder());
		return result;
	}
}
