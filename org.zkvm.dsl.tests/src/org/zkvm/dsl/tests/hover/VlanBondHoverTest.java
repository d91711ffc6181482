package org.zkvm.dsl.tests.hover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.junit.jupiter.api.Test;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.ide.hover.HoverFacts;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Model;

/** The hover facts of examples/enterprise's bonds and VLANs: a bond's members with their chpids and features, a VLAN's parent and MTU. */
class VlanBondHoverTest {

	private static final LoadedModel ENTERPRISE = Workspace.loadPaths(Workspace.root().resolve("examples/enterprise"));

	private static String hover(String lpar, String name) {
		for (Model model : ENTERPRISE.models()) {
			for (HostInterface iface : EcoreUtil2.getAllContentsOfType(model, HostInterface.class)) {
				EObject container = iface.eContainer();
				if (iface.getName().equals(name) && container instanceof Lpar l && l.getName().equals(lpar)) {
					return HoverFacts.of(iface).orElseThrow();
				}
			}
		}
		throw new AssertionError(lpar + "." + name + " not in examples/enterprise");
	}

	@Test
	void aBondShowsItsSettingsAndEachMembersChpidAndFeature() {
		assertEquals("""
				**Bond bond0** on KVMA1
				- mode active-backup, miimon 100 ms, fail_over_mac active, primary p10
				- MTU 1500 (not written), set on every member
				- members:
				  - p10 (chpid 10, feature OSA1, layer 2)
				  - p11 (chpid 11, feature OSA2, layer 2)""", hover("KVMA1", "bond0"));
	}

	@Test
	void aVlanShowsItsParentAndTheMtuItGets() {
		assertEquals("""
				**VLAN 100 interface app100** on KVMA1
				- on bond0 (OSA chpid Z17A.10 and OSA chpid Z17A.11), whose MTU is 1500
				- MTU 1500 (not written: the parent's)
				- address 10.100.0.11/24""", hover("KVMA1", "app100"));
	}

	@Test
	void aBridgeWithAnOpenVSwitchBondShowsItsMembersAndTrunks() {
		assertEquals("""
				**Open vSwitch bridge br-vlan** on KVMA2
				- an Open vSwitch bond (active-backup) of:
				  - p12 (chpid 10, feature OSA1, layer 2)
				  - p13 (chpid 11, feature OSA2, layer 2)
				- its port to the LAN carries VLANs 100, 200
				- MTU 1500 (not written: the uplink's)
				- 2 guest NICs""", hover("KVMA2", "br-vlan"));
	}
}
