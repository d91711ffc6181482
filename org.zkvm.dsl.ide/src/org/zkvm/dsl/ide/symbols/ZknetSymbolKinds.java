package org.zkvm.dsl.ide.symbols;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolKindProvider;
import org.zkvm.dsl.zknet.ZknetPackage;

/** Outline and workspace symbols: each kind of element with the symbol kind that reads best in an outline. */
public class ZknetSymbolKinds extends DocumentSymbolKindProvider {

	private static final ZknetPackage Z = ZknetPackage.eINSTANCE;

	@Override
	protected SymbolKind getSymbolKind(EClass type) {
		if (Z.getCec().isSuperTypeOf(type) || Z.getZvmCluster().isSuperTypeOf(type)) {
			return SymbolKind.Namespace;
		}
		if (Z.getLpar().isSuperTypeOf(type) || Z.getZvmSystem().isSuperTypeOf(type)) {
			return SymbolKind.Class;
		}
		if (Z.getGuest().isSuperTypeOf(type) || Z.getZvmGuest().isSuperTypeOf(type)) {
			return SymbolKind.Struct;
		}
		if (Z.getChpid().isSuperTypeOf(type)) {
			return SymbolKind.EnumMember;
		}
		if (Z.getHostInterface().isSuperTypeOf(type) || Z.getNic().isSuperTypeOf(type)) {
			return SymbolKind.Property;
		}
		if (Z.getNetwork().isSuperTypeOf(type) || Z.getAddressScheme().isSuperTypeOf(type)) {
			return SymbolKind.Module;
		}
		if (Z.getIsfcLink().isSuperTypeOf(type) || Z.getPointToPointLink().isSuperTypeOf(type)) {
			return SymbolKind.Interface;
		}
		if (Z.getWorkload().isSuperTypeOf(type) || Z.getService().isSuperTypeOf(type)) {
			return SymbolKind.Function;
		}
		return super.getSymbolKind(type);
	}
}
