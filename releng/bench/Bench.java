import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.zkvm.dsl.ZknetStandaloneSetup;
import org.zkvm.dsl.cli.DiagnosticsClient;
import org.zkvm.dsl.cli.SyntheticNetwork;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.headless.ModelGenerator;
import org.zkvm.dsl.ide.server.ZknetServerModule;

import com.google.inject.Guice;
import com.google.inject.Injector;

/**
 * zknet's benchmark (releng/bench/run): synthetic models of growing size, measured in process
 * (parse + link, validation, generation; medians of several warm runs) and as the user runs them
 * (./zknet generate: wall time and peak memory), the language server's edit-to-diagnostics time
 * against parsing the same file, and Debian's netplan generate for the same hosts. Targets are
 * those of the specification's quality.md; the result is docs/benchmarks.md and one summary line.
 */
public final class Bench {

	record Size(int lpars, int guests) {
		int totalGuests() {
			return lpars * guests;
		}

		String label() {
			return lpars + " × " + guests;
		}
	}

	record InProcess(double parseLink, double validation, double generation, int lines, int files, int outputs) {
	}

	record Process(double wall, long peakRssKb, boolean fitsOneGiB) {
	}

	record Row(Size size, InProcess inProcess, Process process, double netplan, int hosts) {
	}

	record Lsp(int lines, double parse, double editToDiagnostics) {
	}

	/** Warm-up time per measurement in process (besides three runs); none in the smoke run. */
	private final long warmUpNanos;
	/** Language server and parse measurements are short: this many warm-up and measured runs each. */
	static final int LSP_WARM_UP = 20;
	static final int LSP_RUNS = 21;
	/** ./zknet generate runs per size (each a fresh JVM). */
	static final int PROCESS_RUNS = 3;

	private final Path root;
	private final Path work;
	private final int runs;
	private final Injector injector = new ZknetStandaloneSetup().createInjectorAndDoEMFRegistration();

