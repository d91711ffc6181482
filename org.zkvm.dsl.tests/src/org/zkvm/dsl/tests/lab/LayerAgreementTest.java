package org.zkvm.dsl.tests.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zkvm.dsl.lab.LabNetwork.NodeKind;
import org.zkvm.dsl.lab.LabProbes;
import org.zkvm.dsl.tests.lab.SimulationAgreementTest.Variant;
import org.zkvm.dsl.validation.IssueCodes;

/**
 * The layer checks against the simulation: a KVM guest on an OVS bridge attached to, or on a
 * MacVTap over, an OSA or HiperSockets interface at layer 2 or 3, with a partner on the same LAN
 * (z/OS at layer 3, a Linux LPAR at layer 2 or 3, for OSA also a host of the LAN outside), two
 * prefix lengths of the guest's address and either order. Harm: the guest and the partner do not
 * reach each other (facts §1.3: HiperSockets never converts between layers; facts §2.2: a layer 3
 * OSA or HiperSockets device carries no frames of the guests' own MACs). Codes: layer.guest-to-l3,
 * layer.attach-l3, layer.hipersockets-mix.
 */
class LayerAgreementTest {

	private static final Set<String> CODES = Set.of(IssueCodes.LAYER_GUEST_TO_L3, IssueCodes.LAYER_ATTACH_L3, IssueCodes.LAYER_HIPERSOCKETS_MIX);

	@Test
	void unreachablePartnersAgreeWithTheLayerChecks() {
		List<Variant> variants = new ArrayList<>();
		for (String device : List.of("osa", "hipersockets")) {
			for (int layer : List.of(2, 3)) {
				for (String attach : List.of("ovs", "macvtap")) {
					for (String partner : device.equals("osa") ? List.of("zos", "linux 2", "linux 3", "outside") : List.of("zos", "linux 2", "linux 3")) {
						for (String length : List.of("24", "16")) {
							for (boolean partnerFirst : List.of(false, true)) {
								variants.add(new Variant(device + " layer " + layer + ", guest by " + attach + ", partner " + partner + ", guest /" + length
										+ (partnerFirst ? ", partner declared first" : ""), model(device, layer, attach, partner, length, partnerFirst)));
							}
						}
					}
				}
			}
		}
		List<SimulationAgreementTest.Verdict> verdicts = SimulationAgreementTest.judge(variants, CODES, p -> p.kind() == LabProbes.Kind.REACH && !p.expected()
				&& (p.from().kind() == NodeKind.GUEST || p.to().kind() == NodeKind.GUEST));
		SimulationAgreementTest.assertAgreement(verdicts, 40);
	}

	static String model(String device, int layer, String attach, String partner, String length, boolean partnerFirst) {
		boolean osa = device.equals("osa");
		String vnicc = layer == 2 ? " vnicc learning, flooding" : "";
		String uplink = osa ? "\t\tosa up0 device 0.0.f500 chpid 10 layer " + layer + vnicc + "\n"
				: "\t\thipersockets up0 on HSLAN device 0.0.7000 layer " + layer + vnicc + "\n";
		String guest = attach.equals("ovs") ? "\t\tovs br0 attached up0\n\t\tguest vm11a { nic eth0 on br0 address 172.31.56.10/" + length + " }\n"
				: "\t\tguest vm11a { nic eth0 macvtap up0 address 172.31.56.10/" + length + " }\n";
		String host = "\tlpar LPAR11 id 11 kvm {\n" + uplink + guest + "\t}\n";
		String other = switch (partner) {
			case "zos" -> "\tlpar ZOS1 id 0x21 zos {\n" + partnerDevice(osa, 3, "0.0.f510", "0.0.7020", "172.31.56.3") + "\t}\n";
			case "outside" -> "";
			default -> "\tlpar LIN1 id 0x22 linux {\n" + partnerDevice(osa, Integer.parseInt(partner.substring(6)), "0.0.f510", "0.0.7020", "172.31.56.4") + "\t}\n";
		};
		String network = partner.equals("outside") ? "network production 172.31.56.0/24 gateway 172.31.56.1\n" : "";
		String inNetwork = partner.equals("outside") ? " in production" : "";
		return network + "cec Z13A model z13 {\n\tchpid 10 osd devices F500-F51F\n\tchpid F4 iqd HSLAN frame 64K devices 7000-703F\n"
				+ (partnerFirst ? other + host : host + other).replace("address 172.31.56.10/" + length + " }", "address 172.31.56.10/" + length + inNetwork + " }")
				+ "}\n";
	}

	private static String partnerDevice(boolean osa, int layer, String osaDevice, String hsDevice, String address) {
		return osa ? "\t\tosa p0 device " + osaDevice + " chpid 10 layer " + layer + " address " + address + "/24\n"
				: "\t\thipersockets p0 on HSLAN device " + hsDevice + " layer " + layer + " address " + address + "/24\n";
	}
}
