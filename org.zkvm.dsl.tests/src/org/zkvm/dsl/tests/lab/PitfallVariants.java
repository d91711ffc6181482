package org.zkvm.dsl.tests.lab;

/**
 * Generated variants of the pitfalls, shared by the simulation-agreement test and the quick-fix
 * variants test: one model text per combination of the values a planner might write.
 */
public final class PitfallVariants {

	private PitfallVariants() {
	}

	/**
	 * A KVM host with one guest (and optionally a second one) on an OSA port: attached to an OVS
	 * bridge, by MacVTap, or routed through a bridge with proxy_arp; the MTUs as written ("" for
	 * the default, " mtu N" otherwise) and the 10.x net's prefix length.
	 */
	public static String mtuModel(String mode, String osaMtu, String bridgeMtu, String guestMtu, String length, String secondMtu, boolean secondFirst) {
		String first = mtuModel(mode, osaMtu, bridgeMtu, guestMtu, length);
		if (secondMtu == null) {
			return first;
		}
		// the second guest: the same kind of NIC, its own address; declared before or after the first
		String other = mtuModel(mode, osaMtu, bridgeMtu, secondMtu, length).lines().filter(l -> l.contains("guest vm11a") || l.contains("nic eth0")
				|| l.contains("route default via 10.136.11.254")).reduce("", (a, b) -> a + b + "\n").replace("vm11a", "vm11b").replace("10.131.11.1/", "10.131.11.2/")
				.replace("10.136.11.1/", "10.136.11.2/");
		if (mode.equals("routed")) {
			other = "\t\tguest vm11b {\n" + other.lines().filter(l -> !l.contains("guest vm11b")).reduce("", (a, b) -> a + b + "\n") + "\t\t}\n";
		}
		int at = secondFirst ? first.indexOf("\t\tguest vm11a") : first.lastIndexOf("\t}\n}");
		return first.substring(0, at) + other + first.substring(at);
	}

	public static String mtuModel(String mode, String osaMtu, String bridgeMtu, String guestMtu, String length) {
		String guestAddress = "10.131.11.1/" + length;
		String host = switch (mode) {
			case "attached" -> "\t\tosa o5s_10g_1 device 0.0.f500 chpid 10 layer 2 vnicc learning, flooding" + osaMtu + "\n"
					+ "\t\tovs br-ex attached o5s_10g_1" + bridgeMtu + "\n"
					+ "\t\tguest vm11a { nic eth0 on br-ex" + guestMtu + " address " + guestAddress + " in production }\n";
			case "macvtap" -> "\t\tosa o5s_10g_1 device 0.0.f500 chpid 10 layer 2" + osaMtu + " address 10.131.11.254/" + length + " in production\n"
					+ "\t\tguest vm11a { nic eth0 macvtap o5s_10g_1" + guestMtu + " address 10.131.11.1/" + length + " in production }\n";
			default -> "\t\tosa o5s_10g_1 device 0.0.f500 chpid 10 layer 2" + osaMtu + " address 10.131.11.254/" + length + " in production\n"
					+ "\t\tovs br-ex routed" + bridgeMtu + " address 10.136.11.254/24\n"
					+ "\t\tforwarding on br-ex, o5s_10g_1\n\t\tproxy-arp on br-ex, o5s_10g_1\n"
					+ "\t\tarp-filter policy drop {\n\t\t\taccept to 10.131.11.254 in o5s_10g_1\n\t\t\taccept to 10.136.11.0/24 in o5s_10g_1\n\t\t\taccept in br-ex\n\t\t}\n"
					+ "\t\tforward-filter policy drop {\n\t\t\taccept in o5s_10g_1 out br-ex\n\t\t\taccept in br-ex out o5s_10g_1\n\t\t}\n"
					+ "\t\tguest vm11a {\n\t\t\tnic eth0 on br-ex" + guestMtu + " address 10.136.11.1/24\n\t\t\troute default via 10.136.11.254 dev eth0\n\t\t}\n";
		};
		String network = switch (length) {
			case "8" -> "10.0.0.0/8";
			case "16" -> "10.131.0.0/16";
			default -> "10.131.11.0/24";
		};
		return "network production " + network + "\ncec Z13A model z13 {\n\tchpid 10 osd devices F500-F51F\n\tlpar LPAR11 id 11 kvm {\n" + host + "\t}\n}\n";
	}

