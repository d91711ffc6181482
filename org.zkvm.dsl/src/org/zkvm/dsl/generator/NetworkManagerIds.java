package org.zkvm.dsl.generator;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.zknet.Lpar;

/**
 * The UUIDs of a host's NetworkManager profiles, derived from the model so that the same model
 * gives the same files: the keyfiles carry them, and on RHEL setup.sh writes them on the Open
 * vSwitch rows it makes (external_ids:NM.connection.uuid), which makes those rows NetworkManager's
 * own (docs/outputs.md, "One owner on RHEL").
 */
public final class NetworkManagerIds {

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
}
