package org.zkvm.dsl.validation;

import java.util.List;
import java.util.stream.StreamSupport;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IContainer;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.eclipse.xtext.util.Strings;
import org.zkvm.dsl.scoping.ElementKinds;
import org.zkvm.dsl.zknet.Model;

import com.google.inject.Inject;

/**
 * Names are unique across the files of a site, not only within one: Xtext's own check sees one
 * file, and with two files that both declare 'network production' every reference would bind to
 * whichever the index returns first. Each element a file exports is looked up in the other files
 * it sees; one of the same kind under the same qualified name is a name.duplicate, reported in
 * both files.
 */
public class CrossFileNamesValidator extends ZknetCheckBase {

	@Inject
	private ResourceDescriptionsProvider descriptionsProvider;

	@Inject
	private IContainer.Manager containers;

	@Inject
	private IResourceDescription.Manager descriptionManager;

	@Inject
	private IQualifiedNameProvider names;

	@Check(CheckType.NORMAL)
	public void checkAcrossFiles(Model model) {
		Resource resource = model.eResource();
		if (resource == null || resource.getResourceSet() == null) {
			return;
		}
		IResourceDescriptions index = descriptionsProvider.getResourceDescriptions(resource);
		IResourceDescription own = descriptionManager.getResourceDescription(resource);
		List<IContainer> visible = containers.getVisibleContainers(own, index);
		URI uri = resource.getURI();
		for (IEObjectDescription exported : own.getExportedObjects()) {
			QualifiedName name = exported.getQualifiedName();
			for (IContainer container : visible) {
				URI other = StreamSupport.stream(container.getExportedObjects(exported.getEClass(), name, false).spliterator(), false)
						.map(d -> d.getEObjectURI().trimFragment()).filter(u -> !u.equals(uri)).findFirst().orElse(null);
				if (other != null) {
					EObject element = resource.getEObject(exported.getEObjectURI().fragment());
					if (element != null && name.equals(names.getFullyQualifiedName(element))) {
						reportError(IssueCodes.DUPLICATE_NAME, "the name '" + Strings.emptyIfNull(name.toString()) + "' is used twice: this "
								+ ElementKinds.describe(exported.getEClass()) + " and one in " + other.lastSegment()
								+ " cannot both be referred to by it; rename one or remove one file", element, element.eClass().getEStructuralFeature("name"));
					}
					break;
				}
			}
		}
	}

}
