package org.zkvm.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.editor.quickfix.AbstractDeclarativeIdeQuickfixProvider;
import org.eclipse.xtext.ide.editor.quickfix.ITextModification;
import org.eclipse.xtext.ide.server.Document;
import org.zkvm.dsl.zknet.OsaInterface;
import org.zkvm.dsl.zknet.QethInterface;
import org.zkvm.dsl.zknet.ZknetPackage;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

/**
 * What the quick fixes of every concern share: a fix as text edits computed from the element at
 * the diagnostic, the diagnostic's issue data (the remedy the check computed), and the few edits
 * more than one concern makes.
 */
abstract class QuickfixBase extends AbstractDeclarativeIdeQuickfixProvider {

	protected static final ZknetPackage Z = ZknetPackage.eINSTANCE;

	/** A fix computed from the element at the diagnostic; empty when it does not apply. */
	protected interface Fix {
		void apply(Diagnostic diagnostic, EObject element, TextChanges changes);
	}

	protected static ITextModification edits(Fix fix) {
		return (Diagnostic diagnostic, EObject element, Document document) -> {
			TextChanges changes = new TextChanges(document);
			if (element != null) {
				fix.apply(diagnostic, element, changes);
			}
			List<TextEdit> edits = changes.edits();
			return edits;
		};
	}

	/** The issue data of a diagnostic, whether it arrives as Java strings or as JSON from a client. */
	static List<String> data(Diagnostic diagnostic) {
		Object data = diagnostic.getData();
		List<String> result = new ArrayList<>();
		if (data instanceof String[] strings) {
			result.addAll(List.of(strings));
		} else if (data instanceof JsonArray array) {
			for (JsonElement e : array) {
				result.add(e.isJsonNull() ? null : e.getAsString());
			}
		} else if (data instanceof List<?> list) {
			list.forEach(o -> result.add(String.valueOf(o)));
		}
		return result;
	}

	protected static int offsetOf(Diagnostic diagnostic, TextChanges changes) {
		String text = changes.text();
		int line = diagnostic.getRange().getStart().getLine();
		int offset = 0;
		for (int l = 0; l < line && offset >= 0; l++) {
			offset = text.indexOf('\n', offset) + 1;
		}
		return offset + diagnostic.getRange().getStart().getCharacter();
	}

	protected static void setLayer(QethInterface qeth, int layer, TextChanges changes) {
		if (qeth.getLayer() != 0) {
			changes.replaceFeature(qeth, Z.getQethInterface_Layer(), String.valueOf(layer));
		} else {
			changes.insertAfterFeature(qeth, qeth instanceof OsaInterface ? Z.getOsaInterface_Chpid() : Z.getQethInterface_Device(), " layer " + layer);
		}
	}

	/**
	 * A fix that writes the value the validator computed (the diagnostic's first data item) into one
	 * feature of the element of that type around the diagnostic.
	 */
	protected static <T extends EObject> Fix writeComputedValue(Class<T> type, EStructuralFeature feature) {
		return (diagnostic, element, changes) -> {
			T target = EcoreUtil2.getContainerOfType(element, type);
			List<String> data = data(diagnostic);
			if (target != null && !data.isEmpty()) {
				changes.replaceFeature(target, feature, data.get(0));
			}
		};
	}
}
