package org.zkvm.dsl.tests.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.Test;
import org.zkvm.dsl.analysis.Ipv4Address;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.analysis.PrefixIndex;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.NetworkIndex;
import org.zkvm.dsl.topology.NetworkIndex.AddressUse;
import org.zkvm.dsl.topology.NetworkIndexProvider;
import org.zkvm.dsl.zknet.Model;

/**
 * The whole network's index over several files: every LPAR and NIC, every address with its owner
 * (written, derived from a scheme, either side of a point-to-point link), host subnets nested at
 * several prefix lengths, the routed bridges' guest subnets, and duplicates across files.
 */
class NetworkIndexTest {

	private static final Map<String, String> FILES = Map.of("a.zknet", """
			network production 10.0.0.0/8
			scheme s { vnic "10.136.{id}.254/24" }
			cec A {
				chpid 10 osd
				lpar A1 id 1 kvm scheme s {
					osa oa device 0.0.f500 chpid 10 address 10.1.0.1/16
					ovs bra routed address auto
					guest g1 { nic n1 on bra address 10.136.1.1/24 }
				}
			}
			""", "b.zknet", """
			cec B {
				chpid 10 osd
				lpar B1 id 2 kvm {
					osa ob device 0.0.f500 chpid 10 address 10.1.0.2/16 address 10.1.7.1/24
					ovs att attached ob address 10.1.0.1/16
					ovs brb routed address 10.137.2.254/25
					guest g2 { nic n2 on brb address 10.137.2.129/25 nic n3 macvtap ob }
				}
				lpar B2 id 3 zvm
			}
			zvm PLEX {
				system S1
				guest LINUXA on S1
				guest LINUXB on S1
				iucv link1 LINUXA <-> LINUXB mtu 9000 address 10.9.9.1 <-> 10.9.9.2
			}
			""");

	private static final LoadedModel MODEL = Workspace.load(FILES);

	private static NetworkIndex index() {
		return Workspace.injector().getInstance(NetworkIndexProvider.class).get(MODEL.models().get(0));
	}

	private static String uses(List<AddressUse> uses) {
		// across files, in the order the files were loaded: sorted here
		return uses.stream().map(u -> u.ownerPath() + " " + u.prefix() + " " + u.feature().getName() + " " + (u.lpar() == null ? "-" : u.lpar().getName()))
				.sorted().toList().toString();
	}

	private static <T> String owners(List<PrefixIndex.Entry<T>> entries) {
		return entries.stream().map(e -> e.subnet() + " " + (e.owner() instanceof AddressUse u ? u.ownerPath() : Hosts.path((EObject) e.owner()))).toList()
				.toString();
	}

	private static String sorted(String list) {
		List<String> items = new ArrayList<>(List.of(list.substring(1, list.length() - 1).split(", ")));
		items.sort(null);
		return items.toString();
	}

	@Test
	void oneIndexForEveryFileOfTheModel() {
		List<Model> models = MODEL.models();
		assertEquals(2, models.size());
		NetworkIndexProvider provider = Workspace.injector().getInstance(NetworkIndexProvider.class);
		assertSame(provider.get(models.get(0)), provider.get(models.get(1)));
		assertEquals("[A1, B1, B2]", index().lpars().stream().map(l -> l.getName()).sorted().toList().toString());
		assertEquals("[A1.g1.n1, B1.g2.n2, B1.g2.n3]", index().nics().stream().map(Hosts::path).sorted().toList().toString());
	}

	@Test
	void everyAddressWithItsOwnerAndWhereItIsWritten() {
		NetworkIndex index = index();
		assertEquals("[A1.bra 10.136.1.254/24 derived A1]", uses(index.addresses().owners(Ipv4Address.parse("10.136.1.254"))));
		assertEquals("[B1.g2.n2 10.137.2.129/25 address B1]", uses(index.addresses().owners(Ipv4Address.parse("10.137.2.129"))));
		assertEquals("[PLEX.LINUXA 10.9.9.1/32 leftAddress -]", uses(index.addresses().owners(Ipv4Address.parse("10.9.9.1"))));
		assertEquals("[PLEX.LINUXB 10.9.9.2/32 rightAddress -]", uses(index.addresses().owners(Ipv4Address.parse("10.9.9.2"))));
		assertEquals("[]", uses(index.addresses().owners(Ipv4Address.parse("10.1.0.3"))));
		assertEquals("[10.1.0.1, 10.1.0.2, 10.1.7.1]", index.addresses().within(Ipv4Prefix.parse("10.1.0.0/16")).toString());
	}

	@Test
	void anAddressTwiceAcrossFilesIsADuplicate() {
		List<String> duplicates = index().addresses().duplicates().stream().map(NetworkIndexTest::uses).toList();
		assertEquals(List.of("[A1.oa 10.1.0.1/16 address A1, B1.att 10.1.0.1/16 address B1]"), duplicates);
	}

	@Test
	void hostInterfacesButNotNicsOrZvmGuestsAreHosts() {
		NetworkIndex index = index();
		assertEquals("[B1.ob 10.1.0.2/16 address B1]", uses(index.hostInterfacesWith(Ipv4Address.parse("10.1.0.2"))));
		assertEquals("[]", uses(index.hostInterfacesWith(Ipv4Address.parse("10.137.2.129"))), "a guest's NIC");
		assertEquals("[]", uses(index.hostInterfacesWith(Ipv4Address.parse("10.9.9.1"))), "a z/VM guest");
	}

	@Test
	void hostSubnetsMostSpecificFirstAndGuestSubnetsOfRoutedBridgesOnly() {
		NetworkIndex index = index();
		List<PrefixIndex.Entry<AddressUse>> on17 = index.hostSubnets().containing(Ipv4Address.parse("10.1.7.77"));
		assertEquals("[10.1.7.0/24 B1.ob]", owners(on17.subList(0, 1)), "the /24 before the /16s");
		assertEquals("[10.1.0.0/16 A1.oa, 10.1.0.0/16 B1.att, 10.1.0.0/16 B1.ob]", sorted(owners(on17.subList(1, on17.size()))));
		assertEquals("[10.1.0.0/16 A1.oa, 10.1.0.0/16 B1.att, 10.1.0.0/16 B1.ob]", sorted(owners(index.hostSubnets().equalTo(Ipv4Prefix.parse("10.1.0.0/16")))));
		assertEquals("[10.137.2.128/25 B1.brb]", owners(index.hostSubnets().containing(Ipv4Address.parse("10.137.2.130"))), "a bridge's internal port");
		assertEquals("[10.136.1.0/24 A1.bra, 10.137.2.128/25 B1.brb]",
				index.guestSubnets().entries().stream().map(e -> e.subnet() + " " + Hosts.path(e.owner())).sorted().toList().toString());
		assertEquals("[]", owners(index.hostSubnets().containing(Ipv4Address.parse("10.9.9.1"))), "point-to-point addresses are no host subnets");
	}
}
