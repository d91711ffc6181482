package org.zkvm.dsl.ide.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * udev's part of a boot in the lab: the rules that name a NIC by its MAC (a guest's
 * udev/70-zknet.rules, the rules netplan generates for 'set-name') applied to the links that
 * carry those MACs, and the rules that set an interface's queue length by its name
 * (ATTR{tx_queue_len}) once it exists. The hosts' rules name qeth devices by bus-ID: the lab's
 * veths stand in for them and already carry the model's names.
 */
final class UdevNames {

	private static final Pattern QUEUE = Pattern.compile("KERNEL==\"([^\"]+)\".*ATTR\\{tx_queue_len\\}=\"(\\d+)\"");
	private static final Pattern BY_MAC = Pattern.compile("ATTR\\{address\\}==\"([0-9a-fA-F:]{17})\".*NAME=\"([^\"]+)\"");

	private UdevNames() {
	}

	/** The names the rules under these folders give by MAC, MAC to name (a later file wins, as udev's lexical order of rules files does). */
	static Map<String, String> rules(List<Path> folders) throws LabException {
		Map<String, String> names = new LinkedHashMap<>();
		try {
			List<Path> files = new ArrayList<>();
			for (Path folder : folders) {
				files.addAll(BootDisk.files(folder));
			}
			files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
			for (Path file : files) {
				for (String line : Files.readAllLines(file)) {
					Matcher rule = BY_MAC.matcher(line);
					if (!line.startsWith("#") && line.contains("ACTION==\"add") && rule.find()) {
						names.put(rule.group(1).toLowerCase(), rule.group(2));
					}
				}
			}
		} catch (IOException e) {
			throw new LabException("cannot read udev rules: " + e.getMessage());
		}
		return names;
	}

	/** The queue lengths the rules in this file set, interface name to length. */
	static Map<String, String> queueLengths(Path rules) throws LabException {
		Map<String, String> lengths = new LinkedHashMap<>();
		if (!Files.isRegularFile(rules)) {
			return lengths;
		}
		try {
			for (String line : Files.readAllLines(rules)) {
				Matcher rule = QUEUE.matcher(line);
				if (!line.startsWith("#") && rule.find()) {
					lengths.put(rule.group(1), rule.group(2));
				}
			}
		} catch (IOException e) {
			throw new LabException("cannot read " + rules + ": " + e.getMessage());
		}
		return lengths;
	}

	/** Sets the queue lengths on the interfaces that exist (udev does it as each one appears). */
	static void applyQueueLengths(Lab lab, String namespace, Map<String, String> lengths) throws LabException {
		String links = lab.shell().output(namespace, Map.of(), "ip", "-o", "link", "show");
		for (Entry<String, String> length : lengths.entrySet()) {
			if (links.lines().anyMatch(l -> l.matches("\\d+: " + Pattern.quote(length.getKey()) + "[:@].*"))) {
				lab.shell().ip(namespace, "link", "set", length.getKey(), "txqueuelen", length.getValue());
			}
		}
	}

	/** Renames each link whose MAC a rule names; returns what was renamed, "old -> new". */
	static List<String> apply(Lab lab, String namespace, Map<String, String> rules) throws LabException {
		List<String> renamed = new ArrayList<>();
		String links = lab.shell().output(namespace, Map.of(), "ip", "-o", "link", "show");
		for (Entry<String, String> rule : rules.entrySet()) {
			for (String line : links.lines().toList()) {
				String[] words = line.split("\\s+");
				if (line.contains("link/ether " + rule.getKey()) && words.length > 1) {
					String current = words[1].replaceAll("[:@].*", "");
					if (!current.equals(rule.getValue())) {
						lab.shell().ip(namespace, "link", "set", current, "name", rule.getValue());
						renamed.add(current + " -> " + rule.getValue());
					}
				}
			}
		}
		return renamed;
	}
}
