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
										+ (partnerFirst ? ", partner declared first" : ""), PitfallVariants.layerModel(device, layer, attach, partner, length, partnerFirst)));
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
}
