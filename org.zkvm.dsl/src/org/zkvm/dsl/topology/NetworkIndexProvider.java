package org.zkvm.dsl.topology;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.zkvm.dsl.zknet.Model;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * The whole network a model file belongs to: every zknet file of the index (the command line's
 * file set, the language server's or Eclipse's project), loaded into the file's resource set. The
 * index is cached on the resource set and rebuilt when any file has been re-parsed, so validating
 * N files costs one index, not N.
 */
@Singleton
public class NetworkIndexProvider {

	@Inject
	private ResourceDescriptionsProvider descriptionsProvider;

	@Inject
	private IResourceServiceProvider.Registry registry;

	public NetworkIndex get(EObject context) {
		Resource resource = context.eResource();
		ResourceSet resourceSet = resource == null ? null : resource.getResourceSet();
		if (resourceSet == null) {
			return new NetworkIndex(resource == null ? List.of() : models(List.of(resource)));
		}
		loadIndexedFiles(resourceSet);
		List<Resource> resources = new ArrayList<>(resourceSet.getResources());
		List<Object> key = stamp(resources);
		Cache cache = (Cache) EcoreUtil.getExistingAdapter(resourceSet, Cache.class);
		if (cache == null) {
			cache = new Cache();
			resourceSet.eAdapters().add(cache);
		}
		if (cache.index == null || !cache.key.equals(key)) {
			cache.index = new NetworkIndex(models(resources));
			cache.key = key;
		}
		return cache.index;
	}

	private void loadIndexedFiles(ResourceSet resourceSet) {
		IResourceDescriptions descriptions = descriptionsProvider.getResourceDescriptions(resourceSet);
		for (IResourceDescription description : descriptions.getAllResourceDescriptions()) {
			URI uri = description.getURI();
			if (resourceSet.getResource(uri, false) == null && registry.getResourceServiceProvider(uri) != null
					&& "zknet".equals(uri.fileExtension())) {
				try {
					resourceSet.getResource(uri, true);
				} catch (RuntimeException e) {
					// an unreadable file is reported by its own validation; the network is what can be read
				}
			}
		}
	}

	private static List<Model> models(List<Resource> resources) {
		List<Model> models = new ArrayList<>();
		for (Resource r : resources) {
			if (NetworkIndex.isModelResource(r)) {
				models.add((Model) r.getContents().get(0));
			}
		}
		return models;
	}

	/** Identifies the state of every file: a re-parse gives a new parse result. */
	private static List<Object> stamp(List<Resource> resources) {
		List<Object> key = new ArrayList<>(resources.size() * 2);
		for (Resource r : resources) {
			key.add(r);
			key.add(r instanceof XtextResource x ? x.getParseResult() : r.getContents());
		}
		return key;
	}

	private static final class Cache extends AdapterImpl {
		private List<Object> key = List.of();
		private NetworkIndex index;

		@Override
		public boolean isAdapterForType(Object type) {
			return type == Cache.class;
		}
	}
}
