package org.zkvm.dsl.tests.highlighting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.lsp4j.SemanticTokensLegend;
import org.junit.jupiter.api.Test;
import org.zkvm.dsl.tests.server.SeedWorkspaceServer;

/**
 * Semantic highlighting through the server: every token of a seed file, decoded from LSP's relative
 * encoding, one source line a line ("line: text type [modifiers], ..."). Names are coloured by the
 * kind of element they name (LSP token types), at their declaration (modifier) and at every use.
 */
class SemanticHighlightingTest extends SeedWorkspaceServer {

	/** The tokens per line; a qualified reference ('route subnet LPAR12.br-ex') is one token per name, each in its element's colour, the dot plain. */
	private static String decode(List<Integer> data, SemanticTokensLegend legend, String text) {
		List<String> lines = text.lines().toList();
		Map<Integer, StringBuilder> perLine = new TreeMap<>();
		int line = 0;
		int character = 0;
		for (int i = 0; i < data.size(); i += 5) {
			int deltaLine = data.get(i);
			line += deltaLine;
			character = deltaLine == 0 ? character + data.get(i + 1) : data.get(i + 1);
			StringBuilder entry = perLine.computeIfAbsent(line + 1, l -> new StringBuilder());
			entry.append(entry.isEmpty() ? "" : ", ").append(lines.get(line), character, character + data.get(i + 2)).append(' ')
					.append(legend.getTokenTypes().get(data.get(i + 3)));
			int modifiers = data.get(i + 4);
			for (int bit = 0; bit < legend.getTokenModifiers().size(); bit++) {
				if ((modifiers & (1 << bit)) != 0) {
					entry.append(' ').append(legend.getTokenModifiers().get(bit));
				}
			}
		}
		StringBuilder result = new StringBuilder();
		perLine.forEach((number, tokens) -> result.append(number).append(": ").append(tokens).append('\n'));
		return result.toString();
	}

	@Test
	void semanticTokensColourNamesByKindAtDeclarationAndUse() throws Exception {
		Path z13a = file("network/z13a.zknet");
		server.open(z13a);
		SemanticTokensLegend legend = server.initializeResult().getCapabilities().getSemanticTokensProvider().getLegend();
		// CECs namespace, chpids and HiperSockets LANs enumMember, LPARs class, interfaces and NICs property,
		// guests struct, services function, networks type
		assertEquals("""
				5: Z13A namespace declaration
				6: 10 enumMember declaration
				7: 20 enumMember declaration
				8: HSLAN enumMember declaration
				10: LPAR11 class declaration
				11: o5s_10g_1 property declaration, 10 enumMember, production type
				12: o5s_1g_1 property declaration, 20 enumMember, intranet type
				13: hs56k_0 property declaration, HSLAN enumMember, hsnet56 type
				16: br-ex property declaration
				20: br-ex property, o5s_10g_1 property, hs56k_0 property, o5s_1g_1 property
				23: br-ex property, o5s_10g_1 property
				25: o5s_10g_1 property
				26: o5s_10g_1 property
				27: br-ex property
				28: o5s_1g_1 property
				32: o5s_10g_1 property, br-ex property
				33: br-ex property, o5s_10g_1 property
				34: hs56k_0 property, br-ex property
				35: br-ex property, hs56k_0 property
				36: br-ex property, o5s_1g_1 property
				37: o5s_1g_1 property, br-ex property
				41: LPAR12 class, br-ex property, hs56k_0 property
				43: o5s_1g_1 property
				44: br-ex property, o5s_1g_1 property, intranet type
				46: vm11a struct declaration
				47: vic_10g_2 property declaration, br-ex property
				48: vic_10g_2 property
				49: vic_10g_2 property
				50: web function declaration, production type
				52: vm11b struct declaration
				53: vic_10g_2 property declaration, br-ex property
				54: vic_10g_2 property
				55: vic_10g_2 property
				59: LPAR12 class declaration
				60: o5s_10g_1 property declaration, 10 enumMember, production type
				61: o5s_1g_1 property declaration, 20 enumMember, intranet type
				62: hs56k_0 property declaration, HSLAN enumMember, hsnet56 type
				64: br-ex property declaration
				66: br-ex property, o5s_10g_1 property, hs56k_0 property, o5s_1g_1 property
				67: br-ex property, o5s_10g_1 property
				69: o5s_10g_1 property
				70: o5s_10g_1 property
				71: br-ex property
				72: o5s_1g_1 property
				76: o5s_10g_1 property, br-ex property
				77: br-ex property, o5s_10g_1 property
				78: hs56k_0 property, br-ex property
				79: br-ex property, hs56k_0 property
				80: br-ex property, o5s_1g_1 property
				81: o5s_1g_1 property, br-ex property
				84: LPAR11 class, br-ex property, hs56k_0 property
				85: o5s_1g_1 property
				86: br-ex property, o5s_1g_1 property, intranet type
				88: vm12a struct declaration
				89: vic_10g_2 property declaration, br-ex property
				90: vic_10g_2 property
				91: vic_10g_2 property
				97: ZOS1 class declaration
				98: hsz0 property declaration, HSLAN enumMember, hsnet56 type
				99: LPAR11 class, br-ex property, hsz0 property
				100: LPAR12 class, br-ex property, hsz0 property
				""", decode(server.semanticTokens(z13a).getData(), legend, Files.readString(z13a)));
	}
}
