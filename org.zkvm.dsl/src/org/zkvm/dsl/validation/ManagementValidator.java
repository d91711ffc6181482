package org.zkvm.dsl.validation;

import java.util.List;
import java.util.Optional;

import org.eclipse.xtext.validation.Check;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.topology.Addresses;
import org.zkvm.dsl.analysis.IpAddress;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.Routes;
import org.zkvm.dsl.topology.Links;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.HostRoute;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Management;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.QethInterface;

/**
 * The admin's way into a live host (docs/checks.md, "Safe on a live host"): a plan that enslaves,
 * renames, re-addresses or moves the default route off the management path, or that enslaves an
 * uplink with an address of its own, takes the host off the network when setup.sh runs or at the
 * next boot.
 */
public class ManagementValidator extends ZknetCheckBase {

	@Check
	public void checkManagementPath(Management management) {
		Lpar lpar = Hosts.lparOf(management);
		if (lpar == null || management.getIface() == null) {
			return;
		}
		Optional<Ipv4Prefix> address = Optional.ofNullable(management.getAddress()).flatMap(Addresses::parsePrefix);
		String name = management.getIface();
		for (OvsBridge bridge : Hosts.members(lpar, OvsBridge.class)) {
			if (!bridge.isRouted() && bridge.getUplink() != null && name.equals(bridge.getUplink().getName())) {
				List<Ipv4Prefix> bridgeAddresses = Addresses.of(bridge);
				if (address.isEmpty() || !bridgeAddresses.contains(address.get())) {
					report(IssueCodes.MGMT_ENSLAVED, "the management path " + name + " joins bridge " + bridge.getName()
							+ ": from then on Open vSwitch takes every frame it receives, and the admin's session dies unless the bridge's port "
							+ port(bridge) + " carries " + address.map(Ipv4Prefix::toString).orElse("the management address")
							+ (address.isPresent() ? " (setup moves it there in the same step)" : " (give it in 'management ... address')"),
							management, Z.getManagement_Iface(), bridge.getName(), address.map(Ipv4Prefix::toString).orElse(""));
				}
				return;
			}
		}
		for (QethInterface qeth : Hosts.members(lpar, QethInterface.class)) {
			// a bond's member: setup.sh refuses to enslave it while the session runs over it, and moves no address to the bond
			Optional<String> bond = Links.bondOf(qeth).map(b -> "bond " + b.getName())
					.or(() -> Links.ovsBondOf(qeth).map(b -> "the Open vSwitch bond of " + b.getName()));
			if (name.equals(qeth.getName()) && bond.isPresent()) {
				report(IssueCodes.MGMT_ENSLAVED, "the management path " + name + " is a member of " + bond.get() + ": once enslaved it carries no "
						+ "address of its own, and the admin's session dies (setup.sh refuses it); plan the management path on the bond or elsewhere",
						management, Z.getManagement_Iface());
				return;
			}
		}
		for (QethInterface qeth : Hosts.members(lpar, QethInterface.class)) {
			Optional<String> kernelName = Hosts.predictableName(qeth);
			if (kernelName.isPresent() && kernelName.get().equals(name) && !name.equals(qeth.getName())) {
				report(IssueCodes.MGMT_RENAMED, "the management interface " + name + " is the kernel's name of " + qeth.getName() + "'s device "
						+ qeth.getDevice().split(",")[0].strip() + ": the model calls it " + qeth.getName() + ", so udev/70-zknet.rules renames it at "
						+ "the next boot and the distribution's own configuration of " + name + " (the admin's way in) no longer applies; name the "
						+ "interface " + name + " in the model (setup.sh never renames a live interface; it keeps " + name + " until the reboot)",
						management, Z.getManagement_Iface(), qeth.getName(), name);
			}
		}
		Optional<HostInterface> modelled = Hosts.interfaces(lpar).stream().filter(i -> name.equals(portName(i))).findFirst();
		if (modelled.isPresent() && address.isPresent() && !Addresses.of(modelled.get()).contains(address.get())) {
			report(IssueCodes.MGMT_READDRESSED, "the admin reaches the host at " + address.get() + " on " + name + ", but the model gives " + name + " "
					+ (Addresses.of(modelled.get()).isEmpty() ? "no address" : "only " + join(Addresses.of(modelled.get())))
					+ ": after the next boot the management address is gone; add it to " + name, management, Z.getManagement_Address(),
					modelled.get().getName(), address.get().toString());
		}
		if (management.getGateway() == null) {
			return;
		}
		for (HostRoute route : Hosts.members(lpar, HostRoute.class)) {
			boolean sameDevice = route.getDevice() == null || name.equals(portName(route.getDevice()));
			boolean sameGateway = route.getGateway() == null ? route.getDevice() != null : route.getGateway().equals(management.getGateway());
			boolean sameFamily = Routes.isIpv6(route) == IpAddress.isIpv6(management.getGateway());
			if (route.isDefaultRoute() && sameFamily && !(sameDevice && sameGateway)) {
				report(IssueCodes.MGMT_DEFAULT_ROUTE, "this default route replaces the management path's (via " + management.getGateway() + " dev "
						+ name + "): an admin who reaches the host through a router loses the session; route the management networks by "
						+ "their own routes, or name the new path in 'management' to plan this on purpose", route, Z.getHostRoute_DefaultRoute());
			}
		}
	}

	@Check
	public void checkUplinkAddress(OvsBridge bridge) {
		if (bridge.isRouted() || bridge.getUplink() == null || bridge.getUplink().eIsProxy()) {
			return;
		}
		List<Ipv4Prefix> addresses = Addresses.of(bridge.getUplink());
		if (!addresses.isEmpty()) {
			report(IssueCodes.OVS_UPLINK_ADDRESS, bridge.getUplink().getName() + " carries " + join(addresses) + " but joins bridge " + bridge.getName()
					+ ": Open vSwitch takes every frame an attached port receives, so an address on it is dead (seed 002, Scenario I); give it to "
					+ port(bridge) + " instead", bridge, Z.getOvsBridge_Uplink(),
					addresses.stream().map(Ipv4Prefix::toString).toArray(String[]::new));
		}
	}

	private static String join(List<Ipv4Prefix> addresses) {
		return String.join(", ", addresses.stream().map(Ipv4Prefix::toString).toList());
	}

	/** The device that carries a bridge's addresses: its internal port. */
	private static String port(OvsBridge bridge) {
		return bridge.getVnic() != null ? bridge.getVnic() : bridge.getName();
	}

	private static String portName(HostInterface iface) {
		return iface instanceof OvsBridge bridge ? port(bridge) : iface.getName();
	}
}
