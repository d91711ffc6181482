package org.zkvm.dsl.tests.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.topology.Addresses;
import org.zkvm.dsl.zknet.Network;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.OsaInterface;
import org.zkvm.dsl.zknet.OvsBridge;

/**
 * Addresses as the host will carry them: written out at several prefix lengths, malformed, or
 * derived from the LPAR's scheme (its rules' order, the guests' declaration order, the network's
 * length where the template gives none, a decimal or hexadecimal LPAR id).
 */
class AddressesTest {

	private static final String SCHEMED = """
			network production 10.0.0.0/8
			network backup 192.168.0.0/%s
			scheme seed {
				host in production "10.131.{id}.254/8"
				host in production "10.132.{id}.254/8"
				host in backup "192.168.{id}.1"
				vnic "10.136.{id}.254"
				guests "10.136.{id}.{n}/24" %s
			}
			cec C {
				chpid 10 osd
				lpar L id %s kvm scheme seed {
					osa o1 device 0.0.f500 chpid 10 address auto in production
					osa o2 device 0.0.f510 chpid 10 address auto in backup
					ovs br routed address auto
					ovs br2 routed address auto in backup
					%s
					%s
					guest g3 { nic n3 on br address auto }
				}
			}
			""";

	private static final String G1 = "guest g1 { nic n1 on br address auto }";
	private static final String G2 = "guest g2 { nic n2 on br address auto }";

