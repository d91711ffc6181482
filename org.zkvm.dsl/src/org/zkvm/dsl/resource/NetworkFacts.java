package org.zkvm.dsl.resource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.zknet.HiperSocketsInterface;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.HostRoute;
import org.zkvm.dsl.zknet.InterfaceAddress;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.LparMember;
import org.zkvm.dsl.zknet.Network;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.ZknetPackage;

/**
 * What a named element contributes to the checks that look at the whole network (addr.duplicate,
 * route.two-paths, route.asymmetric, layer.hipersockets-mix, hipersockets.cross-cec): its written
 * addresses and their subnets, its routes' destinations and gateways, its HiperSockets LAN. The
 * index keeps them with the element's description, so that a change to them in one file makes the
 * language server check again every file that shares one of them. Read from the text as written:
 * indexing resolves no references.
 */
public final class NetworkFacts {
	/** The user data key of the facts in an element's description. */
	public static final String KEY = "net";

	private NetworkFacts() {
	}

	/** The facts of an element, space-separated; empty when it has none. */
	public static String of(EObject element) {
		Set<String> facts = new TreeSet<>();
		if (element instanceof HostInterface iface) {
			iface.getAddresses().forEach(a -> address(a, facts));
			if (iface instanceof HiperSocketsInterface hs) {
				NodeModelUtils.findNodesForFeature(hs, ZknetPackage.eINSTANCE.getHiperSocketsInterface_Lan())
						.forEach(node -> facts.add("l:" + NodeModelUtils.getTokenText(node)));
			}
		} else if (element instanceof Nic nic) {
			nic.getAddresses().forEach(a -> address(a, facts));
		} else if (element instanceof Network network) {
			prefix(network.getCidr(), facts);
		} else if (element instanceof Lpar lpar) {
			for (LparMember member : lpar.getMembers()) {
				if (member instanceof HostRoute route) {
					prefix(route.getDestination(), facts);
					prefix(route.getGateway(), facts);
				}
			}
		}
		return String.join(" ", facts);
	}

	/** Every fact of a file, from its index entry. */
	public static Set<String> of(IResourceDescription description) {
		Set<String> facts = new TreeSet<>();
		if (description != null) {
			for (IEObjectDescription exported : description.getExportedObjects()) {
				String value = exported.getUserData(KEY);
				if (value != null && !value.isEmpty()) {
					facts.addAll(List.of(value.split(" ")));
				}
			}
		}
		return facts;
	}

	private static void address(InterfaceAddress address, Set<String> facts) {
		prefix(address.getAddress(), facts);
	}

	private static void prefix(String text, Set<String> facts) {
		if (text == null) {
			return;
		}
		try {
			Ipv4Prefix prefix = Ipv4Prefix.parse(text, false);
			facts.add("a:" + prefix.address());
			facts.add("s:" + prefix.subnet());
		} catch (RuntimeException malformed) {
			// the value converter reports it
		}
	}
}
