package org.zkvm.dsl.tests.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.resource.XtextResource;
import org.junit.jupiter.api.Test;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.services.ZknetGrammarAccess;
import org.zkvm.dsl.tests.Workspace;

/** Every example of docs/language-reference.md and the README parses and links; together they use every construct. */
class LanguageReferenceTest {

	private static final Pattern BLOCK = Pattern.compile("```zknet\\n(.*?)```", Pattern.DOTALL);

	private static Map<String, String> examples() throws IOException {
		String reference = Files.readString(Workspace.root().resolve("docs/language-reference.md"));
		Map<String, String> blocks = new LinkedHashMap<>();
		Matcher m = BLOCK.matcher(reference);
		while (m.find()) {
			blocks.put(String.format("example%02d.zknet", blocks.size() + 1), m.group(1));
		}
		return blocks;
	}

	@Test
	void everyExampleParsesAndLinks() throws IOException {
		Map<String, String> examples = examples();
		assertTrue(examples.size() >= 10, "the reference shows the language in examples");
		LoadedModel model = Workspace.load(examples);
		assertEquals(List.of(), Workspace.errors(model), () -> Workspace.describe(Workspace.errors(model)));
	}

	@Test
	void theReadmesTourIsAValidModel() throws IOException {
		Matcher m = BLOCK.matcher(Files.readString(Workspace.root().resolve("README.md")));
		assertTrue(m.find(), "README.md shows the language in a zknet block");
		LoadedModel model = Workspace.load(m.group(1));
		assertEquals(List.of(), Workspace.errors(model), () -> Workspace.describe(Workspace.errors(model)));
	}

	@Test
	void theExamplesUseEveryKeywordOfTheLanguage() throws IOException {
		LoadedModel model = Workspace.load(examples());
		Set<String> used = new TreeSet<>();
		for (XtextResource resource : model.resources().values()) {
			for (ILeafNode leaf : resource.getParseResult().getRootNode().getLeafNodes()) {
				if (leaf.getGrammarElement() instanceof Keyword keyword) {
					used.add(keyword.getValue());
				}
			}
		}
		Set<String> missing = new TreeSet<>();
		for (Keyword keyword : GrammarUtil.containedKeywords(Workspace.injector().getInstance(ZknetGrammarAccess.class).getGrammar())) {
			// keywords of parser rules are constructs; enum literals are values listed in the reference's tables
			if (GrammarUtil.containingRule(keyword) instanceof ParserRule && !used.contains(keyword.getValue())) {
				missing.add(keyword.getValue());
			}
		}
		assertEquals(Set.of(), missing, "keywords without an example in docs/language-reference.md");
	}
}
