package org.zkvm.dsl.generator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zkvm.dsl.generator.NetworkPlan.Kind;
import org.zkvm.dsl.generator.NetworkPlan.Link;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.zknet.Lpar;

/**
 * A host's NetworkManager profiles: their ids, files and UUIDs, derived from the model so that the
 * same model gives the same files. The keyfile generator writes them; on RHEL setup.sh installs,
 * loads and activates them in {@link #profiles} order, and gives Open vSwitch rows of the same
 * names that exist already the profile's UUID (external_ids:NM.connection.uuid), which makes them
 * NetworkManager's own (docs/outputs.md, "One owner on RHEL").
 */
public final class NetworkManagerIds {

	/** One profile: {@code activated} when setup brings it up itself (a controller comes up with the profiles that name it). */
	public record Profile(String id, String file, String uuid, boolean activated) {
	}

	private NetworkManagerIds() {
	}

	/** The UUID of the profile {@code id} ('br0', 'ovs-port-vnic0', 'ovs-if-vnic0', 'enc1000') of the machine at {@code path} (CEC/LPAR[/guest]). */
	public static String uuid(String path, String id) {
		return UUID.nameUUIDFromBytes(("zknet:" + path + ":" + id).getBytes(StandardCharsets.UTF_8)).toString();
	}

	/** The path a host's profiles are derived from: CEC/LPAR. */
	public static String path(Lpar lpar) {
		return Hosts.cecOf(lpar).getName() + "/" + lpar.getName();
	}

	/** The keyfile of a profile: its id as a file name. */
	public static String fileName(String id) {
		return Shell.fileName(id) + ".nmconnection";
	}

	/**
	 * Every profile of the plan, in the order setup activates them: the bridges and their ports
	 * (controllers, not activated by setup), then each bridge's internal port, which carries the
	 * addresses that move from the uplink, then the bonds, the ethernet profiles (uplinks and bond
	 * members among them) and the VLANs.
	 */
	public static List<Profile> profiles(NetworkPlan plan) {
		List<Profile> controllers = new ArrayList<>();
		List<Profile> internal = new ArrayList<>();
		List<Profile> ethernet = new ArrayList<>();
		List<Profile> bonds = new ArrayList<>();
		List<Profile> vlans = new ArrayList<>();
		for (Link link : plan.links()) {
			if (link.kind() == Kind.OVS_BRIDGE) {
				controllers.add(profile(plan, link.name(), false));
				controllers.add(profile(plan, "ovs-port-" + link.port(), false));
				if (link.lanPort() != null) {
					controllers.add(profile(plan, "ovs-port-" + link.lanPort(), false));
				}
				internal.add(profile(plan, "ovs-if-" + link.port(), true));
			} else if (link.kind() == Kind.BOND) {
				bonds.add(profile(plan, link.name(), true));
			} else if (link.kind() == Kind.VLAN) {
				vlans.add(profile(plan, link.name(), true));
			} else {
				ethernet.add(profile(plan, link.name(), true));
			}
		}
		// a port's profile names its bond by UUID, so the bond's is loaded first; a VLAN comes after its parent
		List<Profile> all = new ArrayList<>(controllers);
		all.addAll(internal);
		all.addAll(bonds);
		all.addAll(ethernet);
		all.addAll(vlans);
		return all;
	}

	private static Profile profile(NetworkPlan plan, String id, boolean activated) {
		return new Profile(id, fileName(id), uuid(plan.path(), id), activated);
	}
}
