package org.zkvm.dsl.ide.symbols;

import java.util.Optional;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.lsp4j.SymbolKind;
import org.zkvm.dsl.zknet.ZknetPackage;

/**
 * The kinds of named elements as editors show them: one classification for the outline (LSP symbol
 * kinds) and for semantic highlighting (LSP token types), so that an LPAR looks like an LPAR in both.
 */
public enum ElementKind {
	/** CECs and z/VM clusters: they group the rest. */
	CONTAINER(SymbolKind.Namespace, "namespace"),
	/** LPARs and z/VM systems. */
	SYSTEM(SymbolKind.Class, "class"),
	/** KVM and z/VM guests. */
	GUEST(SymbolKind.Struct, "struct"),
	CHPID(SymbolKind.EnumMember, "enumMember"),
	/** Host interfaces, OVS bridges and guest NICs. */
	INTERFACE(SymbolKind.Property, "property"),
	/** Networks and address schemes. */
	NETWORK(SymbolKind.Module, "type"),
	/** ISFC and IUCV/CTC links. */
	LINK(SymbolKind.Interface, "interface"),
	/** Workloads and guest services. */
	WORKLOAD(SymbolKind.Function, "function");

	private static final ZknetPackage Z = ZknetPackage.eINSTANCE;

	public final SymbolKind symbolKind;
	public final String tokenType;

	ElementKind(SymbolKind symbolKind, String tokenType) {
		this.symbolKind = symbolKind;
		this.tokenType = tokenType;
	}

	public static Optional<ElementKind> of(EClass type) {
		if (Z.getCec().isSuperTypeOf(type) || Z.getZvmCluster().isSuperTypeOf(type)) {
			return Optional.of(CONTAINER);
		}
		if (Z.getLpar().isSuperTypeOf(type) || Z.getZvmSystem().isSuperTypeOf(type)) {
			return Optional.of(SYSTEM);
		}
		if (Z.getGuest().isSuperTypeOf(type) || Z.getZvmGuest().isSuperTypeOf(type)) {
			return Optional.of(GUEST);
		}
		if (Z.getChpid().isSuperTypeOf(type)) {
			return Optional.of(CHPID);
		}
		if (Z.getHostInterface().isSuperTypeOf(type) || Z.getNic().isSuperTypeOf(type)) {
			return Optional.of(INTERFACE);
		}
		if (Z.getNetwork().isSuperTypeOf(type) || Z.getAddressScheme().isSuperTypeOf(type)) {
			return Optional.of(NETWORK);
		}
		if (Z.getIsfcLink().isSuperTypeOf(type) || Z.getPointToPointLink().isSuperTypeOf(type)) {
			return Optional.of(LINK);
		}
		if (Z.getWorkload().isSuperTypeOf(type) || Z.getService().isSuperTypeOf(type)) {
			return Optional.of(WORKLOAD);
		}
		return Optional.empty();
	}
}
