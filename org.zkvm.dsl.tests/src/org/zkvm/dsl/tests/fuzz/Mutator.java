package org.zkvm.dsl.tests.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Mutation operators over zknet model text, driven by one seeded {@link Random} so that a run is
 * reproducible from its seed: byte flips, truncation, token deletion and duplication, line
 * shuffles, keyword insertion, huge numbers, very long identifiers, Unicode, NUL, a byte-order mark,
 * lone CRs and CRLF, deep nesting, name injection, imports and splices from other files.
 */
final class Mutator {

	/** One operator: its name and what it does to a text (with the corpus at hand for splices). */
	record Operator(String name, BiFunction<String, Mutator, String> apply) {
	}

	private static final String[] KEYWORDS = { "cec", "lpar", "chpid", "osa", "hipersockets", "ovs", "guest", "nic", "route", "default", "via", "dev",
			"forwarding", "proxy-arp", "arp-filter", "forward-filter", "policy", "accept", "drop", "nat", "network", "scheme", "zvm", "system", "isfc",
			"ctc", "remote", "iucv", "workload", "service", "import", "management", "address", "in", "on", "{", "}", ",", ".", "<->", "/", "-", "auto",
			"layer", "mtu", "vnicc", "device", "id", "kvm", "linux", "zos", "express4", "iqd", "osd", "fc", "frame", "64K", "rp-filter", "routed",
			"attached", "subnet", "carries", "relocation", "\"", "/*", "//", "#" };
	private static final String[] INJECTIONS = { "\"a;rm -rf /\"", "\"../../etc\"", "\"$(id)\"", "\"`id`\"", "\"a'b\"", "\".\"", "\"\"", "\"a\\\\\"",
			"\"x\ty\"", "\"/\"", "\"..\"", "\"-rf\"" };
	private static final String[] UNICODE = { "\u00e9", "\u200b", "\u202e", "\ud83d\ude00", "\u0301", "\uffff", "\u00a0", "\u2028", "\ufeff", "\u4e2d" };

	static final List<Operator> OPERATORS = List.of(
			new Operator("byte flip", (t, m) -> m.replaceAt(t, String.valueOf((char) m.random.nextInt(128)))),
			new Operator("truncation", (t, m) -> t.substring(0, m.random.nextInt(t.length() + 1))),
			new Operator("token deletion", (t, m) -> m.editToken(t, false)),
			new Operator("token duplication", (t, m) -> m.editToken(t, true)),
			new Operator("line shuffle", (t, m) -> m.shuffleLines(t)),
			new Operator("keyword insertion", (t, m) -> m.insertAt(t, " " + KEYWORDS[m.random.nextInt(KEYWORDS.length)] + " ")),
			new Operator("huge number", (t, m) -> t.replaceFirst("\\b\\d+\\b", m.random.nextBoolean() ? "99999999999999999999" : "-2147483649")),
			new Operator("long identifier", (t, m) -> m.replaceName(t, "n" + "x".repeat(100 + m.random.nextInt(5000)))),
			new Operator("unicode", (t, m) -> m.insertAt(t, UNICODE[m.random.nextInt(UNICODE.length)])),
			new Operator("NUL", (t, m) -> m.insertAt(t, "\0")),
			new Operator("byte-order mark", (t, m) -> "\ufeff" + t),
			new Operator("lone CR", (t, m) -> m.random.nextBoolean() ? t + "\r" : m.insertAt(t, "\r")),
			new Operator("CRLF", (t, m) -> t.replace("\n", "\r\n")),
			new Operator("deep nesting", (t, m) -> m.insertAt(t, ("cec N" + m.random.nextInt(9) + " { ").repeat(50 + m.random.nextInt(500)))),
			new Operator("name injection", (t, m) -> m.replaceName(t, INJECTIONS[m.random.nextInt(INJECTIONS.length)])),
			new Operator("import", (t, m) -> (m.random.nextBoolean() ? "import \".\"\n" : "import Z13A.*\nimport " + m.someName(t) + "\n") + t),
			new Operator("splice", (t, m) -> m.insertAt(t, m.chunkOfAnotherFile())));

	final Random random;
	private final List<String> corpus;

	Mutator(long seed, List<String> corpus) {
		this.random = new Random(seed);
		this.corpus = corpus;
	}

	/** One to three operators, in order; their names go into {@code applied}. */
	String mutate(String text, List<String> applied) {
		String result = text;
		int count = 1 + random.nextInt(3);
		for (int i = 0; i < count; i++) {
			Operator operator = OPERATORS.get(random.nextInt(OPERATORS.size()));
			applied.add(operator.name());
			result = operator.apply().apply(result, this);
		}
		return result;
	}

	private int position(String text) {
		return text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
	}

	String insertAt(String text, String insertion) {
		int at = position(text);
		return text.substring(0, at) + insertion + text.substring(at);
	}

	String replaceAt(String text, String replacement) {
		if (text.isEmpty()) {
			return replacement;
		}
		int at = random.nextInt(text.length());
		return text.substring(0, at) + replacement + text.substring(at + 1);
	}

	/** Deletes or duplicates one whitespace-separated token. */
	String editToken(String text, boolean duplicate) {
		List<int[]> tokens = new ArrayList<>();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S+").matcher(text);
		while (m.find()) {
			tokens.add(new int[] { m.start(), m.end() });
		}
		if (tokens.isEmpty()) {
			return text;
		}
		int[] token = tokens.get(random.nextInt(tokens.size()));
		String word = text.substring(token[0], token[1]);
		return text.substring(0, token[0]) + (duplicate ? word + " " + word : "") + text.substring(token[1]);
	}

	String shuffleLines(String text) {
		List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
		if (lines.size() > 1) {
			int a = random.nextInt(lines.size());
			int b = random.nextInt(lines.size());
			String swap = lines.get(a);
			lines.set(a, lines.get(b));
			lines.set(b, swap);
		}
		return String.join("\n", lines);
	}

	/** Replaces the name after a declaring keyword with another text. */
	String replaceName(String text, String name) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(cec|lpar|osa|hipersockets|ovs|guest|nic|network|system|zvm) (\\S+)").matcher(text);
		List<int[]> names = new ArrayList<>();
		while (m.find()) {
			names.add(new int[] { m.start(2), m.end(2) });
		}
		if (names.isEmpty()) {
			return name + " " + text;
		}
		int[] at = names.get(random.nextInt(names.size()));
		return text.substring(0, at[0]) + name + text.substring(at[1]);
	}

	String someName(String text) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(?:cec|lpar|network) (\\w[\\w-]*)").matcher(text);
		return m.find() ? m.group(1) : "X";
	}

	String chunkOfAnotherFile() {
		String other = corpus.get(random.nextInt(corpus.size()));
		int start = position(other);
		int end = Math.min(other.length(), start + random.nextInt(400));
		return other.substring(start, end);
	}
}
