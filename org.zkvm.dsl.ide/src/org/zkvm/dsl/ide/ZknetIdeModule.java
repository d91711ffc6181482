package org.zkvm.dsl.ide;

import org.eclipse.xtext.ide.editor.quickfix.IQuickFixProvider;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.ide.server.codeActions.QuickFixCodeActionService;
import org.zkvm.dsl.ide.quickfix.ZknetQuickfixProvider;

/** Editor-neutral services: the language server and the Eclipse editor both use these bindings. */
public class ZknetIdeModule extends AbstractZknetIdeModule {

	public Class<? extends IQuickFixProvider> bindIQuickFixProvider() {
		return ZknetQuickfixProvider.class;
	}

	/** Quick fixes become LSP code actions. */
	public Class<? extends ICodeActionService2> bindICodeActionService2() {
		return QuickFixCodeActionService.class;
	}
}
