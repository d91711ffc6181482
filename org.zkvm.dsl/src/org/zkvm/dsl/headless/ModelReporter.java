package org.zkvm.dsl.headless;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.zkvm.dsl.report.CapacityReport;
import org.zkvm.dsl.report.ReportBuilder;
import org.zkvm.dsl.report.ReportHtmlGenerator;
import org.zkvm.dsl.report.ReportJson;
import org.zkvm.dsl.report.ReportMarkdownGenerator;

import com.google.inject.Inject;

/** The capacity and connection report of a whole model, in the formats asked for, in memory. */
public class ModelReporter {

	public enum Format {
		HTML("zknet-report.html"), MD("zknet-report.md"), JSON("zknet-report.json");

		private final String fileName;

		Format(String fileName) {
			this.fileName = fileName;
		}

		public String fileName() {
			return fileName;
		}
	}

	public static final Set<Format> ALL = EnumSet.allOf(Format.class);

	@Inject
	private ReportHtmlGenerator html;
	@Inject
	private ReportMarkdownGenerator markdown;

	/** File name (under {@code folder}) to content. Refuses a model with errors. */
	public Map<String, String> report(LoadedModel model, Set<Format> formats, String folder) {
		if (model.hasErrors()) {
			throw new IllegalStateException("a model with errors gets no report");
		}
		CapacityReport report = ReportBuilder.build(model.models());
		Map<String, String> files = new TreeMap<>();
		for (Format format : formats) {
			String content = switch (format) {
				case HTML -> html.generate(report);
				case MD -> markdown.generate(report);
				case JSON -> ReportJson.render(report);
			};
			files.put(folder + format.fileName(), content);
		}
		return files;
	}
}
