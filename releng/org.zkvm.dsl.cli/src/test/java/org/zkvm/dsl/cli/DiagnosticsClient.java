package org.zkvm.dsl.cli;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * An editor's side of the language server as the process test and the benchmark need it: it
 * keeps what the server publishes, in order, and answers the rest with nothing.
 */
public final class DiagnosticsClient implements LanguageClient {

	private final LinkedBlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
	private final java.util.Map<String, List<Diagnostic>> latest = new java.util.concurrent.ConcurrentHashMap<>();

	/** The last diagnostics published for each document. */
	public java.util.Map<String, List<Diagnostic>> latest() {
		return java.util.Map.copyOf(latest);
	}

	/** Forgets what was published so far: the next {@link #next} waits for what comes after. */
	public void clear() {
		published.clear();
	}

	/** The next diagnostics published for {@code uri}, waiting at most {@code seconds}. */
	public List<Diagnostic> next(String uri, int seconds) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (true) {
			PublishDiagnosticsParams params = published.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (params == null) {
				throw new IllegalStateException("no diagnostics for " + uri + " within " + seconds + " s");
			}
			if (params.getUri().equals(uri)) {
				return params.getDiagnostics();
			}
		}
	}

	@Override
	public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
		latest.put(diagnostics.getUri(), diagnostics.getDiagnostics());
		published.add(diagnostics);
	}

	@Override
	public void telemetryEvent(Object object) {
	}

	@Override
	public void showMessage(MessageParams message) {
	}

	@Override
	public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public void logMessage(MessageParams message) {
	}
}
