package org.zkvm.dsl.tests.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.headless.ModelDiagnostic;
import org.zkvm.dsl.tests.Workspace;

/**
 * The VLAN and bond checks on variants, not only on their pitfall files: chpids of one feature or of
 * two, features of the same name in two CECs, lacp on a dedicated and on a shared chpid, VLANs on
 * HiperSockets and OSA at either layer, declarations in either order, an access port with and without
 * 'trunks', and the MTU of a guest behind an Open vSwitch bond.
 */
class VlanBondChecksTest {

	private static final String SITE = """
			network app 10.100.0.0/24
			cec Z17A model z17 {
				chpid 10 osd devices 1000-101F feature OSA1
				chpid 11 osd devices 1100-111F feature %s
				chpid 12 osd devices 1200-121F feature OSA3
				chpid F1 iqd HSA frame 64K
				lpar KVM1 id 0x1A kvm {
					osa p10 device 0.0.1000 chpid 10 layer 2 vnicc learning, flooding
					osa p11 device 0.0.1100 chpid 11 layer 2 vnicc learning, flooding
					%s
				}
				lpar KVM2 id 0x1B kvm {
					osa q12 device 0.0.1200 chpid 12 layer 2 address 10.100.0.99/24 in app
				}
			}
			cec Z17B model z17 {
				chpid 10 osd devices 1000-101F feature OSA1
				lpar KVM3 id 0x2A kvm {
					osa r10 device 0.0.1000 chpid 10 layer 2 address 10.100.0.98/24 in app
				}
			}
			""";

	@ParameterizedTest(name = "{0} | {1}")
	@CsvSource(delimiter = '|', value = {
			// the feature of chpid 11 | KVM1's VLANs, bonds and guests | expected codes (errors and warnings)
			"OSA2 | bond bond0 members p10, p11 address 10.100.0.11/24 | ",
			"OSA1 | bond bond0 members p10, p11 address 10.100.0.11/24 | bond.same-chpid",
			"OSA2 | bond bond0 members p11, p10 address 10.100.0.11/24 | ",
			"OSA2 | ovs br0 bond p10, p11 | ",
			"OSA1 | ovs br0 bond p10, p11 | bond.same-chpid",
			"OSA2 | ovs br0 bond p10, p11 mode balance-tcp | bond.mode",
			"OSA2 | ovs br0 bond p10, p11 mode balance-slb | ",
			// KVM1 alone on chpids 10 and 11 of Z17A (KVM3's chpid 10 is another CEC's): dedicated, lacp is fine
			"OSA2 | bond bond0 members p10, p11 mode lacp address 10.100.0.11/24 | ",
			"OSA2 | bond bond0 members p10, p11 mode balance-alb address 10.100.0.11/24 | bond.mode",
			"OSA2 | bond bond0 members p10, p11 fail-over-mac follow address 10.100.0.11/24 | bond.mode",
			"OSA2 | bond bond0 members p10, p11 fail-over-mac active address 10.100.0.11/24 | ",
			"OSA2 | bond bond0 members p10, p11 primary p11 address 10.100.0.11/24 | ",
			"OSA2 | bond bond0 members p10, p11 mtu 9000 address 10.100.0.11/24 | ",
			"OSA2 | bond bond0 members p10 | ",
			// VLANs: on a bond, on an OSA at layer 2, on layer 3 HiperSockets; ids, MTUs, order
			"OSA2 | bond bond0 members p10, p11 ; vlan v100 on bond0 id 100 address 10.100.0.11/24 | ",
			"OSA2 | vlan v100 on p10 id 100 address 10.100.0.11/24 | ",
			"OSA2 | hipersockets hs on HSA device 0.0.f100 layer 3 ; vlan v300 on hs id 300 mtu 57344 | ",
			"OSA2 | hipersockets hs on HSA device 0.0.f100 layer 3 ; vlan v300 on hs id 300 mtu 57345 | vlan.mtu",
			"OSA2 | vlan v100 on p10 id 1 ; vlan v200 on p10 id 4094 | ",
			"OSA2 | vlan v100 on p10 id 0 | vlan.id",
			"OSA2 | vlan v100 on p10 id 100 ; vlan v200 on p10 id 100 | vlan.id",
			"OSA2 | vlan v200 on p10 id 100 ; vlan v100 on p10 id 100 | vlan.id",
			"OSA2 | vlan v100 on p10 id 100 ; vlan v200 on p11 id 100 | ",
			"OSA2 | bond bond0 members p10, p11 ; vlan v100 on p10 id 100 | vlan.parent bond.member",
			// access ports
			"OSA2 | ovs br0 bond p10, p11 ; guest g1 { nic lan0 on br0 vlan 100 } | ",
			"OSA2 | ovs br0 bond p10, p11 trunks 100, 200 ; guest g1 { nic lan0 on br0 vlan 200 } | ",
			"OSA2 | ovs br0 bond p10, p11 trunks 100 ; guest g1 { nic lan0 on br0 vlan 200 } | vlan.access-port",
			"OSA2 | ovs br0 routed address 10.101.0.254/24 ; guest g1 { nic lan0 on br0 vlan 200 } | vlan.access-port",
			// the admin's way in on a bond member, or on the bond
			"OSA2 | management p10 ; bond bond0 members p10, p11 address 10.100.0.11/24 | mgmt.enslaved",
			"OSA2 | management p11 ; ovs br0 bond p10, p11 | mgmt.enslaved",
			"OSA2 | management bond0 address 10.100.0.11/24 ; bond bond0 members p10, p11 address 10.100.0.11/24 | ",
			// a guest behind an Open vSwitch bond: its MTU against the members'
			"OSA2 | ovs br0 bond p10, p11 ; guest g1 { nic lan0 on br0 mtu 1500 } | ",
			"OSA2 | ovs br0 bond p10, p11 ; guest g1 { nic lan0 on br0 mtu 9000 } | mtu.attached-uplink",
	})
	void variant(String feature, String members, String expected) {
		String text = SITE.formatted(feature, members.replace(" ; ", "\n"));
		LoadedModel model = Workspace.load(Map.of("site.zknet", text));
		List<String> codes = model.diagnostics().stream().filter(d -> d.severity() != ModelDiagnostic.Severity.INFO).map(ModelDiagnostic::code).sorted().toList();
		List<String> wanted = expected == null ? List.of() : List.of(expected.split(" ")).stream().sorted().toList();
		assertEquals(wanted, codes, () -> text + "\n" + Workspace.describe(model.diagnostics()));
	}
}
