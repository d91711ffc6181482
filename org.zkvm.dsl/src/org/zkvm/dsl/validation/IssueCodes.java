package org.zkvm.dsl.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.xtext.diagnostics.Severity;

/**
 * Every diagnostic code zknet reports, in one place, with its default severity. The codes are
 * stable: users see them in every diagnostic and change their severities per project in
 * zknet.properties (docs/checks.md is the catalogue with the rules behind each code).
 */
public final class IssueCodes {
	private IssueCodes() {
	}

	/** The file does not parse, or a value in it is malformed (bad address, chpid id, size ...). */
	public static final String SYNTAX = "syntax";
	/** A reference names nothing visible. */
	public static final String LINK = "link";
	/** Two elements of the same kind with the same qualified name. */
	public static final String DUPLICATE_NAME = "name.duplicate";
	/**
	 * A name with characters that could change a generated root script (quotes, backslashes,
	 * control characters, shell metacharacters).
	 */
	public static final String NAME_UNSAFE = "name.unsafe";
	/**
	 * Two guest NICs of the site get the same MAC from their paths (GuestNicIdentity: 40 bits of a
	 * SHA-256): practically never, but never silent, since the guests' files find their NICs by it.
	 */
	public static final String NIC_MAC_COLLISION = "nic.mac-collision";
	/** zknet could not finish checking a file (an internal fault, logged and reported): the file is not called clean. */
	public static final String INTERNAL = "internal";
	/** zknet.properties names an unknown code or severity. */
	public static final String SETTINGS = "settings";

	// ISFC logical links and SSI (seed 004; facts §3)
	@Code(severity = Severity.ERROR, rule = "more than 16 CTCs in one logical link")
	public static final String ISFC_TOO_MANY_CTCS = "isfc.too-many-ctcs";
	@Code(severity = Severity.WARNING, rule = "more than 4 CTCs on one FICON chpid")
	public static final String ISFC_CTCS_PER_CHPID = "isfc.ctcs-per-chpid";
	@Code(severity = Severity.WARNING, rule = "mixed chpid speeds, and another order of the chpids balances the two directions at full load better")
	public static final String ISFC_CHPID_ORDER = "isfc.chpid-order";
	@Code(severity = Severity.INFO, rule = "mixed chpid speeds at all")
	public static final String ISFC_MIXED_SPEEDS = "isfc.mixed-speeds";
	@Code(severity = Severity.ERROR, rule = "a CTC with no remote device, device counts differ on the two sides, or a device number used twice")
	public static final String ISFC_UNPAIRED_DEVICE = "isfc.unpaired-device";
	@Code(severity = Severity.WARNING, rule = "a one-CTC link")
	public static final String ISFC_SINGLE_CTC = "isfc.single-ctc";
	@Code(severity = Severity.INFO, rule = "the configured count gains less streaming depth than expected")
	public static final String ISFC_STOP_SHORT_DEPTH = "isfc.stop-short-depth";
	@Code(severity = Severity.INFO, rule = "APPC/VM traffic on a multi-CTC link")
	public static final String ISFC_APPC_SCALING = "isfc.appc-scaling";
	@Code(severity = Severity.WARNING, rule = "the two system names of an ISFC link sort one way in EBCDIC and the other in ASCII")
	public static final String ISFC_NAME_ORDER = "isfc.name-order";
	@Code(severity = Severity.ERROR, rule = "a FICON chpid's speed is not one its generation negotiates")
	public static final String ISFC_FICON_SPEED = "isfc.ficon-speed";
	@Code(severity = Severity.ERROR, rule = "a CTC on a chpid that is not type FC")
	public static final String ISFC_NOT_FICON = "isfc.not-ficon";
	@Code(severity = Severity.ERROR, rule = "node name not 1–8 characters of A–Z, 0–9, @#$")
	public static final String ISFC_NODE_NAME = "isfc.node-name";
	@Code(severity = Severity.ERROR, rule = "an SSI cluster with more than 4 members, or two members without a direct logical link")
	public static final String SSI_MEMBERS = "ssi.members";
	@Code(severity = Severity.ERROR, rule = "a z/VM system in an LPAR that does not run z/VM")
	public static final String ZVM_LPAR = "zvm.lpar";