	/**
	 * The seed's routed guests reached through proxy_arp on o5s_10g_1, with the LAN's gateway
	 * {@code gateway}, an optional second OSA port (address/length, declared before or after), and
	 * forwarding on the proxy_arp port or not.
	 */
	public static String arpModel(String length, String gateway, String second, boolean secondFirst, boolean forwarding) {
		return arpModel(length, gateway, second, secondFirst, forwarding, false);
	}

	/** The same, with no forward filter at all when {@code open}. */
	public static String arpModel(String length, String gateway, String second, boolean secondFirst, boolean forwarding, boolean open) {
		String own = "\t\tosa o5s_10g_1 device 0.0.f500 chpid 10 layer 2 address 10.131.11.254/" + length + " in production\n";
		String other = second.isEmpty() ? "" : "\t\tosa o5s_10g_2 device 0.0.f504 chpid 10 layer 2 address " + second + "\n";
		return "network production 10.0.0.0/8 gateway " + gateway + "\ncec Z13A model z13 {\n\tchpid 10 osd devices F500-F51F\n\tlpar LPAR11 id 11 kvm {\n"
				+ (secondFirst ? other + own : own + other)
				+ "\t\tovs br-ex routed address 10.136.11.254/24\n"
				+ "\t\tforwarding on br-ex" + (forwarding ? ", o5s_10g_1" : "") + "\n\t\tproxy-arp on br-ex, o5s_10g_1\n"
				+ "\t\tarp-filter policy drop {\n\t\t\taccept to 10.131.11.254 in o5s_10g_1\n\t\t\taccept to 10.136.11.0/24 in o5s_10g_1\n\t\t\taccept in br-ex\n"
				+ (second.isEmpty() ? "" : "\t\t\taccept to " + second.substring(0, second.indexOf('/')) + " in o5s_10g_2\n") + "\t\t}\n"
				+ (open ? "" : "\t\tforward-filter policy drop {\n\t\t\taccept in o5s_10g_1 out br-ex\n\t\t\taccept in br-ex out o5s_10g_1\n\t\t}\n")
				+ "\t\tguest vm11a {\n\t\t\tnic eth0 on br-ex address 10.136.11.1/24\n\t\t\troute default via 10.136.11.254 dev eth0\n\t\t}\n"
				+ "\t}\n}\n";
	}

	/** Two KVM hosts routing between their guests over HiperSockets (seed 002, Scenario III), as SimulationAgreementTest varies them. */
	public static String routingModel(int layer11, int layer12, boolean route11, boolean route12, String gateway, String length, boolean reversed,
			boolean filtered) {
		String filter = filtered ? "\t\tforward-filter policy drop {\n\t\t\taccept in hs0 out br-ex\n\t\t\taccept in br-ex out hs0\n\t\t}\n" : "";
		String lpar11 = "\tlpar LPAR11 id 11 kvm {\n\t\thipersockets hs0 on HSLAN device 0.0.7000 layer " + layer11 + " mtu 8192 address 172.31.56.1/" + length + "\n"
				+ "\t\tovs br-ex routed mtu 8192 address 10.136.11.254/24\n\t\tforwarding on br-ex, hs0\n"
				+ (route11 ? "\t\troute 10.136.12.0/24 via 172.31.56.2 dev hs0\n" : "") + filter
				+ "\t\tguest vm11a {\n\t\t\tnic eth0 on br-ex mtu 8192 address 10.136.11.1/24\n\t\t\troute default via 10.136.11.254 dev eth0\n\t\t}\n\t}\n";
		String lpar12 = "\tlpar LPAR12 id 12 kvm {\n\t\thipersockets hs0 on HSLAN device 0.0.7010 layer " + layer12 + " mtu 8192 address 172.31.56.2/" + length + "\n"
				+ "\t\tovs br-ex routed mtu 8192 address 10.136.12.254/24\n\t\tforwarding on br-ex, hs0\n"
				+ (route12 ? "\t\troute 10.136.11.0/24 via 172.31.56.1 dev hs0\n" : "") + filter
				+ "\t\tguest vm12a {\n\t\t\tnic eth0 on br-ex mtu 8192 address 10.136.12.1/24\n\t\t\troute default via " + gateway + " dev eth0\n\t\t}\n\t}\n";
		return "cec Z13A model z13 {\n\tchpid F4 iqd HSLAN frame 16K devices 7000-703F\n" + (reversed ? lpar12 + lpar11 : lpar11 + lpar12) + "}\n";
	}

