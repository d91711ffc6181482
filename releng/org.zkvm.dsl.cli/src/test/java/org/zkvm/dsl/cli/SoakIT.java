package org.zkvm.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;

/**
 * A long editing session against a real 'zknet lsp' process: random edits of every kind (tokens,
 * lines, lone CRs and CRLF, Unicode, deletions) to the seed network and the distros example, each
 * followed by fresh diagnostics, with hover, completion, definition, references, rename, code
 * actions, symbols and formatting at random positions in between (some past the end of a line or
 * of the document). It fails on an internal error, a request left unanswered, an edit without
 * fresh diagnostics, a heap that keeps growing, or diagnostics that differ from the command line's
 * once the files are back to a known text. 2,000 edits in the build; ZKNET_SOAK_EDITS and
 * ZKNET_SOAK_SEED choose others (docs/development.md).
 */
class SoakIT {

	private static final int EDITS = Integer.parseInt(System.getenv().getOrDefault("ZKNET_SOAK_EDITS", "2000"));
	private static final long SEED = Long.parseLong(System.getenv().getOrDefault("ZKNET_SOAK_SEED", "20261130"));
	private static final int TIMEOUT = 60;
	private static final String[] SNIPPETS = { " ", "\n", "\r", "\r\n", "x", "br-ex", "LPAR11", "o5s_10g_1", "10.136.11.", "/24", "{", "}", "\n\t\troute ",
			"address 10.20.1.10/16 ", "osa ", "lpar L9 id 9 kvm {\n", "proxy-arp on br-ex, ", "// comment\n", "/*", "\"", "é", "\u202e", "\ud83d\ude00",
			"cec", "network n 10.0.0.0/8\n", "chpid 99 osd\n", "nic eth0 on br-ex address 10.136.11.9/24\n", "import Z13A.*\n", "\t", "0.0.f500" };

	private final Random random = new Random(SEED);
	private final Map<String, String> texts = new LinkedHashMap<>();
	private final Map<String, String> originals = new LinkedHashMap<>();
	private final Map<String, Integer> versions = new LinkedHashMap<>();
	private final List<Long> latencies = new ArrayList<>();
	private final List<String> failures = new ArrayList<>();
	private int requests;