	// ARP, forwarding and routing (seed 002; facts §4, §7)
	@Code(severity = Severity.ERROR, rule = "proxy_arp on an interface while another interface of the same host has an address in the same subnet")
	public static final String ARP_SAME_SUBNET = "arp.same-subnet";
	@Code(severity = Severity.WARNING, rule = "proxy_arp without an ARP filter whose INPUT policy is DROP with explicit ACCEPT rules")
	public static final String ARP_UNFILTERED = "arp.unfiltered";
	@Code(severity = Severity.ERROR, rule = "proxy_arp on a layer 3 OSA/HiperSockets interface")
	public static final String ARP_LAYER3 = "arp.layer3";
	@Code(severity = Severity.ERROR, rule = "proxy_arp on an interface without forwarding on it")
	public static final String ARP_NO_FORWARDING = "arp.no-forwarding";
	@Code(severity = Severity.WARNING, rule = "forwarding enabled globally")
	public static final String FWD_GLOBAL = "fwd.global";
	@Code(severity = Severity.WARNING, rule = "forwarding on but the forward filter policy is ACCEPT")
	public static final String FWD_POLICY_ACCEPT = "fwd.policy-accept";
	@Code(severity = Severity.ERROR, rule = "a route to another LPAR's guest subnet through a HiperSockets peer without the mirror route on the peer")
	public static final String ROUTE_ASYMMETRIC = "route.asymmetric";
	@Code(severity = Severity.ERROR, rule = "a guest subnet reachable from a partner by two paths")
	public static final String ROUTE_TWO_PATHS = "route.two-paths";
	@Code(severity = Severity.ERROR, rule = "two hosts route an address via each other: packets for it circle until their TTL runs out")
	public static final String ROUTE_LOOP = "route.loop";
	@Code(severity = Severity.ERROR, rule = "a guest's default gateway is not the vnic of the bridge it is on")
	public static final String ROUTE_GATEWAY = "route.gateway";
	@Code(severity = Severity.ERROR, rule = "a route's gateway is not on any connected subnet of that host")
	public static final String ROUTE_UNREACHABLE_GATEWAY = "route.unreachable-gateway";
	@Code(severity = Severity.ERROR, rule = "the same address twice, overlapping guest subnets across hosts, or an address outside its network")
	public static final String ADDR_DUPLICATE = "addr.duplicate";
	@Code(severity = Severity.ERROR, rule = "'address auto' that the LPAR's address scheme cannot derive")
	public static final String ADDR_AUTO = "addr.auto";
	@Code(severity = Severity.WARNING, rule = "a guest offers a service to a network it reaches only through NAT")
	public static final String NAT_SERVER = "nat.server";
	@Code(severity = Severity.WARNING, rule = "strict rp_filter on an interface that receives asymmetric traffic")
	public static final String RP_ASYMMETRIC = "rp.asymmetric";

	// MTU (seed 002; facts §1.1, §2.1, §5.5, §5.6, §6)
	@Code(severity = Severity.ERROR, rule = "a guest NIC MTU different from its OVS bridge / vnic MTU")
	public static final String MTU_GUEST_BRIDGE = "mtu.guest-bridge";
	@Code(severity = Severity.ERROR, rule = "an uplink attached to a bridge or used by MacVTap with a guest MTU above the uplink MTU")
	public static final String MTU_ATTACHED_UPLINK = "mtu.attached-uplink";
	@Code(severity = Severity.ERROR, rule = "MTU outside the device's range")
	public static final String MTU_RANGE = "mtu.range";
	@Code(severity = Severity.INFO, rule = "routed HiperSockets with a guest/bridge MTU of 1500: large packets lose 4–5x throughput")
	public static final String MTU_HIPERSOCKETS_SMALL = "mtu.hipersockets-small";
	@Code(severity = Severity.INFO, rule = "an OVS internal port whose MTU exceeds an attached port's")
	public static final String MTU_OVS_REQUEST = "mtu.ovs-request";
	@Code(severity = Severity.INFO, rule = "MacVTap guest MTU: libvirt cannot set it")
	public static final String MTU_MACVTAP = "mtu.macvtap";

