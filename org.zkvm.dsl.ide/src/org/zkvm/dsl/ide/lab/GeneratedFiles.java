package org.zkvm.dsl.ide.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.zkvm.dsl.lab.LabNetwork.Node;

/** The generator's output in the lab's folder, and each script as the lab runs it (the s390-only steps left out, each said). */
final class GeneratedFiles {

	private final Lab lab;

	GeneratedFiles(Lab lab) {
		this.lab = lab;
	}

	void write(Map<String, String> generated) throws LabException {
		try {
			for (Map.Entry<String, String> file : generated.entrySet()) {
				Path target = lab.work().resolve("generated").resolve(file.getKey()).normalize();
				if (!target.startsWith(lab.work())) {
					throw new LabException("the generator named a file outside its folder: " + file.getKey());
				}
				Files.createDirectories(target.getParent());
				Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
			}
		} catch (IOException e) {
			throw new LabException("cannot write the generated files into " + lab.work() + ": " + e.getMessage());
		}
	}

	/** The script as the lab runs it, adapted once before. */
	Path labScript(Node node, String relative) throws LabException {
		Path script = lab.work().resolve("generated").resolve(relative);
		Path labScript = script.resolveSibling("lab-" + script.getFileName());
		return Files.exists(labScript) ? labScript : adapted(node, relative);
	}

	/** The generated script as the lab runs it (the s390-only steps left out, each said once), beside the original. */
	Path adapted(Node node, String relative) throws LabException {
		Path script = lab.work().resolve("generated").resolve(relative);
		String text;
		try {
			text = Files.readString(script);
		} catch (IOException e) {
			throw new LabException("the generator wrote no " + relative + " for " + node.id());
		}
		ScriptAdapter.Adapted adapted = ScriptAdapter.adapt(text);
		Path labScript = script.resolveSibling("lab-" + script.getFileName());
		try {
			Files.writeString(labScript, adapted.script());
		} catch (IOException e) {
			throw new LabException("cannot write " + labScript + ": " + e.getMessage());
		}
		lab.out().println(node.id() + ": " + relative + (adapted.skipped().isEmpty() ? "" : " (" + adapted.skipped().size() + " s390-only steps skipped)"));
		for (ScriptAdapter.Skip skip : adapted.skipped()) {
			lab.out().println("    skipped " + skip);
		}
		lab.out().flush();
		return labScript;
	}
}
