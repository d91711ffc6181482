package org.zkvm.dsl.ide.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.zkvm.dsl.lab.LabNetwork.Node;
import org.zkvm.dsl.lab.LabNetwork.Port;

/**
 * Linux bonds and 802.1Q VLAN devices on a kernel that has neither (CONFIG_BONDING and
 * CONFIG_VLAN_8021Q unset on the machines zknet is tested on): the lab builds each one from the
 * generated setup.sh's own {@code zknet_bond} and {@code zknet_vlan} lines, before setup.sh runs,
 * as an Open vSwitch stand-in in the host's namespace under the model's names; setup.sh then skips
 * those lines ({@link ScriptAdapter}) and does everything else on the stand-ins. A bond is an Open
 * vSwitch active-backup bond of its members (the primary preferred while it has carrier; a member
 * without carrier is left, as the bonding driver's MII monitor does) with an internal port of the
 * bond's name for its untagged frames; a VLAN on it is an internal port of the VLAN's name tagged
 * with its id. Open vSwitch has no other mode of the bonding driver that works with two switches,
 * so a bond in another mode is refused.
 */
final class KernelStandIns {

	private static final Pattern BOND = Pattern.compile("(?m)^zknet_bond (\\S+) (\\S+) (.+)$");
	private static final Pattern VLAN = Pattern.compile("(?m)^zknet_vlan (\\S+) (\\S+) (\\d+)$");

	/** The external id that marks the Open vSwitch bond standing in for a Linux bond (the lab's nmcli reads it). */
	static final String BOND_ID = "zknet-lab-bond";

	private final Lab lab;

	KernelStandIns(Lab lab) {
		this.lab = lab;
	}

	/** Whether a generated setup.sh makes Linux bonds or VLAN devices. */
	static boolean needed(String setup) {
		return BOND.matcher(setup).find() || VLAN.matcher(setup).find();
	}

	/** The bonds and VLANs of the host's setup.sh, as stand-ins; the host's Open vSwitch runs already. */
	void build(Node host, String setup) throws LabException {
		Map<String, String> bridgeOf = new LinkedHashMap<>();
		List<String> said = new ArrayList<>();
		Matcher bond = BOND.matcher(setup);
		while (bond.find()) {
			String name = bond.group(1);
			Map<String, String> options = options(bond.group(2));
			String mode = options.getOrDefault("mode", "balance-rr");
			if (!mode.equals("active-backup")) {
				throw new LabException(host.id() + ": bond " + name + " runs mode " + mode
						+ ": the lab's stand-in for the kernel's bonding driver (an Open vSwitch bond) does active-backup only");
			}
			String bridge = standInBridge(host, bridgeOf.size() + 1);
			bridgeOf.put(name, bridge);
			List<String> command = new ArrayList<>(List.of("add-bond", bridge, name + "-members"));
			command.addAll(List.of(bond.group(3).trim().split("\\s+")));
			command.add("bond_mode=active-backup");
			command.add("other_config:bond-detect-mode=miimon");
			command.add("other_config:bond-miimon-interval=" + options.getOrDefault("miimon", "100"));
			if (options.containsKey("primary")) {
				command.add("other_config:bond-primary=" + options.get("primary"));
			}
			command.add("external_ids:" + BOND_ID + "=" + name);
			vsctl(host, command.toArray(String[]::new));
			for (String member : bond.group(3).trim().split("\\s+")) {
				lab.cabling().bridgePortOnly(lab.namespaceOf(host), member);
			}
			// the bond's own frames are untagged: its port carries VLAN 0 only, so it never sees its VLANs' frames
			internalPort(host, bridge, name, "trunks=0");
			said.add(name + " (Open vSwitch active-backup bond of " + bond.group(3).trim() + ")");
		}
		Matcher vlan = VLAN.matcher(setup);
		while (vlan.find()) {
			String name = vlan.group(1);
			String parent = vlan.group(2);
			String bridge = bridgeOf.get(parent);
			if (bridge == null) {
				Port port = host.port(parent).orElseThrow(() -> new LabException(host.id() + ": VLAN " + name + " on " + parent + ", which the lab has not cabled"));
				if (!port.addresses().isEmpty()) {
					throw new LabException(host.id() + ": VLAN " + name + " on " + parent + ", which has addresses of its own: the lab's stand-in for the kernel's"
							+ " 802.1Q driver makes the parent a switch port and cannot keep them");
				}
				bridge = standInBridge(host, bridgeOf.size() + 1);
				bridgeOf.put(parent, bridge);
				vsctl(host, "add-port", bridge, parent);
				lab.cabling().bridgePortOnly(lab.namespaceOf(host), parent);
			}
			internalPort(host, bridge, name, "tag=" + vlan.group(3));
			said.add(name + " (internal port tagged " + vlan.group(3) + " on " + parent + ")");
		}
		if (!said.isEmpty()) {
			lab.out().println(host.id() + ": no bonding or 802.1Q driver in this kernel: stand-ins under the model's names, from setup.sh's own lines: "
					+ String.join(", ", said));
			lab.out().flush();
		}
	}

	private String standInBridge(Node host, int index) throws LabException {
		String bridge = "zkstand" + index;
		vsctl(host, "--may-exist", "add-br", bridge, "--", "set", "bridge", bridge, "datapath_type=netdev");
		return bridge;
	}

	/** An internal port, with the MTU the model gives the device as mtu_request (Open vSwitch would otherwise set the smallest of its bridge's ports). */
	private void internalPort(Node host, String bridge, String name, String vlanSetting) throws LabException {
		int mtu = host.port(name).map(Port::mtu).orElse(1500);
		vsctl(host, "add-port", bridge, name, "--", "set", "port", name, vlanSetting, "--", "set", "interface", name, "type=internal", "mtu_request=" + mtu);
	}

	private static Map<String, String> options(String text) {
		Map<String, String> result = new LinkedHashMap<>();
		for (String option : text.split(",")) {
			int equals = option.indexOf('=');
			if (equals > 0) {
				result.put(option.substring(0, equals), option.substring(equals + 1));
			}
		}
		return result;
	}

	private void vsctl(Node host, String... arguments) throws LabException {
		lab.shell().vsctl(lab.namespaceOf(host), lab.openVSwitches().environment(host), arguments);
	}
}