	// Layers, devices and names (facts §1.2-§1.5, §2.4, §7)
	@Code(severity = Severity.ERROR, rule = "a HiperSockets LAN with layer 2 and layer 3 interfaces")
	public static final String LAYER_HIPERSOCKETS_MIX = "layer.hipersockets-mix";
	@Code(severity = Severity.ERROR, rule = "a KVM guest (layer 2) placed directly on a link whose partner is layer 3")
	public static final String LAYER_GUEST_TO_L3 = "layer.guest-to-l3";
	@Code(severity = Severity.ERROR, rule = "a z/OS, z/VSE or z/VM TCP/IP interface declared layer 2")
	public static final String LAYER_L3_PARTNER = "layer.l3-partner";
	@Code(severity = Severity.ERROR, rule = "an OVS bridge or MacVTap on a layer 3 interface")
	public static final String LAYER_ATTACH_L3 = "layer.attach-l3";
	@Code(severity = Severity.WARNING, rule = "a layer 2 OSA attached to OVS without VNIC learning/flooding")
	public static final String LAYER_ATTACH_VNICC = "layer.attach-vnicc";
	// VLANs and bonds (docs/vlans-and-bonds.md)
	@Code(severity = Severity.ERROR, rule = "bond members on one chpid or one OSA feature: no path redundancy (IBM Health Checker, net_bond_qeth_ineffective)")
	public static final String BOND_SAME_CHPID = "bond.same-chpid";
	@Code(severity = Severity.ERROR, rule = "a bond member running layer 3 (qeth bonds only in layer 2), or members of different layers")
	public static final String BOND_LAYER = "bond.layer";
	@Code(severity = Severity.WARNING, rule = "bond members with different MTUs, or a member MTU the bond overrides")
	public static final String BOND_MTU = "bond.mtu";
	@Code(severity = Severity.WARNING, rule = "a bond mode or fail-over-mac the OSA setup cannot do: lacp on an OSA port another LPAR shares, a load-balancing mode on OSA, fail-over-mac other than active")
	public static final String BOND_MODE = "bond.mode";
	@Code(severity = Severity.ERROR, rule = "a bond member that is also used on its own (addresses, another bond, a bridge, a VLAN, MacVTap), or a primary that is not a member")
	public static final String BOND_MEMBER = "bond.member";
	@Code(severity = Severity.ERROR, rule = "a VLAN id outside 1-4094, or used twice on one parent")
	public static final String VLAN_ID = "vlan.id";
	@Code(severity = Severity.ERROR, rule = "a VLAN MTU above its parent's (the kernel refuses it)")
	public static final String VLAN_MTU = "vlan.mtu";
	@Code(severity = Severity.ERROR, rule = "a VLAN on a VLAN or on a bond member")
	public static final String VLAN_PARENT = "vlan.parent";
	@Code(severity = Severity.ERROR, rule = "a guest access port on a VLAN the bridge's uplink does not carry, or on a routed bridge whose internal port is untagged")
	public static final String VLAN_ACCESS_PORT = "vlan.access-port";
	// IPv6 (docs/ipv6.md)
	@Code(severity = Severity.ERROR, rule = "an interface or NIC with IPv6 and an MTU below 1280 (RFC 8200 §5; Linux removes its IPv6 addresses)")
	public static final String IPV6_MTU = "ipv6.mtu";
	@Code(severity = Severity.ERROR, rule = "a route via a link-local IPv6 gateway (fe80::/10) without 'dev'")
	public static final String IPV6_LINK_LOCAL_GATEWAY = "ipv6.link-local-gateway";
	@Code(severity = Severity.ERROR, rule = "IPv6 forwarding on a SUSE host's interface that takes its default route from router advertisements, without 'accept-ra' (accept_ra=2)")
	public static final String IPV6_FORWARDING_RA = "ipv6.forwarding-ra";
	@Code(severity = Severity.WARNING, rule = "proxy NDP whose listed entries miss an address the host routes elsewhere in the interface's subnets, or that answers for nothing")
	public static final String IPV6_PROXY_NDP_ENTRY = "ipv6.proxy-ndp-entry";
	@Code(severity = Severity.ERROR, rule = "a proxy NDP entry for an address another interface owns: the host takes its traffic (the same-subnet pitfall's IPv6 form)")
	public static final String IPV6_PROXY_NDP_STEAL = "ipv6.proxy-ndp-steal";
	@Code(severity = Severity.ERROR, rule = "proxy NDP on an interface without IPv6 forwarding")
	public static final String IPV6_PROXY_NDP_FORWARDING = "ipv6.proxy-ndp-forwarding";
	@Code(severity = Severity.ERROR, rule = "proxy NDP on a layer 3 qeth interface, where Linux sees no neighbour solicitations")
	public static final String IPV6_PROXY_NDP_LAYER3 = "ipv6.proxy-ndp-layer3";
	@Code(severity = Severity.ERROR, rule = "an ARP filter rule with an IPv6 prefix")
	public static final String IPV6_ARP_FILTER = "ipv6.arp-filter";
	@Code(severity = Severity.ERROR, rule = "IPv6 where it cannot go: an IUCV or CTC link, a forward rule of a 'firewall legacy' host")
	public static final String IPV6_UNSUPPORTED = "ipv6.unsupported";
	@Code(severity = Severity.ERROR, rule = "a HiperSockets link between LPARs of different CECs")
	public static final String HIPERSOCKETS_CROSS_CEC = "hipersockets.cross-cec";
	@Code(severity = Severity.WARNING, rule = "netiucv is removed from current Linux kernels")
	public static final String IUCV_LEGACY = "iucv.legacy";
	@Code(severity = Severity.ERROR, rule = "a z/VM guest name that is not a CP user ID (1 to 8 letters, digits, @, # or $; netiucv peers without @ and #)")
	public static final String ZVM_USERID = "zvm.userid";
	@Code(severity = Severity.ERROR, rule = "virtual CTCs or NICs of one guest on the same virtual devices, or virtual devices on an IUCV link")
	public static final String ZVM_DEVICES = "zvm.devices";
	@Code(severity = Severity.WARNING, rule = "a VSWITCH with one uplink port, or all its uplink ports on one OSA chpid")
	public static final String ZVM_VSWITCH_UPLINKS = "zvm.vswitch-uplinks";
	@Code(severity = Severity.ERROR, rule = "a link aggregation group on a VSWITCH that is not ETHERNET, or more than 3 uplink ports without a group")
	public static final String ZVM_VSWITCH_GROUP = "zvm.vswitch-group";
	@Code(severity = Severity.ERROR, rule = "a NIC with a VLAN on a VSWITCH that is not VLAN aware, or on a guest LAN")
	public static final String ZVM_LAN_VLAN = "zvm.lan-vlan";
	@Code(severity = Severity.ERROR, rule = "an IUCV or virtual CTC link between guests of two z/VM systems, or a NIC on another system's VSWITCH or guest LAN")
	public static final String ZVM_CROSS_SYSTEM = "zvm.cross-system";
	@Code(severity = Severity.ERROR, rule = "an interface name over 15 characters or with characters Linux or a root script cannot take")
	public static final String NAME_INTERFACE = "name.interface";
	@Code(severity = Severity.WARNING, rule = "an interface name from a kernel or udev naming scheme of another device (eth<N>, hsi<N>, enc<devno>, PCI-style)")
	public static final String NAME_KERNEL_TEMPLATE = "name.kernel-template";
	@Code(severity = Severity.ERROR, rule = "a qeth bus-ID not of the form 0.<ssid>.<devno>")
	public static final String DEVICE_TRIPLET = "device.triplet";

