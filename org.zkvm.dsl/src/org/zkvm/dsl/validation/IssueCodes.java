package org.zkvm.dsl.validation;

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
	public static final String ISFC_TOO_MANY_CTCS = "isfc.too-many-ctcs";
	public static final String ISFC_CTCS_PER_CHPID = "isfc.ctcs-per-chpid";
	public static final String ISFC_CHPID_ORDER = "isfc.chpid-order";
	public static final String ISFC_MIXED_SPEEDS = "isfc.mixed-speeds";
	public static final String ISFC_UNPAIRED_DEVICE = "isfc.unpaired-device";
	public static final String ISFC_SINGLE_CTC = "isfc.single-ctc";
	public static final String ISFC_STOP_SHORT_DEPTH = "isfc.stop-short-depth";
	public static final String ISFC_APPC_SCALING = "isfc.appc-scaling";
	public static final String ISFC_NOT_FICON = "isfc.not-ficon";
	public static final String ISFC_NODE_NAME = "isfc.node-name";
	public static final String SSI_MEMBERS = "ssi.members";

	// ARP, forwarding and routing (seed 002; facts §4, §7)
	public static final String ARP_SAME_SUBNET = "arp.same-subnet";
	public static final String ARP_UNFILTERED = "arp.unfiltered";
	public static final String ARP_LAYER3 = "arp.layer3";
	public static final String ARP_NO_FORWARDING = "arp.no-forwarding";
	public static final String FWD_GLOBAL = "fwd.global";
	public static final String FWD_POLICY_ACCEPT = "fwd.policy-accept";
	public static final String ROUTE_ASYMMETRIC = "route.asymmetric";
	public static final String ROUTE_TWO_PATHS = "route.two-paths";
	public static final String ROUTE_GATEWAY = "route.gateway";
	public static final String ROUTE_UNREACHABLE_GATEWAY = "route.unreachable-gateway";
	public static final String ADDR_DUPLICATE = "addr.duplicate";
	/** Beyond the catalogue: 'address auto' that the LPAR's scheme cannot derive. */
	public static final String ADDR_AUTO = "addr.auto";
	public static final String NAT_SERVER = "nat.server";
	public static final String RP_ASYMMETRIC = "rp.asymmetric";

	// MTU (seed 002; facts §1.1, §2.1, §5.5, §5.6, §6)
	public static final String MTU_GUEST_BRIDGE = "mtu.guest-bridge";
	public static final String MTU_ATTACHED_UPLINK = "mtu.attached-uplink";
	public static final String MTU_RANGE = "mtu.range";
	public static final String MTU_HIPERSOCKETS_SMALL = "mtu.hipersockets-small";
	public static final String MTU_OVS_REQUEST = "mtu.ovs-request";
	public static final String MTU_MACVTAP = "mtu.macvtap";

	// Layers, devices and names (facts §1.2-§1.5, §2.4, §7)
	public static final String LAYER_HIPERSOCKETS_MIX = "layer.hipersockets-mix";
	public static final String LAYER_GUEST_TO_L3 = "layer.guest-to-l3";
	public static final String LAYER_L3_PARTNER = "layer.l3-partner";
	public static final String LAYER_ATTACH_L3 = "layer.attach-l3";
	public static final String LAYER_ATTACH_VNICC = "layer.attach-vnicc";
	public static final String HIPERSOCKETS_CROSS_CEC = "hipersockets.cross-cec";
	public static final String IUCV_LEGACY = "iucv.legacy";
	public static final String NAME_INTERFACE = "name.interface";
	/** An interface name from a kernel or udev naming scheme of another device (eth<N>, hsi<N>, enc<devno>, PCI-style). */
	public static final String NAME_KERNEL_TEMPLATE = "name.kernel-template";
	public static final String DEVICE_TRIPLET = "device.triplet";

	// Safe on a live host: the admin's way in (docs/checks.md)
	/** The management path joins an OVS bridge whose port does not carry the management address. */
	public static final String MGMT_ENSLAVED = "mgmt.enslaved";
	/** The management interface is the kernel's name of a qeth device the model names otherwise. */
	public static final String MGMT_RENAMED = "mgmt.renamed";
	/** The model gives the management interface addresses without the one the admin uses. */
	public static final String MGMT_READDRESSED = "mgmt.readdressed";
	/** A default route of the model replaces the management path's gateway. */
	public static final String MGMT_DEFAULT_ROUTE = "mgmt.default-route";
	/** An attached bridge's uplink carries an address of its own: dead once it joins the bridge. */
	public static final String OVS_UPLINK_ADDRESS = "ovs.uplink-address";

	/** The checks' codes with their default severities, in catalogue order; these can be configured. */
	public static final Map<String, Severity> CONFIGURABLE;

	static {
		Map<String, Severity> c = new LinkedHashMap<>();
		c.put(ISFC_TOO_MANY_CTCS, Severity.ERROR);
		c.put(ISFC_CTCS_PER_CHPID, Severity.WARNING);
		c.put(ISFC_CHPID_ORDER, Severity.WARNING);
		c.put(ISFC_MIXED_SPEEDS, Severity.INFO);
		c.put(ISFC_UNPAIRED_DEVICE, Severity.ERROR);
		c.put(ISFC_SINGLE_CTC, Severity.WARNING);
		c.put(ISFC_STOP_SHORT_DEPTH, Severity.INFO);
		c.put(ISFC_APPC_SCALING, Severity.INFO);
		c.put(ISFC_NOT_FICON, Severity.ERROR);
		c.put(ISFC_NODE_NAME, Severity.ERROR);
		c.put(SSI_MEMBERS, Severity.ERROR);
		c.put(ARP_SAME_SUBNET, Severity.ERROR);
		c.put(ARP_UNFILTERED, Severity.WARNING);
		c.put(ARP_LAYER3, Severity.ERROR);
		c.put(ARP_NO_FORWARDING, Severity.ERROR);
		c.put(FWD_GLOBAL, Severity.WARNING);
		c.put(FWD_POLICY_ACCEPT, Severity.WARNING);
		c.put(ROUTE_ASYMMETRIC, Severity.ERROR);
		c.put(ROUTE_TWO_PATHS, Severity.ERROR);
		c.put(ROUTE_GATEWAY, Severity.ERROR);
		c.put(ROUTE_UNREACHABLE_GATEWAY, Severity.ERROR);
		c.put(ADDR_DUPLICATE, Severity.ERROR);
		c.put(ADDR_AUTO, Severity.ERROR);
		c.put(NAT_SERVER, Severity.WARNING);
		c.put(RP_ASYMMETRIC, Severity.WARNING);
		c.put(MTU_GUEST_BRIDGE, Severity.ERROR);
		c.put(MTU_ATTACHED_UPLINK, Severity.ERROR);
		c.put(MTU_RANGE, Severity.ERROR);
		c.put(MTU_HIPERSOCKETS_SMALL, Severity.INFO);
		c.put(MTU_OVS_REQUEST, Severity.INFO);
		c.put(MTU_MACVTAP, Severity.INFO);
		c.put(LAYER_HIPERSOCKETS_MIX, Severity.ERROR);
		c.put(LAYER_GUEST_TO_L3, Severity.ERROR);
		c.put(LAYER_L3_PARTNER, Severity.ERROR);
		c.put(LAYER_ATTACH_L3, Severity.ERROR);
		c.put(LAYER_ATTACH_VNICC, Severity.WARNING);
		c.put(HIPERSOCKETS_CROSS_CEC, Severity.ERROR);
		c.put(IUCV_LEGACY, Severity.WARNING);
		c.put(NAME_INTERFACE, Severity.ERROR);
		c.put(NAME_KERNEL_TEMPLATE, Severity.WARNING);
		c.put(DEVICE_TRIPLET, Severity.ERROR);
		c.put(MGMT_ENSLAVED, Severity.ERROR);
		c.put(MGMT_RENAMED, Severity.ERROR);
		c.put(MGMT_READDRESSED, Severity.ERROR);
		c.put(MGMT_DEFAULT_ROUTE, Severity.ERROR);
		c.put(OVS_UPLINK_ADDRESS, Severity.ERROR);
		CONFIGURABLE = java.util.Collections.unmodifiableMap(c);
	}
}
