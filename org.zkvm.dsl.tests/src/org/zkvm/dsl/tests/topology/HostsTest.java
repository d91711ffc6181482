package org.zkvm.dsl.tests.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.zknet.Guest;
import org.zkvm.dsl.zknet.HiperSocketsInterface;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Network;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.QethInterface;

/**
 * Effective values of hosts and interfaces: layers, MTUs and their ranges with Linux's defaults
 * (OSA at both layers, HiperSockets at every frame size, bridges attached and routed, NICs),
 * names, forwarding and proxy_arp lists in the order written, a guest's distribution, and how
 * elements are named in messages.
 */
class HostsTest {

	private static final String SITE = """
			network production 10.0.0.0/8
			cec C {
				chpid 10 osd
				chpid F4 iqd HS64 frame 64K
				chpid F5 iqd HS40 frame 40K
				chpid F6 iqd HSDEF
				lpar L id 1 kvm distro rhel {
					osa o2 device 0.0.F500,0.0.f501,0.0.f502 chpid 10
					osa o3 device 0.1.0500 chpid 10 layer 3
					osa o9 device 0.0.f5000 chpid 10 layer 2 mtu 8000
					hipersockets h64 on HS64 device 0.0.7000
					hipersockets h40 on HS40 device 0.0.7100 layer 2
					hipersockets hdef on HSDEF device 0.0.7200 mtu 4096
					hipersockets h64b on HS64 device 0.0.7001
					ovs att attached o9
					ovs rt routed
					ovs att2 attached o2 mtu 1400
					forwarding on rt, o2
					proxy-arp on att
					forwarding on o2, o9
					proxy-arp on att, rt
					guest g1 { nic n1 on rt nic n2 macvtap o3 route default via 10.1.1.1 nic n3 on att }
					guest g2 distro suse { nic n4 on att mtu 9000 nic n5 on rt }
					guest g3 distro ubuntu
				}
				lpar Z id 0x21 zos
				lpar V id 3 zvm
				lpar X id 4 linux { forwarding global }
			}
			""";

	private static final LoadedModel MODEL = Workspace.load(SITE);

	private static <T extends EObject> T named(Class<T> type, String name) {
		return Workspace.named(MODEL, type, name);
	}

