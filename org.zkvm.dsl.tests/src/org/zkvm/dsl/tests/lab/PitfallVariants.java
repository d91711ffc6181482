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
}
