package org.zkvm.dsl.ui;

import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.zkvm.dsl.validation.CatalogueDiagnosticConverter;

import com.google.gson.Gson;

/**
 * The builder's problem markers: one per diagnostic of the saved files, with the catalogue code
 * (docs/checks.md) and the issue data that the quick fixes need.
 */
public final class ProblemMarkers {

	public static final String TYPE = "org.zkvm.dsl.ui.problem";
	/** The catalogue code, e.g. arp.same-subnet. */
	public static final String CODE = "code";
	/** The issue data, a JSON array of strings. */
	public static final String DATA = "data";

	private static final Gson GSON = new Gson();

	private ProblemMarkers() {
	}

	public static boolean isZknet(IMarker marker) {
		try {
			return marker != null && marker.exists() && TYPE.equals(marker.getType());
		} catch (CoreException e) {
			return false;
		}
	}

	public static void create(IResource resource, Issue issue) throws CoreException {
		int severity = switch (issue.getSeverity() == null ? Severity.ERROR : issue.getSeverity()) {
			case ERROR -> IMarker.SEVERITY_ERROR;
			case WARNING -> IMarker.SEVERITY_WARNING;
			default -> IMarker.SEVERITY_INFO;
		};
		if (issue.getSeverity() == Severity.IGNORE) {
			return;
		}
		String code = CatalogueDiagnosticConverter.catalogueCode(issue);
		IMarker marker = resource.createMarker(TYPE);
		marker.setAttribute(IMarker.SEVERITY, severity);
		marker.setAttribute(IMarker.MESSAGE, issue.getMessage() + " [" + code + "]");
		marker.setAttribute(CODE, code);
		if (issue.getLineNumber() != null) {
			marker.setAttribute(IMarker.LINE_NUMBER, issue.getLineNumber());
		}
		if (issue.getOffset() != null && issue.getLength() != null) {
			marker.setAttribute(IMarker.CHAR_START, issue.getOffset().intValue());
			marker.setAttribute(IMarker.CHAR_END, issue.getOffset() + issue.getLength());
		}
		if (issue.getData() != null) {
			marker.setAttribute(DATA, GSON.toJson(issue.getData()));
		}
	}

	/** A problem of a file that is not a model (zknet.properties), at a line. */
	public static void create(IResource resource, int line, int severity, String code, String message) throws CoreException {
		IMarker marker = resource.createMarker(TYPE);
		marker.setAttribute(IMarker.SEVERITY, severity);
		marker.setAttribute(IMarker.MESSAGE, message + " [" + code + "]");
		marker.setAttribute(CODE, code);
		marker.setAttribute(IMarker.LINE_NUMBER, line);
	}

	/** A marker's message without the code the Problems view shows after it. */
	public static String message(IMarker marker) {
		String message = marker.getAttribute(IMarker.MESSAGE, "");
		String code = marker.getAttribute(CODE, null);
		String suffix = " [" + code + "]";
		return code != null && message.endsWith(suffix) ? message.substring(0, message.length() - suffix.length()) : message;
	}

	/** The issue data stored with a marker; empty when it has none. */
	public static List<String> data(IMarker marker) {
		String json = marker.getAttribute(DATA, null);
		if (json == null) {
			return List.of();
		}
		String[] data = GSON.fromJson(json, String[].class);
		return data == null ? List.of() : java.util.Arrays.asList(data);
	}
}