	private static String names(List<? extends EObject> elements) {
		return elements.stream().map(Hosts::path).toList().toString();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			// interface | layer | MTU | MTU range | layer 2 | udev name
			"o2 | 2 | 1500 | 576-9000 | true | encf500",
			"o3 | 3 | 1492 | 576-8992 | false | enc1.0500",
			"o9 | 2 | 8000 | 576-9000 | true | ",
			"h64 | 3 | 57344 | 576-57344 | false | enc7000",
			"h40 | 2 | 32768 | 576-32768 | true | enc7100",
			"hdef | 3 | 4096 | 576-8192 | false | enc7200",
	})
	void qethInterfacesWithLinuxsDefaults(String name, int layer, int mtu, String range, boolean layer2, String udev) {
		QethInterface qeth = named(QethInterface.class, name);
		assertEquals(layer, Hosts.layer(qeth), "layer");
		assertEquals(mtu, Hosts.mtu(qeth), "MTU");
		assertEquals(range, Hosts.mtuRange(qeth).toString(), "MTU range");
		assertEquals(layer2, Hosts.isLayer2(qeth), "layer 2");
		assertEquals(udev, Hosts.predictableName(qeth).orElse(null), "predictable name");
	}

	@Test
	void bridgesAndNicsTakeTheMtuOfWhatTheyAreOn() {
		assertEquals(8000, Hosts.mtu(named(HostInterface.class, "att")), "attached: its uplink's");
		assertEquals(1500, Hosts.mtu(named(HostInterface.class, "rt")), "routed: Ethernet's");
		assertEquals(1400, Hosts.mtu(named(HostInterface.class, "att2")), "as written");
		List<String> nics = Stream.of("n1", "n2", "n3", "n4", "n5").map(n -> n + " " + Hosts.mtu(named(Nic.class, n))).toList();
		assertEquals(List.of("n1 1500", "n2 1500", "n3 8000", "n4 9000", "n5 1500"), nics);
		assertEquals(true, Hosts.isLayer2(named(OvsBridge.class, "rt")));
	}

	@Test
	void theUplinkUnderANic() {
		List<String> uplinks = Stream.of("n1", "n2", "n3", "n4").map(n -> n + " " + Hosts.attachedUplink(named(Nic.class, n)).map(Hosts::path).orElse("-")).toList();
		assertEquals(List.of("n1 -", "n2 L.o3", "n3 L.o9", "n4 L.o9"), uplinks);
	}

	@Test
	void hiperSocketsLansAndTheirNames() {
		QethInterface h64 = named(QethInterface.class, "h64");
		assertEquals(true, Hosts.sameHiperSocketsLan(h64, named(QethInterface.class, "h64b")), "one LAN");
		assertEquals(false, Hosts.sameHiperSocketsLan(h64, named(QethInterface.class, "h40")), "two LANs");
		assertEquals(false, Hosts.sameHiperSocketsLan(h64, named(QethInterface.class, "o2")), "HiperSockets and OSA");
		assertEquals(true, Hosts.sameHiperSocketsLan(named(QethInterface.class, "o3"), named(QethInterface.class, "o2")), "two OSA ports");
		assertEquals("HiperSockets LAN C.HS64", Hosts.lanName(h64));
		assertEquals("OSA chpid C.10", Hosts.lanName(named(QethInterface.class, "o3")));
		assertEquals("8192 57344", Hosts.frame(null).mtu() + " " + Hosts.frame(((HiperSocketsInterface) h64).getLan()).mtu());
	}

	@Test
	void forwardingAndProxyArpListTheInterfacesOnceInTheOrderWritten() {
		Lpar l = named(Lpar.class, "L");
		assertEquals("[L.rt, L.o2, L.o9]", names(Hosts.forwardedInterfaces(l)));
		assertEquals("[L.att, L.rt]", names(Hosts.proxyArpInterfaces(l)));
		assertEquals(false, Hosts.forwardsGlobally(l));
		assertEquals(List.of(true, false), List.of(Hosts.forwards(l, named(HostInterface.class, "o9")), Hosts.forwards(l, named(HostInterface.class, "att"))));
		Lpar x = named(Lpar.class, "X");
		assertEquals(true, Hosts.forwardsGlobally(x));
		assertEquals(true, Hosts.forwards(x, named(HostInterface.class, "att")), "global forwarding covers any interface");
		assertEquals("[]", names(Hosts.forwardedInterfaces(x)));
	}

	@Test
	void theOperatingSystemsThatRunLayer3Only() {
		List<String> layer3Only = Stream.of("L", "Z", "V", "X").filter(n -> Hosts.isLayer3Only(named(Lpar.class, n))).toList();
		assertEquals(List.of("Z", "V"), layer3Only);
	}

	@Test
	void aGuestsDistributionIsItsOwnOrItsHosts() {
		// suse is the enum's default value: written, it still overrides the host's rhel
		List<String> distros = Stream.of("g1", "g2", "g3").map(g -> g + " " + Hosts.distribution(named(Guest.class, g))).toList();
		assertEquals(List.of("g1 rhel", "g2 suse", "g3 ubuntu"), distros);
	}

	@Test
	void theNicsOnABridgeAndTheirPlaces() {
		assertEquals("[L.g1.n1, L.g2.n5]", names(Hosts.nicsOn(named(OvsBridge.class, "rt"))));
		assertEquals("[L.g1.n3, L.g2.n4]", names(Hosts.nicsOn(named(OvsBridge.class, "att"))));
		assertEquals("[]", names(Hosts.nicsOn(named(OvsBridge.class, "att2"))));
		List<String> positions = Stream.of("n1", "n2", "n3", "n4", "n5").map(n -> n + " " + Hosts.nicPosition(named(Nic.class, n))).toList();
		assertEquals(List.of("n1 0", "n2 1", "n3 2", "n4 0", "n5 1"), positions, "the route between n2 and n3 does not count");
	}

	@Test
	void howElementsAreNamed() {
		Nic n3 = named(Nic.class, "n3");
		assertEquals("L.g1.n3", Hosts.path(n3));
		assertEquals("C/L.g1.n3", Hosts.sitePath(n3));
		assertEquals("L", Hosts.lparOf(n3).getName());
		assertEquals("C", Hosts.cecOf(n3).getName());
		assertEquals(List.of("guest L.g1", "LPAR Z", "network production", "?"), List.of(Hosts.endpoint(named(Guest.class, "g1")),
				Hosts.endpoint(named(Lpar.class, "Z")), Hosts.endpoint(named(Network.class, "production")), Hosts.endpoint(null)));
		assertEquals(false, Hosts.mac(n3).equals(Hosts.mac(named(Nic.class, "n4"))), "each NIC its own MAC");
		assertEquals("[L.o2, L.o3, L.o9, L.h64, L.h40, L.hdef, L.h64b, L.att, L.rt, L.att2]", names(Hosts.interfaces(named(Lpar.class, "L"))));
		assertEquals("[L.g1, L.g2, L.g3]", names(Hosts.members(named(Lpar.class, "L"), Guest.class)));
	}
}
