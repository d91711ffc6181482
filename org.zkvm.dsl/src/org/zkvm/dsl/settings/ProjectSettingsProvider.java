package org.zkvm.dsl.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.zkvm.dsl.validation.IssueCodes;

import com.google.inject.Singleton;

/** Finds and caches the zknet.properties of a model file; re-read when the file changes. */
@Singleton
public class ProjectSettingsProvider {

	private record Cached(FileTime modified, ProjectSettings settings) {
	}

	private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

	public ProjectSettings get(Resource resource) {
		URI uri = resource == null ? null : resource.getURI();
		if (uri == null || !uri.isFile()) {
			return ProjectSettings.NONE;
		}
		Path file = ProjectSettings.find(Paths.get(uri.toFileString()));
		if (file == null) {
			return ProjectSettings.NONE;
		}
		try {
			FileTime modified = Files.getLastModifiedTime(file);
			Cached cached = cache.get(file);
			if (cached == null || !cached.modified().equals(modified)) {
				cached = new Cached(modified, ProjectSettings.read(file, IssueCodes.CONFIGURABLE.keySet()));
				cache.put(file, cached);
			}
			return cached.settings();
		} catch (java.io.IOException | RuntimeException e) {
			return ProjectSettings.read(file, IssueCodes.CONFIGURABLE.keySet());
		}
	}
}