	/**
	 * The same with, when {@code secondPort}, a second OSA port of LPAR11 on the LAN in a block
	 * inside the first's subnet (10.131.11.253/24), filters open for it, and the LAN's gateway in
	 * that block.
	 */
	public static String rpModel(String distro, String osaRp, String hsRp, String own, String peer, String route, boolean reversed, boolean secondPort) {
		String model = rpModel(distro, osaRp, hsRp, own, peer, route, reversed);
		if (!secondPort) {
			return model;
		}
		return model.replace("network production 10.0.0.0/8\n", "network production 10.0.0.0/8 gateway 10.131.11.1\n")
				.replace("address 10.131.11.254/" + own + " in production\n", "address 10.131.11.254/" + own + " in production\n"
						+ "\t\tosa o5s_10g_2 device 0.0.f504 chpid 10 layer 2 address 10.131.11.253/24\n")
				.replace("\t\t\taccept to 10.136.11.0/24 in o5s_10g_1\n", "\t\t\taccept to 10.136.11.0/24 in o5s_10g_1\n\t\t\taccept to 10.131.11.253 in o5s_10g_2\n")
				.replace("\t\t\taccept in br-ex out hs56k_0\n\t\t}\n\t\troute " + route + " via 172.31.56.2",
						"\t\t\taccept in br-ex out hs56k_0\n\t\t\taccept in o5s_10g_2 out br-ex\n\t\t\taccept in br-ex out o5s_10g_2\n\t\t}\n\t\troute " + route
								+ " via 172.31.56.2");
	}

	/** The seed's rp.asymmetric pitfall with the varied parts. */
	public static String rpModel(String distro, String osaRp, String hsRp, String own, String peer, String route, boolean reversed) {
		String rp = (osaRp.isEmpty() ? "" : "\t\trp-filter " + osaRp + " on o5s_10g_1\n") + (hsRp.isEmpty() ? "" : "\t\trp-filter " + hsRp + " on hs56k_0\n");
		return "network production 10.0.0.0/8\nnetwork hsnet56 172.31.56.0/24\n\ncec Z13A model z13 {\n\tchpid 10 osd devices F500-F51F\n"
				+ "\tchpid F4 iqd HSLAN frame 64K devices 7000-703F\n" + (reversed ? lpar12(peer) + lpar11(distro, rp, own, route) : lpar11(distro, rp, own, route) + lpar12(peer))
				+ "}\n";
	}

	private static String lpar11(String distro, String rp, String length, String route) {
		return "\tlpar LPAR11 id 11 kvm distro " + distro + " {\n"
				+ "\t\tosa o5s_10g_1 device 0.0.f500 chpid 10 layer 2 address 10.131.11.254/" + length + " in production\n"
				+ "\t\thipersockets hs56k_0 on HSLAN device 0.0.7000 layer 3 mtu 57344 address 172.31.56.1/24 in hsnet56\n"
				+ "\t\tovs br-ex routed mtu 57344 address 10.136.11.254/24\n" + rp
				+ "\t\tforwarding on br-ex, o5s_10g_1, hs56k_0\n\t\tproxy-arp on br-ex, o5s_10g_1\n"
				+ "\t\tarp-filter policy drop {\n\t\t\taccept to 10.131.11.254 in o5s_10g_1\n\t\t\taccept to 10.136.11.0/24 in o5s_10g_1\n\t\t\taccept in br-ex\n\t\t}\n"
				+ "\t\tforward-filter policy drop {\n\t\t\taccept in o5s_10g_1 out br-ex\n\t\t\taccept in br-ex out o5s_10g_1\n"
				+ "\t\t\taccept in hs56k_0 out br-ex\n\t\t\taccept in br-ex out hs56k_0\n\t\t}\n"
				+ "\t\troute " + route + " via 172.31.56.2 dev hs56k_0\n"
				+ "\t\tguest vm11a {\n\t\t\tnic eth0 on br-ex mtu 57344 address 10.136.11.1/24\n\t\t\troute default via 10.136.11.254 dev eth0\n\t\t}\n\t}\n";
	}

