package org.zkvm.dsl.ide.symbols;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolKindProvider;

/** Outline and workspace symbols: each kind of element with its {@link ElementKind}'s symbol kind. */
public class ZknetSymbolKinds extends DocumentSymbolKindProvider {

	@Override
	protected SymbolKind getSymbolKind(EClass type) {
		return ElementKind.of(type).map(kind -> kind.symbolKind).orElseGet(() -> super.getSymbolKind(type));
	}
}