	private static String of(LoadedModel model, Class<? extends EObject> type, String name) {
		EObject owner = Workspace.named(model, type, name);
		return Addresses.of(owner).toString();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "10.131.11.254/8", "10.131.11.254/16", "10.131.11.254/24", "10.131.11.254/31", "10.131.11.254/32", "10.131.11.0/24" })
	void aWrittenAddressResolvesAsWrittenAtAnyPrefixLength(String address) {
		LoadedModel model = Workspace.load("cec C {\n\tchpid 10 osd\n\tlpar L id 1 kvm {\n\t\tosa o1 device 0.0.f500 chpid 10 address " + address
				+ "\n\t}\n}\n");
		assertEquals("[" + address + "]", of(model, OsaInterface.class, "o1"));
	}

	@Test
	void everyAddressOfAnInterfaceInTheOrderWritten() {
		LoadedModel model = Workspace.load("cec C {\n\tchpid 10 osd\n\tlpar L id 1 kvm {\n"
				+ "\t\tosa o1 device 0.0.f500 chpid 10 address 10.2.0.1/16 address 10.1.0.1/24\n"
				+ "\t\tovs br routed\n\t\tguest g { nic n on br address 10.3.0.1/24 address 10.3.1.1/24 }\n\t}\n}\n");
		assertEquals("[10.2.0.1/16, 10.1.0.1/24]", of(model, OsaInterface.class, "o1"));
		assertEquals("[]", of(model, OvsBridge.class, "br"));
		assertEquals("[10.3.0.1/24, 10.3.1.1/24]", of(model, Nic.class, "n"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "10.131.11.254", "10.131.11.254/33", "10.131.11.256/24" })
	void aMalformedOrLengthlessAddressResolvesToNothing(String address) {
		LoadedModel model = Workspace.load("cec C {\n\tchpid 10 osd\n\tlpar L id 1 kvm {\n\t\tosa o1 device 0.0.f500 chpid 10 address " + address
				+ " address 10.1.0.1/24\n\t}\n}\n");
		assertEquals("[10.1.0.1/24]", of(model, OsaInterface.class, "o1"));
	}

	@Test
	void autoAddressesFollowTheSchemeAndTheGuestsDeclarationOrder() {
		LoadedModel model = Workspace.load(SCHEMED.formatted("16", "", "16", G1, G2));
		assertEquals("[10.131.16.254/8]", of(model, OsaInterface.class, "o1"), "the first host rule of the network wins");
		assertEquals("[192.168.16.1/16]", of(model, OsaInterface.class, "o2"), "without a length in the template, the network's");
		assertEquals("[10.136.16.254/24]", of(model, OvsBridge.class, "br"), "the vnic's default length");
		assertEquals("[10.136.16.254/16]", of(model, OvsBridge.class, "br2"), "the vnic in a network takes its length");
		assertEquals("[10.136.16.1/24]", of(model, Nic.class, "n1"));
		assertEquals("[10.136.16.2/24]", of(model, Nic.class, "n2"));
		assertEquals("[10.136.16.3/24]", of(model, Nic.class, "n3"));

		LoadedModel swapped = Workspace.load(SCHEMED.formatted("26", "", "0x21", G2, G1));
		assertEquals("[10.131.33.254/8]", of(swapped, OsaInterface.class, "o1"), "a hexadecimal LPAR id");
		assertEquals("[192.168.33.1/26]", of(swapped, OsaInterface.class, "o2"));
		assertEquals("[10.136.33.2/24]", of(swapped, Nic.class, "n1"), "g1 is declared second");
		assertEquals("[10.136.33.1/24]", of(swapped, Nic.class, "n2"));
	}

	@Test
	void guestNumbersStartAtFromAndStopAtTo() {
		LoadedModel model = Workspace.load(SCHEMED.formatted("16", "from 100 to 101", "16", G1, G2));
		assertEquals("[10.136.16.100/24]", of(model, Nic.class, "n1"));
		assertEquals("[10.136.16.101/24]", of(model, Nic.class, "n2"));
		assertEquals("[]", of(model, Nic.class, "n3"), "the third guest is past 'to'");
	}

	@Test
	void autoWithoutASchemeOrAMatchingRuleResolvesToNothing() {
		LoadedModel model = Workspace.load("""
				network production 10.0.0.0/8
				network other 172.16.0.0/12
				scheme hosts { host in production "10.131.{id}.254/8" }
				cec C {
					chpid 10 osd
					lpar L id 1 kvm { osa o1 device 0.0.f500 chpid 10 address auto in production }
					lpar M id 2 kvm scheme hosts {
						osa o2 device 0.0.f510 chpid 10 address auto in other
						osa o3 device 0.0.f520 chpid 10 address auto
						ovs br routed address auto
						guest g { nic n on br address auto }
					}
				}
				""");
		for (String name : List.of("o1", "o2", "o3")) {
			assertEquals("[]", of(model, OsaInterface.class, name), name);
		}
		assertEquals("[]", of(model, OvsBridge.class, "br"), "no vnic rule");
		assertEquals("[]", of(model, Nic.class, "n"), "no guests rule");
	}

	@Test
	void aNetworksCidrIsItsSubnet() {
		LoadedModel model = Workspace.load("network a 10.1.0.0/16\nnetwork b 192.168.7.0/24\nnetwork c 10.1.2.3/16\nnetwork d 172.16.0.0/33\n");
		assertEquals("Optional[10.1.0.0/16]", Addresses.cidr(Workspace.named(model, Network.class, "a")).toString());
		assertEquals("Optional[192.168.7.0/24]", Addresses.cidr(Workspace.named(model, Network.class, "b")).toString());
		assertEquals("Optional.empty", Addresses.cidr(Workspace.named(model, Network.class, "c")).toString(), "host bits: the converter refuses it");
		assertEquals("Optional.empty", Addresses.cidr(Workspace.named(model, Network.class, "d")).toString());
		assertEquals("Optional.empty", Addresses.cidr(null).toString());
	}

	@Test
	void parsingAcceptsABareAddressAsSlash32() {
		assertEquals("Optional[10.1.2.3/32]", Addresses.parsePrefix("10.1.2.3").toString());
		assertEquals("Optional[10.1.2.3/20]", Addresses.parsePrefix("10.1.2.3/20").toString());
		assertEquals("Optional[10.1.2.3]", Addresses.parseAddress("10.1.2.3/20").toString());
		assertEquals("Optional.empty", Addresses.parsePrefix("10.1.2/20").toString());
		assertEquals("Optional.empty", Addresses.parseAddress("10.1.2.3/40").toString());
		assertEquals("Optional.empty", Addresses.parseAddress(null).toString());
		assertEquals("Optional.empty", Addresses.parsePrefix(null).toString());
	}
}
