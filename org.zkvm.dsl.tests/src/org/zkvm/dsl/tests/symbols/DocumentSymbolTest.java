package org.zkvm.dsl.tests.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.eclipse.lsp4j.DocumentSymbol;
import org.junit.jupiter.api.Test;
import org.zkvm.dsl.tests.server.SeedWorkspaceServer;

/** The outline through the server: the whole symbol tree of a seed file, one "name (kind) detail" a line, indented by depth. */
class DocumentSymbolTest extends SeedWorkspaceServer {

	private static void render(DocumentSymbol symbol, String indent, StringBuilder out) {
		out.append(indent).append(symbol.getName()).append(" (").append(symbol.getKind()).append(')');
		if (symbol.getDetail() != null && !symbol.getDetail().isEmpty()) {
			out.append(' ').append(symbol.getDetail());
		}
		out.append('\n');
		for (DocumentSymbol child : symbol.getChildren() == null ? List.<DocumentSymbol> of() : symbol.getChildren()) {
			render(child, indent + "  ", out);
		}
	}

	@Test
	void documentSymbolsGiveTheOutline() throws Exception {
		server.open(file("network/z13a.zknet"));
		StringBuilder outline = new StringBuilder();
		for (DocumentSymbol symbol : server.documentSymbols(file("network/z13a.zknet"))) {
			render(symbol, "", outline);
		}
		assertEquals("""
				Z13A (Namespace)
				  Z13A.10 (EnumMember) OSD
				  Z13A.20 (EnumMember) OSD
				  Z13A.HSLAN (EnumMember) IQD F4, frame 64K
				  Z13A.LPAR11 (Class) kvm LPAR 11
				    Z13A.LPAR11.o5s_10g_1 (Property) OSA, layer 2, MTU 1500
				    Z13A.LPAR11.o5s_1g_1 (Property) OSA, layer 2, MTU 1500
				    Z13A.LPAR11.hs56k_0 (Property) HiperSockets, layer 3, MTU 57344
				    Z13A.LPAR11.br-ex (Property) OVS routed, MTU 57344
				    Z13A.LPAR11.vm11a (Struct)
				      Z13A.LPAR11.vm11a.vic_10g_2 (Property) NIC, MTU 57344
				      Z13A.LPAR11.vm11a.web (Function)
				    Z13A.LPAR11.vm11b (Struct)
				      Z13A.LPAR11.vm11b.vic_10g_2 (Property) NIC, MTU 57344
				  Z13A.LPAR12 (Class) kvm LPAR 12
				    Z13A.LPAR12.o5s_10g_1 (Property) OSA, layer 2, MTU 1500
				    Z13A.LPAR12.o5s_1g_1 (Property) OSA, layer 2, MTU 1500
				    Z13A.LPAR12.hs56k_0 (Property) HiperSockets, layer 3, MTU 57344
				    Z13A.LPAR12.br-ex (Property) OVS routed, MTU 57344
				    Z13A.LPAR12.vm12a (Struct)
				      Z13A.LPAR12.vm12a.vic_10g_2 (Property) NIC, MTU 57344
				  Z13A.ZOS1 (Class) zos LPAR 0x21
				    Z13A.ZOS1.hsz0 (Property) HiperSockets, layer 3, MTU 57344
				""", outline.toString());
	}
}
