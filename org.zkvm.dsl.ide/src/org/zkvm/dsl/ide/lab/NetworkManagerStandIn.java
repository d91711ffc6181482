package org.zkvm.dsl.ide.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.zkvm.dsl.lab.LabNetwork.Node;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The nmcli a RHEL host's setup.sh runs in the lab (nm-standin.py): on RHEL setup applies the plan
 * through NetworkManager, which Debian builds without Open vSwitch support. The stand-in reads each
 * profile with libnm (nm-profiles.py) and applies it by NetworkManager's own rules (nm-ovsdb.c for
 * the Open vSwitch rows), keeping what it loaded and activated in a folder of the host's; the
 * reboot writes there what the boot activated, as a new NetworkManager's state would be.
 */
final class NetworkManagerStandIn {

	static final String SAID = "setup.sh applies through NetworkManager: the lab's nmcli stand-in reads its profiles with libnm and applies them by"
			+ " NetworkManager's rules (nm-ovsdb.c for the Open vSwitch rows; Debian's NetworkManager has no Open vSwitch support), with the userspace"
			+ " datapath and without matching the qeth channel keys to a device";

	private final Lab lab;
	private final Set<String> hosts = new HashSet<>();

	NetworkManagerStandIn(Lab lab) {
		this.lab = lab;
	}

	/** Whether a generated setup.sh applies through NetworkManager. */
	static boolean used(String setup) {
		return setup.contains("\nzknet_nm_profile ");
	}

	/** Registers a host whose setup.sh uses NetworkManager and writes its nmcli. */
	void install(Node host) throws LabException {
		Path folder = folder(host);
		try {
			Files.createDirectories(folder.resolve("bin"));
			for (String resource : new String[] {"nm-profiles.py", "nm-standin.py"}) {
				try (InputStream in = NetworkManagerStandIn.class.getResourceAsStream(resource)) {
					if (in == null) {
						throw new IOException(resource + " is missing from the lab's classes");
					}
					Files.write(lab.work().resolve(resource), in.readAllBytes());
				}
			}
			Path nmcli = folder.resolve("bin/nmcli");
			Files.writeString(nmcli, "#!/bin/sh\nexec " + NetworkManagerBoot.python() + " '" + lab.work().resolve("nm-standin.py") + "' '" + folder + "' \"$@\"\n");
			Files.setPosixFilePermissions(nmcli, PosixFilePermissions.fromString("rwx------"));
		} catch (IOException e) {
			throw new LabException("cannot write the lab's nmcli for " + host.id() + ": " + e.getMessage());
		}
		hosts.add(host.id());
	}

	/** What the host's scripts run with: the stand-in first on the PATH, for a host that uses it. */
	Map<String, String> environment(Node node) {
		Map<String, String> environment = new LinkedHashMap<>();
		if (hosts.contains(node.id())) {
			environment.put("PATH", folder(node).resolve("bin") + ":" + System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"));
		}
		return environment;
	}

	/** After the node's boot: the profiles NetworkManager loaded (libnm's reading, as JSON) are the ones active, as the boot brought them all up. */
	void booted(Node node, String profiles) throws LabException {
		if (!hosts.contains(node.id())) {
			return;
		}
		JsonObject state = new JsonObject();
		JsonObject loaded = new JsonObject();
		JsonArray active = new JsonArray();
		for (JsonElement profile : JsonParser.parseString(profiles).getAsJsonArray()) {
			String uuid = profile.getAsJsonObject().get("uuid").getAsString();
			loaded.add(uuid, profile);
			active.add(uuid);
		}
		state.add("profiles", loaded);
		state.add("active", active);
		try {
			Files.writeString(folder(node).resolve("standin.json"), state.toString());
		} catch (IOException e) {
			throw new LabException("cannot write NetworkManager's state after the boot of " + node.id() + ": " + e.getMessage());
		}
	}

	private Path folder(Node node) {
		return lab.work().resolve("nm-standin").resolve(Lab.shortName(node));
	}
}