	// Safe on a live host: the admin's way in (docs/checks.md)
	@Code(severity = Severity.ERROR, rule = "the management interface joins an OVS bridge whose port does not carry the management address, or is a member of a bond")
	public static final String MGMT_ENSLAVED = "mgmt.enslaved";
	@Code(severity = Severity.ERROR, rule = "the management interface is the name udev gives a qeth device of the model")
	public static final String MGMT_RENAMED = "mgmt.renamed";
	@Code(severity = Severity.ERROR, rule = "the management interface is modelled, but without the management address")
	public static final String MGMT_READDRESSED = "mgmt.readdressed";
	@Code(severity = Severity.ERROR, rule = "the management path has a gateway and the model's default route goes another way")
	public static final String MGMT_DEFAULT_ROUTE = "mgmt.default-route";
	@Code(severity = Severity.ERROR, rule = "an interface attached to an OVS bridge has an address of its own")
	public static final String OVS_UPLINK_ADDRESS = "ovs.uplink-address";

	/**
	 * A check's code: its default severity (users change it per project in zknet.properties) and
	 * the rule behind it in one line (the catalogue, docs/checks.md, says it in full). Declared on
	 * the constant itself, so that a code, its severity and its rule are written once.
	 */
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.FIELD)
	public @interface Code {
		Severity severity();

		String rule();
	}

	/** The checks' codes with their default severities, in catalogue order; these can be configured. */
	public static final Map<String, Severity> CONFIGURABLE;
	/** The checks' codes with their rules in one line. */
	public static final Map<String, String> RULES;

	static {
		Map<String, Severity> severities = new LinkedHashMap<>();
		Map<String, String> rules = new LinkedHashMap<>();
		for (Field field : IssueCodes.class.getDeclaredFields()) {
			Code code = field.getAnnotation(Code.class);
			if (code != null) {
				try {
					String value = (String) field.get(null);
					severities.put(value, code.severity());
					rules.put(value, code.rule());
				} catch (IllegalAccessException e) {
					throw new IllegalStateException(field.getName(), e);
				}
			}
		}
		CONFIGURABLE = Collections.unmodifiableMap(severities);
		RULES = Collections.unmodifiableMap(rules);
	}
}
