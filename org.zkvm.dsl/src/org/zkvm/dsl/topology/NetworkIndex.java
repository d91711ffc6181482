package org.zkvm.dsl.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.zkvm.dsl.analysis.AddressIndex;
import org.zkvm.dsl.analysis.Ipv4Address;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.analysis.IpPrefix;
import org.zkvm.dsl.analysis.Ipv6Address;
import org.zkvm.dsl.analysis.Ipv6Prefix;
import org.zkvm.dsl.analysis.PrefixIndex;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.InterfaceAddress;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Model;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.PointToPointLink;
import org.zkvm.dsl.zknet.ZknetPackage;

/**
 * Every address and subnet of the whole model (all files), indexed once: by address for
 * duplicates and gateway look-ups, by subnet for "who is on this LAN" and guest-subnet overlaps.
 * Built by {@link NetworkIndexProvider}, which caches it until a file changes.
 */
public final class NetworkIndex {

	/**
	 * One address of the network: {@code element} and {@code feature} locate it in the model (an
	 * interface address, or one side of a point-to-point link), {@code owner} is the interface, NIC or
	 * z/VM guest that carries it, {@code lpar} the host (null for z/VM guests).
	 */
	public record AddressUse(EObject element, EStructuralFeature feature, IpPrefix prefix, EObject owner, Lpar lpar) {
		public String ownerPath() {
			return Hosts.path(owner);
		}
	}

	private final List<Lpar> lpars = new ArrayList<>();
	private final AddressIndex<AddressUse> addresses = new AddressIndex<>();
	private final PrefixIndex<AddressUse> hostSubnets = new PrefixIndex<>();
	private final PrefixIndex<OvsBridge> guestSubnets = new PrefixIndex<>();
	private final Map<Ipv6Address, List<AddressUse>> ipv6Addresses = new HashMap<>();
	private final List<Map.Entry<Ipv6Prefix, OvsBridge>> guestSubnetsIpv6 = new ArrayList<>();
	private final List<Nic> nics = new ArrayList<>();

	NetworkIndex(List<Model> models) {
		ZknetPackage p = ZknetPackage.eINSTANCE;
		for (Model model : models) {
			for (var it = model.eAllContents(); it.hasNext();) {
				EObject element = it.next();
				if (element instanceof Lpar lpar) {
					lpars.add(lpar);
				} else if (element instanceof Nic nic) {
					nics.add(nic);
				} else if (element instanceof InterfaceAddress address) {
					EObject owner = address.eContainer();
					Lpar lpar = Hosts.lparOf(owner);
					Addresses.resolveIpv6(address).ifPresent(prefix -> {
						AddressUse use = new AddressUse(address, Addresses.isAuto(address) ? p.getInterfaceAddress_Derived() : p.getInterfaceAddress_Address(), prefix, owner, lpar);
						ipv6Addresses.computeIfAbsent(prefix.address(), k -> new ArrayList<>(1)).add(use);
						if (owner instanceof OvsBridge bridge && bridge.isRouted()) {
							guestSubnetsIpv6.add(Map.entry(prefix.subnet(), bridge));
						}
					});
					Addresses.resolve(address).ifPresent(prefix -> {
						AddressUse use = new AddressUse(address, Addresses.isAuto(address) ? p.getInterfaceAddress_Derived() : p.getInterfaceAddress_Address(), prefix, owner, lpar);
						addresses.add(prefix.address(), use);
						if (owner instanceof HostInterface) {
							hostSubnets.add(prefix, use);
						}
						if (owner instanceof OvsBridge bridge && bridge.isRouted()) {
							guestSubnets.add(prefix, bridge);
						}
					});
				} else if (element instanceof PointToPointLink link) {
					Addresses.parseAddress(link.getLeftAddress()).ifPresent(a -> addresses.add(a,
							new AddressUse(link, p.getPointToPointLink_LeftAddress(), new Ipv4Prefix(a, 32), link.getLeft(), null)));
					Addresses.parseAddress(link.getRightAddress()).ifPresent(a -> addresses.add(a,
							new AddressUse(link, p.getPointToPointLink_RightAddress(), new Ipv4Prefix(a, 32), link.getRight(), null)));
				}
			}
		}
	}

	/** Every group of two or more uses of one IPv6 address. */
	public List<List<AddressUse>> ipv6Duplicates() {
		return ipv6Addresses.values().stream().filter(l -> l.size() > 1).toList();
	}

	/** The uses of an IPv6 address. */
	public List<AddressUse> ipv6Owners(Ipv6Address address) {
		return ipv6Addresses.getOrDefault(address, List.of());
	}

	/** The IPv6 subnets of routed bridges (the hosts' guest subnets), each with its bridge. */
	public List<Map.Entry<Ipv6Prefix, OvsBridge>> guestSubnetsIpv6() {
		return guestSubnetsIpv6;
	}

	/** Every guest NIC of the site. */
	public List<Nic> nics() {
		return nics;
	}

	public List<Lpar> lpars() {
		return lpars;
	}

	public AddressIndex<AddressUse> addresses() {
		return addresses;
	}

	/** The subnets of host interfaces (OSA, HiperSockets, OVS internal ports). */
	public PrefixIndex<AddressUse> hostSubnets() {
		return hostSubnets;
	}

	/** The subnets of routed OVS bridges: the guests' subnets. */
	public PrefixIndex<OvsBridge> guestSubnets() {
		return guestSubnets;
	}

	/** The host interface with this address, if any; NICs and z/VM guests are not hosts. */
	public List<AddressUse> hostInterfacesWith(Ipv4Address address) {
		return addresses.owners(address).stream().filter(u -> u.owner() instanceof HostInterface).toList();
	}

	static boolean isModelResource(Resource resource) {
		return !resource.getContents().isEmpty() && resource.getContents().get(0) instanceof Model;
	}
}