	@Test
	void aLongEditingSessionStaysCorrectAndBounded() throws Exception {
		Path dir = Files.createTempDirectory("zknet-soak");
		for (String example : List.of("seed-network", "distros")) {
			try (Stream<Path> files = Files.list(ZknetProcess.ROOT.resolve("examples").resolve(example))) {
				for (Path file : files.filter(f -> f.toString().endsWith(".zknet")).sorted().toList()) {
					Path copy = dir.resolve(example + "-" + file.getFileName());
					Files.copy(file, copy);
					String uri = ServerProcess.uri(copy);
					originals.put(uri, Files.readString(copy));
				}
			}
		}
		Path stderr = dir.resolve("server.err");
		List<String> memory = new ArrayList<>();
		try (ServerProcess lsp = new ServerProcess(dir, stderr)) {
			Process process = lsp.process;
			LanguageServer server = lsp.server;
			DiagnosticsClient editor = lsp.editor;
			for (Map.Entry<String, String> file : originals.entrySet()) {
				texts.put(file.getKey(), file.getValue());
				versions.put(file.getKey(), 1);
				editor.clear();
				server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(file.getKey(), "zknet", 1, file.getValue())));
				editor.next(file.getKey(), TIMEOUT);
			}
			List<String> uris = new ArrayList<>(originals.keySet());
			memory.add("heap at the start " + (heapAfterGc(process.pid()) >> 20) + " MiB, RSS " + (rss(process.pid()) >> 20) + " MiB");
			long heapAtStart = 0;
			for (int i = 0; i < EDITS && failures.size() < 5; i++) {
				String uri = uris.get(random.nextInt(uris.size()));
				edit(server, editor, uri, i % 40 == 39 ? originals.get(uri) : null);
				for (int r = random.nextInt(3); r > 0; r--) {
					request(server, editor, uri);
				}
				if (i == EDITS / 10) {
					heapAtStart = heapAfterGc(process.pid());
					memory.add("heap after " + i + " edits " + (heapAtStart >> 20) + " MiB, RSS " + (rss(process.pid()) >> 20) + " MiB");
				} else if (i == EDITS / 2) {
					memory.add("after " + i + " edits " + (heapAfterGc(process.pid()) >> 20) + " MiB, RSS " + (rss(process.pid()) >> 20) + " MiB");
				}
				if (i % 500 == 499) {
					compareWithTheCommandLine(server, editor, dir);
				}
			}
			compareWithTheCommandLine(server, editor, dir);
			long heapAtEnd = heapAfterGc(process.pid());
			memory.add("heap at the end " + (heapAtEnd >> 20) + " MiB, RSS " + (rss(process.pid()) >> 20) + " MiB");
			if (heapAtStart > 0 && heapAtEnd > Math.max(heapAtStart * 3 / 2, heapAtStart + (64L << 20))) {
				failures.add("the heap grew from " + (heapAtStart >> 20) + " MiB to " + (heapAtEnd >> 20) + " MiB over the session");
			}
			lsp.shutdown();
		}
		Collections.sort(latencies);
		System.out.println("zknet soak: seed " + SEED + ", " + latencies.size() + " edits, " + requests + " requests; edit to diagnostics median "
				+ latencies.get(latencies.size() / 2) + " ms, p95 " + latencies.get(latencies.size() * 95 / 100) + " ms; " + String.join("; ", memory));
		// Xtext logs its refusal of a rename where nothing can be renamed as an error; that answer is expected, any other is not
		String log = Files.readString(stderr);
		List<String> faults = log.lines().filter(l -> !l.strip().startsWith("at ") && l.contains("Exception") && !l.contains("Refactoring cannot be performed"))
				.toList();
		if (!faults.isEmpty()) {
			failures.add("the server logged an exception:\n" + String.join("\n", faults.subList(0, Math.min(20, faults.size()))) + "\n(" + stderr + ")");
		}
		assertEquals(List.of(), failures, () -> String.join("\n\n", failures));
	}

	/** A random edit (or, with {@code replacement}, the whole text), sent as an incremental change; waits for fresh diagnostics. */
	private void edit(LanguageServer server, DiagnosticsClient editor, String uri, String replacement) throws Exception {
		String text = texts.get(uri);
		Range range;
		String inserted;
		if (replacement != null) {
			range = new Range(new Position(0, 0), LspText.position(text, text.length()));
			inserted = replacement;
		} else {
			int start = random.nextInt(text.length() + 1);
			int end = random.nextInt(4) == 0 ? Math.min(text.length(), start + random.nextInt(40)) : start;
			range = new Range(LspText.position(text, start), LspText.position(text, end));
			inserted = random.nextInt(5) == 0 ? "" : SNIPPETS[random.nextInt(SNIPPETS.length)];
		}
		String next = LspText.apply(text, range, inserted);
		texts.put(uri, next);
		int version = versions.merge(uri, 1, Integer::sum);
		editor.clear();
		long started = System.nanoTime();
		server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
				List.of(new TextDocumentContentChangeEvent(range, inserted))));
		try {
			editor.next(uri, TIMEOUT);
			latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		} catch (IllegalStateException none) {
			failures.add("no diagnostics for " + uri + " within " + TIMEOUT + " s after an edit; the text was:\n" + next);
		}
	}

	/** One request at a random position: the answer may be empty, never an internal error or none at all. */
	private void request(LanguageServer server, DiagnosticsClient editor, String uri) throws Exception {
		String text = texts.get(uri);
		Position at = LspText.position(text, random.nextInt(text.length() + 1));
		boolean outside = random.nextInt(20) == 0;
		if (outside) {
			at = random.nextBoolean() ? new Position(at.getLine(), at.getCharacter() + 500) : new Position(LspText.lines(text) + 3, 0);
		}
		boolean beyondTheLastLine = at.getLine() >= LspText.lines(text);
		TextDocumentIdentifier document = new TextDocumentIdentifier(uri);
		Position position = at;
		var service = server.getTextDocumentService();
		switch (random.nextInt(9)) {
			case 0 -> answer("hover", beyondTheLastLine, () -> service.hover(new HoverParams(document, position)));
			case 1 -> answer("completion", beyondTheLastLine, () -> service.completion(new CompletionParams(document, position)));
			case 2 -> answer("definition", beyondTheLastLine, () -> service.definition(new DefinitionParams(document, position)));
			case 3 -> answer("references", beyondTheLastLine,
					() -> service.references(new ReferenceParams(document, position, new ReferenceContext(true))));
			case 4 -> answer("prepareRename", beyondTheLastLine, () -> service.prepareRename(new PrepareRenameParams(document, position)));
			case 5 -> answer("rename", beyondTheLastLine, () -> service.rename(new RenameParams(document, position, "renamed" + random.nextInt(9))));
			case 6 -> answer("symbols", false, () -> service.documentSymbol(new DocumentSymbolParams(document)));
			case 7 -> answer("formatting", false, () -> service.formatting(new DocumentFormattingParams(document, new FormattingOptions(4, false))));
			default -> answer("codeAction", beyondTheLastLine, () -> service.codeAction(new CodeActionParams(document, new Range(position, position),
					new CodeActionContext(List.of()))));
		}
	}

	private void answer(String what, boolean invalidAllowed, Supplier<CompletableFuture<?>> request) throws InterruptedException {
		requests++;
		try {
			request.get().get(TIMEOUT, TimeUnit.SECONDS);
		} catch (TimeoutException e) {
			failures.add(what + " was not answered within " + TIMEOUT + " s");
		} catch (ExecutionException e) {
			// beyond the last line: invalid parameters; a rename where nothing can be renamed: the server says why; nothing else
			boolean expected = e.getCause() instanceof ResponseErrorException error
					&& (invalidAllowed && error.getResponseError().getCode() == ResponseErrorCode.InvalidParams.getValue()
							|| what.equals("rename") && error.getResponseError().getCode() != ResponseErrorCode.InternalError.getValue()
									&& error.getResponseError().getCode() != ResponseErrorCode.InvalidParams.getValue());
			if (!expected) {
				failures.add(what + " failed: " + e.getCause());
			}
		}
	}

	/** Every file back to its original text; then the server's diagnostics must be the command line's, file by file. */
	private void compareWithTheCommandLine(LanguageServer server, DiagnosticsClient editor, Path dir) throws Exception {
		for (String uri : originals.keySet()) {
			if (!texts.get(uri).equals(originals.get(uri))) {
				edit(server, editor, uri, originals.get(uri));
			}
		}
		Thread.sleep(1500);
		Map<String, List<Diagnostic>> published = editor.latest();
		ZknetProcess.Run cli = ZknetProcess.zknet(dir, "validate", ".");
		for (String uri : originals.keySet()) {
			String name = uri.substring(uri.lastIndexOf('/') + 1);
			TreeSet<String> fromCli = new TreeSet<>(cli.err().lines().filter(l -> l.startsWith(name + ":") || l.startsWith("./" + name + ":"))
					.map(l -> l.replaceFirst("^\\./", "")).toList());
			TreeSet<String> fromServer = new TreeSet<>();
			for (Diagnostic d : published.getOrDefault(uri, List.of())) {
				fromServer.add(name + ":" + (d.getRange().getStart().getLine() + 1) + ":" + (d.getRange().getStart().getCharacter() + 1) + ": "
						+ d.getSeverity().toString().toLowerCase().replace("information", "info") + " [" + d.getCode().getLeft() + "] " + d.getMessage());
			}
			if (!fromCli.equals(fromServer)) {
				failures.add("after " + latencies.size() + " edits, back at the original text, " + name + " has these diagnostics in the server:\n"
						+ String.join("\n", fromServer) + "\nand these on the command line:\n" + String.join("\n", fromCli));
			}
		}
	}

	private static long heapAfterGc(long pid) throws IOException, InterruptedException {
		String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
		ZknetProcess.run(Path.of("."), List.of(jcmd, Long.toString(pid), "GC.run"));
		ZknetProcess.Run info = ZknetProcess.run(Path.of("."), List.of(jcmd, Long.toString(pid), "GC.heap_info"));
		java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info.out());
		long total = 0;
		while (used.find()) {
			total += Long.parseLong(used.group(1)) << 10;
		}
		return total;
	}

	private static long rss(long pid) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", "")) << 10;
			}
		}
		return 0;
	}
}
