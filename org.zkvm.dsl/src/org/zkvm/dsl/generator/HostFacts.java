package org.zkvm.dsl.generator;

import java.util.ArrayList;
import java.util.List;

import org.zkvm.dsl.analysis.BusId;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.zknet.ArpFilter;
import org.zkvm.dsl.zknet.BondMode;
import org.zkvm.dsl.zknet.FirewallTools;
import org.zkvm.dsl.zknet.ForwardFilter;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.OperatingSystem;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.QethInterface;
import org.zkvm.dsl.zknet.VnicCharacteristic;

/** Facts of the model's host elements that HostPlanReader, the lab and the checks share: device names, bus-IDs, chzdev attributes, filters. */
public final class HostFacts {
	private HostFacts() {
	}

	public static boolean generatesHost(Lpar lpar) {
		return lpar.getOs() == OperatingSystem.KVM || lpar.getOs() == OperatingSystem.LINUX;
	}

	public static boolean legacyFirewall(Lpar lpar) {
		return lpar.getFirewall() == FirewallTools.LEGACY;
	}

	/** read:write:data for chzdev (facts §1.2); write = read + 1, data = read + 2 when only the read device is given. */
	public static String triplet(QethInterface qeth) {
		String[] parts = qeth.getDevice().split(",");
		if (parts.length == 3) {
			return parts[0].strip() + ":" + parts[1].strip() + ":" + parts[2].strip();
		}
		BusId read = BusId.parse(parts[0].strip());
		return read + ":" + read.next(1) + ":" + read.next(2);
	}

	public static String readDevice(QethInterface qeth) {
		return qeth.getDevice().split(",")[0].strip();
	}

	/** chzdev attributes: layer2 first (it is set offline, facts §1.3), then the VNIC characteristics. */
	public static List<String> chzdevAttributes(QethInterface qeth) {
		List<String> attributes = new ArrayList<>();
		attributes.add("layer2=" + (Hosts.layer(qeth) == 2 ? 1 : 0));
		for (VnicCharacteristic c : qeth.getVnicc()) {
			attributes.add("vnicc/" + c.getLiteral().replace('-', '_') + "=1");
		}
		return attributes;
	}

	public static List<QethInterface> qeth(Lpar lpar) {
		return Hosts.members(lpar, QethInterface.class);
	}

	public static List<OvsBridge> bridges(Lpar lpar) {
		return Hosts.members(lpar, OvsBridge.class);
	}

	/** The internal port of a bridge: its vnic name, or the bridge's own interface. */
	public static String port(OvsBridge bridge) {
		return bridge.getVnic() != null ? bridge.getVnic() : bridge.getName();
	}

	/** The port of a bridge's Open vSwitch bond: BRIDGE-bond (an Open vSwitch port, no kernel device). */
	public static String ovsBondPort(OvsBridge bridge) {
		return bridge.getName() + "-bond";
	}

	/** The bonding driver's name of a mode: the language's 'lacp' is the kernel's 802.3ad. */
	public static String bondMode(BondMode mode) {
		return mode == BondMode.LACP ? "802.3ad" : mode.getLiteral();
	}

	/** The device that carries an interface's addresses: the internal port for a bridge. */
	public static String portName(HostInterface iface) {
		return iface instanceof OvsBridge bridge ? port(bridge) : iface.getName();
	}

	public static ArpFilter arpFilter(Lpar lpar) {
		List<ArpFilter> filters = Hosts.members(lpar, ArpFilter.class);
		return filters.isEmpty() ? null : filters.get(0);
	}

	public static ForwardFilter forwardFilter(Lpar lpar) {
		List<ForwardFilter> filters = Hosts.members(lpar, ForwardFilter.class);
		return filters.isEmpty() ? null : filters.get(0);
	}
}