	Bench(Path root, Path work, int runs, long warmUpNanos) {
		this.root = root;
		this.warmUpNanos = warmUpNanos;
		this.work = work;
		this.runs = runs;
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 2 && args[0].equals("--lsp-only")) {
			// the language server part in a JVM of its own, sized as the VS Code extension starts the server
			Path work = Files.createTempDirectory("zknet-bench-lsp");
			Lsp lsp = new Bench(Path.of("."), work, 0, 0).languageServer(Integer.parseInt(args[1]));
			deleteTree(work);
			System.out.printf(Locale.ROOT, "lsp %d %.6f %.6f%n", lsp.lines(), lsp.parse(), lsp.editToDiagnostics());
			System.exit(0);
		}
		boolean quick = List.of(args).contains("--quick");
		boolean smoke = List.of(args).contains("--smoke");
		Path root = Path.of(System.getProperty("zknet.root", ".")).toAbsolutePath().normalize();
		Path out = root.resolve(quick || smoke ? "releng/bench/target/benchmarks-" + (smoke ? "smoke" : "quick") + ".md" : "docs/benchmarks.md");
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals("--out")) {
				out = Path.of(args[i + 1]).toAbsolutePath();
			}
		}
		List<Size> sizes = smoke ? List.of(new Size(2, 2), new Size(4, 2))
				: quick ? List.of(new Size(10, 10), new Size(100, 10))
				: List.of(new Size(10, 10), new Size(100, 10), new Size(100, 100));
		int runs = smoke ? 1 : quick ? 3 : 5;
		Path work = Files.createTempDirectory("zknet-bench");
		try {
			new Bench(root, work, runs, smoke ? 0 : 5_000_000_000L).run(sizes, smoke ? 200 : 5_000, out, quick ? "quick" : smoke ? "smoke" : "full");
		} finally {
			deleteTree(work);
		}
		System.exit(0);
	}

	void run(List<Size> sizes, int lspLines, Path out, String mode) throws Exception {
		List<Row> rows = new ArrayList<>();
		for (Size size : sizes) {
			System.err.printf(Locale.ROOT, "bench: %s (%,d guests) ...%n", size.label(), size.totalGuests());
			Path model = work.resolve("model-" + size.lpars() + "x" + size.guests());
			List<Path> files = SyntheticNetwork.write(model, size.lpars(), size.guests());
			InProcess inProcess = inProcess(files);
			Path generated = work.resolve("out-" + size.lpars() + "x" + size.guests());
			Process process = process(model, generated, size == sizes.get(sizes.size() - 1));
			List<Path> netplanFiles = hostNetplanFiles(generated);
			double netplan = netplan(netplanFiles);
			rows.add(new Row(size, inProcess, process, netplan, netplanFiles.size()));
			System.err.printf(Locale.ROOT, "bench:   parse+link %.3f s, validation %.3f s, generation %.3f s; ./zknet generate %.2f s, %d MiB; netplan %d hosts %.2f s%n",
					inProcess.parseLink(), inProcess.validation(), inProcess.generation(), process.wall(), process.peakRssKb() / 1024,
					netplanFiles.size(), netplan);
		}
		System.err.println("bench: language server ...");
		Lsp lsp = languageServerProcess(lspLines);
		System.err.printf(Locale.ROOT, "bench:   %d lines: parse %.3f s, edit to diagnostics %.3f s%n", lsp.lines(), lsp.parse(), lsp.editToDiagnostics());
		String report = BenchReport.markdown(rows, lsp, mode, runs, machine());
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.err.println("bench: wrote " + root.relativize(out));
		System.out.println(BenchReport.summary(rows, lsp));
	}

	/** Parse + link, validation and generation in this JVM, warm: the median of the runs after one warm-up. */
	InProcess inProcess(List<Path> files) throws IOException {
		IResourceValidator validator = injector.getInstance(IResourceValidator.class);
		ModelGenerator generator = injector.getInstance(ModelGenerator.class);
		List<Double> parse = new ArrayList<>();
		List<Double> validate = new ArrayList<>();
		List<Double> generate = new ArrayList<>();
		int outputs = 0;
		// warm up until the JIT has seen the work (at least three runs and five seconds), then measure
		long warmUntil = System.nanoTime() + warmUpNanos;
		int warmRuns = 0;
		for (int run = 0; run < runs; run++) {
			boolean warming = warmRuns < 3 || System.nanoTime() < warmUntil;
			if (warming) {
				warmRuns++;
				run--;
			}
			System.gc();
			long t0 = System.nanoTime();
			XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
			Map<Path, XtextResource> resources = new LinkedHashMap<>();
			for (Path file : files) {
				XtextResource resource = (XtextResource) resourceSet.createResource(URI.createFileURI(file.toString()));
				try (InputStream in = Files.newInputStream(file)) {
					resource.load(in, resourceSet.getLoadOptions());
				}
				resources.put(file, resource);
			}
			EcoreUtil.resolveAll(resourceSet);
			long t1 = System.nanoTime();
			int errors = 0;
			for (XtextResource resource : resources.values()) {
				for (Issue issue : validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)) {
					if (issue.getSeverity() == Severity.ERROR || issue.getSeverity() == Severity.WARNING) {
						errors++;
						if (errors == 1) {
							System.err.println("bench: the synthetic model is not clean: " + issue);
						}
					}
				}
			}
			long t2 = System.nanoTime();
			if (errors > 0) {
				throw new IllegalStateException("the synthetic model has " + errors + " errors or warnings");
			}
			outputs = generator.configurationAndReport(new LoadedModel(resourceSet, resources, List.of()), CancelIndicator.NullImpl).size();
			long t3 = System.nanoTime();
			if (!warming) {
				parse.add((t1 - t0) / 1e9);
				validate.add((t2 - t1) / 1e9);
				generate.add((t3 - t2) / 1e9);
			}
		}
		int lines = 0;
		for (Path file : files) {
			lines += (int) Files.lines(file).count();
		}
		return new InProcess(median(parse), median(validate), median(generate), lines, files.size(), outputs);
	}

	/** ./zknet -q generate as a user runs it: wall time and peak RSS (GNU time); the largest model also under -Xmx1g. */
	Process process(Path model, Path generated, boolean checkHeap) throws Exception {
		List<Double> walls = new ArrayList<>();
		long peak = 0;
		for (int run = 0; run < PROCESS_RUNS; run++) {
			List<String> command = List.of("/usr/bin/time", "-f", "zknet-bench %e %M", root.resolve("zknet").toString(), "generate", "-q",
					model.toString(), "-o", generated.toString());
			String err = BenchCommands.exec(command);
			String[] fields = err.lines().filter(l -> l.startsWith("zknet-bench ")).findFirst().orElseThrow().split(" ");
			walls.add(Double.parseDouble(fields[1]));
			peak = Math.max(peak, Long.parseLong(fields[2]));
		}
		boolean fits = true;
		if (checkHeap) {
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			Path jar = root.resolve("releng/org.zkvm.dsl.cli/target/zknet.jar");
			fits = BenchCommands.exitOf(List.of(java, "-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss4m", "-jar", jar.toString(), "generate", "-q",
					model.toString(), "-o", generated.toString())) == 0;
		}
		return new Process(median(walls), peak, fits);
	}

	/** The netplan file zknet generated for each KVM host (not the guests'): OUT/CEC/LPAR/netplan/90-zknet.yaml. */
	static List<Path> hostNetplanFiles(Path generated) throws IOException {
		try (Stream<Path> files = Files.walk(generated, 4)) {
			return files.filter(p -> p.getFileName().toString().equals("90-zknet.yaml") && generated.relativize(p).getNameCount() == 4).sorted().toList();
		}
	}

	/** Debian's netplan generate, once per host on that host's configuration, as the outside reference: total wall time. */
	double netplan(List<Path> hostFiles) throws Exception {
		Path roots = work.resolve("netplan");
		List<Path> dirs = new ArrayList<>();
		for (int i = 0; i < hostFiles.size(); i++) {
			Path dir = roots.resolve("host" + i);
			Files.createDirectories(dir.resolve("etc/netplan"));
			Path yaml = dir.resolve("etc/netplan/90-zknet.yaml");
			Files.copy(hostFiles.get(i), yaml);
			Files.setPosixFilePermissions(yaml, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
			dirs.add(dir);
		}
		long t0 = System.nanoTime();
		for (Path dir : dirs) {
			if (BenchCommands.exitOf(List.of("netplan", "generate", "--root-dir", dir.toString())) != 0) {
				throw new IllegalStateException("netplan generate failed on " + dir);
			}
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		deleteTree(roots);
		return seconds;
	}

	/** {@link #languageServer} in a fresh JVM with the extension's default heap (-Xmx1g), as editors run the server. */
	Lsp languageServerProcess(int lines) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		java.lang.Process p = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"), "Bench", "--lsp-only", String.valueOf(lines))
				.redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
			throw new IllegalStateException("the language server benchmark failed: " + out);
		}
		String[] f = out.lines().filter(l -> l.startsWith("lsp ")).findFirst().orElseThrow().split(" ");
		return new Lsp(Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]));
	}

	/** The language server on a workspace with one file of about {@code lines} lines: edit to published diagnostics, against parsing the file. */
	Lsp languageServer(int lines) throws Exception {
		Path ws = work.resolve("lsp");
		int guests = Math.max(1, (lines - 30) / (4 * SyntheticNetwork.LPARS_PER_CEC));
		SyntheticNetwork.write(ws, SyntheticNetwork.LPARS_PER_CEC, guests);
		Path file = ws.resolve("cec1.zknet");
		String text = Files.readString(file);
		int fileLines = (int) text.lines().count();

		List<Double> parses = new ArrayList<>();
		for (int run = 0; run < LSP_WARM_UP + LSP_RUNS; run++) {
			XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
			long t0 = System.nanoTime();
			XtextResource resource = (XtextResource) resourceSet.createResource(URI.createFileURI(file.toString()));
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), resourceSet.getLoadOptions());
			long t1 = System.nanoTime();
			if (run >= LSP_WARM_UP) {
				parses.add((t1 - t0) / 1e9);
			}
		}

		DiagnosticsClient published = new DiagnosticsClient();
		LanguageServerImpl server = Guice.createInjector(ZknetServerModule.create()).getInstance(LanguageServerImpl.class);
		server.connect(published);
		InitializeParams init = new InitializeParams();
		init.setRootUri(ws.toUri().toString());
		init.setWorkspaceFolders(List.of(new WorkspaceFolder(ws.toUri().toString(), "bench")));
		server.initialize(init).get(120, TimeUnit.SECONDS);
		server.initialized(new InitializedParams());
		String uri = new UriExtensions().toUriString(URI.createFileURI(file.toString()));
		server.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "zknet", 1, text)));
		awaitDiagnostics(published, uri);

		// an edit a planner makes: one guest's address, back and forth
		String edited = text.replaceFirst("address 172\\.16\\.1\\.1/24", "address 172.16.1.201/24");
		List<Double> latencies = new ArrayList<>();
		for (int run = 0; run < LSP_WARM_UP + LSP_RUNS; run++) {
			published.clear();
			long t0 = System.nanoTime();
			server.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, run + 2),
					List.of(new TextDocumentContentChangeEvent(run % 2 == 0 ? edited : text))));
			int errors = awaitDiagnostics(published, uri);
			long t1 = System.nanoTime();
			if (errors > 0) {
				throw new IllegalStateException("the edit produced errors");
			}
			if (run >= LSP_WARM_UP) {
				latencies.add((t1 - t0) / 1e9);
			}
		}
		server.shutdown().get(60, TimeUnit.SECONDS);
		return new Lsp(fileLines, median(parses), median(latencies));
	}

	/** Waits for the file's diagnostics; returns how many are errors. */
	private static int awaitDiagnostics(DiagnosticsClient published, String uri) throws InterruptedException {
		return (int) published.next(uri, 120).stream().filter(d -> d.getSeverity() == org.eclipse.lsp4j.DiagnosticSeverity.Error).count();
	}

	private static Map<String, String> machine() throws Exception {
		Map<String, String> m = new LinkedHashMap<>();
		String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
				.map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
		m.put("CPU", cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores available");
		long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal")).findFirst()
				.map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
		m.put("Memory", String.format(Locale.ROOT, "%.1f GiB", memKb / 1024.0 / 1024.0));
		m.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + ", "
				+ Files.readAllLines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("PRETTY_NAME=")).findFirst()
						.map(l -> l.substring(12).replace("\"", "")).orElse("?"));
		m.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " (benchmark JVM: "
				+ String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()) + ")");
		m.put("zknet", "0.1.0-SNAPSHOT, ./zknet runs java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss4m");
		m.put("netplan", BenchCommands.stdout(List.of("dpkg-query", "-W", "-f", "${Version}", "netplan.io")) + " (Debian netplan.io)");
		m.put("Date", LocalDate.now().toString());
		return m;
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}
}
