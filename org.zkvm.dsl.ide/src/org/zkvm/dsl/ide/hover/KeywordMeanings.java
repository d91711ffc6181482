package org.zkvm.dsl.ide.hover;

import java.util.Map;

/** What a keyword means, for the hover on it (docs/language-reference.md has the whole language). */
final class KeywordMeanings {
	private KeywordMeanings() {
	}

	private static final Map<String, String> MEANINGS = Map.ofEntries(
			Map.entry("import", "makes the names of another namespace visible without qualification: `import Z13A.*`"),
			Map.entry("network", "an IP network of the site: `network NAME A.B.C.D/P [gateway G] [external] [mtu N]`"),
			Map.entry("cec", "a Central Electronics Complex (an IBM Z or LinuxONE machine) with its chpids and LPARs"),
			Map.entry("chpid", "a channel path: `osd` (OSA-Express), `iqd` (a HiperSockets LAN) or `fc` (FICON, for CTCs)"),
			Map.entry("lpar", "a logical partition: `lpar NAME id ID kvm|linux|zos|zvm|zvse [...] { ... }`"),
			Map.entry("osa", "an OSA-Express interface (qeth): `osa NAME device BUSID chpid ID [layer 2|3] [mtu N] [vnicc ...] ADDRESS*`"),
			Map.entry("hipersockets", "a HiperSockets interface (qeth) on an IQD chpid's LAN: `hipersockets NAME on LAN device BUSID ...`"),
			Map.entry("ovs", "an Open vSwitch bridge: `routed` (the host routes for its guests) or `attached UPLINK` (the OSA is a port)"),
			Map.entry("management", "the admin's way into the host; no generated step takes it down, renames, re-addresses or enslaves it"),
			Map.entry("forwarding", "IPv4 forwarding on the listed interfaces (per interface, facts §4.1), or `global`"),
			Map.entry("proxy-arp", "the host answers ARP for addresses it routes elsewhere, on the listed interfaces; only with an ARP filter (seed 002)"),
			Map.entry("arp-filter", "which ARP requests the host's interfaces accept (nftables `table arp`, or arptables with `firewall legacy`)"),
			Map.entry("forward-filter", "which packets the host forwards between its interfaces (nftables `table inet`, or iptables)"),
			Map.entry("rp-filter", "reverse path filtering on the listed interfaces: `off`, `strict` or `loose`"),
			Map.entry("route", "a static route: `route default|A.B.C.D/P|subnet BRIDGE [via G] [dev IF] [metric N]`"),
			Map.entry("nat", "masquerading of what the guests of a bridge send out of an interface"),
			Map.entry("guest", "a KVM guest on this host, with its NICs, routes and services"),
			Map.entry("nic", "a guest's network interface: on an OVS bridge (`on BRIDGE`) or on MacVTap (`macvtap UPLINK`)"),
			Map.entry("service", "a port a guest offers, and the networks that may reach it"),
			Map.entry("scheme", "an address scheme: how `address auto` derives addresses from the LPAR id"),
			Map.entry("zvm", "a z/VM cluster (`ssi` for a Single System Image) with its systems and ISFC links"),
			Map.entry("system", "a z/VM system of the cluster, in an LPAR"),
			Map.entry("isfc", "an ISFC logical link between two z/VM systems over FICON CTCs (seed 004)"),
			Map.entry("ctc", "FICON CTC devices of an ISFC link on a chpid, or a virtual CTC link between z/VM guests"),
			Map.entry("iucv", "an IUCV link between two z/VM guests (netiucv, seed 003)"),
			Map.entry("workload", "traffic between two ends, for the report's connection advice"),
			Map.entry("address", "an IPv4 address with its prefix length, optionally `in NETWORK`; `auto` takes it from the address scheme"),
			Map.entry("mtu", "the maximum transmission unit in bytes"),
			Map.entry("layer", "the qeth layer: 2 (Ethernet frames) or 3 (IP packets only)"),
			Map.entry("device", "the qeth read device's bus-ID 0.<ssid>.<devno> (write = read + 1, data = read + 2), or all three"),
			Map.entry("via", "the gateway"),
			Map.entry("dev", "the interface a route leaves by"),
			Map.entry("policy", "what the filter does with what no rule matched: `accept` or `drop`"));

	static String of(String keyword) {
		return MEANINGS.getOrDefault(keyword, "a keyword of the zknet language (docs/language-reference.md)");
	}
}
