package org.zkvm.dsl.cli;

/**
 * An error-free model of many KVM hosts on one CEC, each with an OSA in the production network,
 * a routed OVS bridge, forwarding under a forward filter, NAT, and guests with a default route.
 */
final class SyntheticModel {
	private SyntheticModel() {
	}

	static String text(int lpars, int guestsPerLpar) {
		if (lpars > 250 || guestsPerLpar > 250) {
			throw new IllegalArgumentException("at most 250 hosts of 250 guests");
		}
		StringBuilder b = new StringBuilder("network production 10.0.0.0/8\ncec BIG model z16 {\n\tchpid 10 osd devices 1000-1FFF\n");
		for (int i = 1; i <= lpars; i++) {
			String osa = "o" + i;
			b.append("\tlpar L").append(i).append(" id ").append(i).append(" kvm {\n");
			b.append("\t\tosa ").append(osa).append(" device 0.0.").append(String.format("%04x", 0x1000 + i * 4))
					.append(" chpid 10 layer 2 address 10.0.").append(i).append(".254/8 in production\n");
			b.append("\t\tovs br-ex routed mtu 9000 address 172.16.").append(i).append(".254/24\n");
			b.append("\t\tforwarding on br-ex, ").append(osa).append('\n');
			b.append("\t\tforward-filter policy drop {\n\t\t\taccept in br-ex out ").append(osa).append("\n\t\t\taccept in ").append(osa)
					.append(" out br-ex established\n\t\t}\n");
			b.append("\t\tnat from br-ex via ").append(osa).append('\n');
			for (int g = 1; g <= guestsPerLpar; g++) {
				b.append("\t\tguest g").append(g).append(" {\n\t\t\tnic eth0 on br-ex address 172.16.").append(i).append('.').append(g)
						.append("/24\n\t\t\troute default via 172.16.").append(i).append(".254 dev eth0\n\t\t}\n");
			}
			b.append("\t}\n");
		}
		return b.append("}\n").toString();
	}
}
