package org.zkvm.dsl.ide;

import org.eclipse.xtext.generator.IShouldGenerate;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.quickfix.IQuickFixProvider;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.ide.server.codeActions.QuickFixCodeActionService;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.ide.server.rename.IRenameService2;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolDetailsProvider;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolKindProvider;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolService;
import org.zkvm.dsl.ide.contentassist.ZknetContentProposalProvider;
import org.zkvm.dsl.ide.formatting.ZknetFormattingService;
import org.zkvm.dsl.ide.highlighting.ZknetSemanticHighlightingCalculator;
import org.zkvm.dsl.ide.hover.ZknetHoverService;
import org.zkvm.dsl.ide.quickfix.ZknetQuickfixProvider;
import org.zkvm.dsl.ide.server.NoGenerationWhileEditing;
import org.zkvm.dsl.ide.server.ZknetDocumentSymbolService;
import org.zkvm.dsl.ide.server.ZknetRenameService;
import org.zkvm.dsl.ide.symbols.ZknetSymbolDetails;
import org.zkvm.dsl.ide.symbols.ZknetSymbolKinds;

import com.google.inject.Binder;

/** Editor-neutral services: the language server and the Eclipse editor both use these bindings. */
public class ZknetIdeModule extends AbstractZknetIdeModule {

	public Class<? extends IQuickFixProvider> bindIQuickFixProvider() {
		return ZknetQuickfixProvider.class;
	}

	/** Quick fixes become LSP code actions. */
	public Class<? extends ICodeActionService2> bindICodeActionService2() {
		return QuickFixCodeActionService.class;
	}

	public Class<? extends DocumentSymbolService> bindDocumentSymbolService() {
		return ZknetDocumentSymbolService.class;
	}

	public Class<? extends IRenameService2> bindIRenameService2() {
		return ZknetRenameService.class;
	}

	public Class<? extends FormattingService> bindFormattingService() {
		return ZknetFormattingService.class;
	}

	public Class<? extends IHoverService> bindIHoverService() {
		return ZknetHoverService.class;
	}

	public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
		return ZknetContentProposalProvider.class;
	}

	/** Semantic tokens (LSP) and semantic highlighting (Eclipse). */
	public Class<? extends ISemanticHighlightingCalculator> bindISemanticHighlightingCalculator() {
		return ZknetSemanticHighlightingCalculator.class;
	}

	/** The language server never writes generated files while editing; see NoGenerationWhileEditing. */
	public Class<? extends IShouldGenerate> bindIShouldGenerate() {
		return NoGenerationWhileEditing.class;
	}

	public void configureDocumentSymbols(Binder binder) {
		binder.bind(DocumentSymbolKindProvider.class).to(ZknetSymbolKinds.class);
		binder.bind(DocumentSymbolDetailsProvider.class).to(ZknetSymbolDetails.class);
	}
}