	private static String lpar12(String length) {
		return "\tlpar LPAR12 id 12 kvm distro suse {\n"
				+ "\t\tosa o5s_10g_1 device 0.0.f510 chpid 10 layer 2 address 10.131.12.254/" + length + " in production\n"
				+ "\t\thipersockets hs56k_0 on HSLAN device 0.0.7010 layer 3 mtu 57344 address 172.31.56.2/24 in hsnet56\n"
				+ "\t\tovs br-ex routed mtu 57344 address 10.136.12.254/24\n"
				+ "\t\tforwarding on br-ex, o5s_10g_1, hs56k_0\n\t\tproxy-arp on br-ex, o5s_10g_1\n"
				+ "\t\tarp-filter policy drop {\n\t\t\taccept to 10.131.12.254 in o5s_10g_1\n\t\t\taccept to 10.136.12.0/24 in o5s_10g_1\n\t\t\taccept in br-ex\n\t\t}\n"
				+ "\t\tforward-filter policy drop {\n\t\t\taccept in o5s_10g_1 out br-ex\n\t\t\taccept in br-ex out o5s_10g_1\n"
				+ "\t\t\taccept in hs56k_0 out br-ex\n\t\t\taccept in br-ex out hs56k_0\n\t\t}\n"
				+ "\t\troute subnet LPAR11.br-ex via 172.31.56.1 dev hs56k_0\n"
				+ "\t\tguest vm12a {\n\t\t\tnic eth0 on br-ex mtu 57344 address 10.136.12.1/24\n\t\t\troute default via 10.136.12.254 dev eth0\n\t\t}\n\t}\n";
	}

	/** The seed's two KVM hosts answering ARP for their guests, as SecondPathAgreementTest varies them. */
	public static String twoPathsModel(String filter11, String filter12, boolean proxy12, String route12, String length, boolean reversed) {
		return "network production " + (length.equals("8") ? "10.0.0.0/8" : "10.131.0.0/16") + "\nnetwork hsnet56 172.31.56.0/24\n\ncec Z13A model z13 {\n\tchpid 10 osd devices F500-F51F\n"
				+ "\tchpid F4 iqd HSLAN frame 64K devices 7000-703F\n"
				+ (reversed ? lpar(12, 11, filter12, proxy12, route12, length) + lpar(11, 12, filter11, true, "subnet LPAR12.br-ex", length)
						: lpar(11, 12, filter11, true, "subnet LPAR12.br-ex", length) + lpar(12, 11, filter12, proxy12, route12, length))
				+ "}\n";
	}

	private static String lpar(int id, int other, String filter, boolean proxy, String route, String length) {
		String osa = "10.131." + id + ".254";
		String arp = filter.equals("none") ? "" : "\t\tarp-filter policy drop {\n\t\t\taccept to " + osa + " in o5s_10g_1\n\t\t\taccept to " + filter + " in o5s_10g_1\n"
				+ "\t\t\taccept in br-ex\n\t\t}\n";
		return "\tlpar LPAR" + id + " id " + id + " kvm distro suse {\n"
				+ "\t\tosa o5s_10g_1 device 0.0.f5" + (id - 11) + "0 chpid 10 layer 2 address " + osa + "/" + length + " in production\n"
				+ "\t\thipersockets hs56k_0 on HSLAN device 0.0.70" + (id - 11) + "0 layer 3 mtu 57344 address 172.31.56." + (id - 10) + "/24 in hsnet56\n"
				+ "\t\tovs br-ex routed mtu 57344 address 10.136." + id + ".254/24\n"
				+ "\t\tforwarding on br-ex, o5s_10g_1, hs56k_0\n\t\tproxy-arp on br-ex" + (proxy ? ", o5s_10g_1" : "") + "\n" + arp
				+ "\t\tforward-filter policy drop {\n\t\t\taccept in o5s_10g_1 out br-ex\n\t\t\taccept in br-ex out o5s_10g_1\n"
				+ "\t\t\taccept in hs56k_0 out br-ex\n\t\t\taccept in br-ex out hs56k_0\n\t\t}\n"
				+ "\t\troute " + route + " via 172.31.56." + (other - 10) + " dev hs56k_0\n"
				+ "\t\tguest vm" + id + "a {\n\t\t\tnic eth0 on br-ex mtu 57344 address 10.136." + id + ".1/24\n\t\t\troute default via 10.136." + id
				+ ".254 dev eth0\n\t\t}\n\t}\n";
	}

	/** A guest by an attached bridge or MacVTap with a partner on the same LAN, as LayerAgreementTest varies them. */
	public static String layerModel(String device, int layer, String attach, String partner, String length, boolean partnerFirst) {
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
