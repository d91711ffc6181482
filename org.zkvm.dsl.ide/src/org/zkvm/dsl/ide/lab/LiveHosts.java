package org.zkvm.dsl.ide.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.zkvm.dsl.lab.LabNetwork.Node;

/**
 * A lab that starts like production: before its setup.sh runs, every KVM host and Linux LPAR gets
 * what a live host already has and the model does not configure: a management NIC on a LAN of its
 * own with an admin's namespace at the other end, the default route through it, an admin's TCP
 * session into the host that stays open through the whole run (setup sees it as $SSH_CONNECTION),
 * and one more NIC with a neighbour on it. After setup the lab checks, per host, that the session
 * still passes data, the other NIC still answers ARP and ping, and the default route is the one the
 * host had unless the model sets one. When the model names an interface it does not configure as
 * the host's management path ('management NAME address A via G'), that is the management NIC.
 */
final class LiveHosts {

	private static final Pattern MANAGEMENT = Pattern.compile("(?m)^zknet_management (\\S+)(?: (\\S+))?(?: (\\S+))?$");
	private static final int SESSION_PORT = 2222;

	/** One host's production start. */
	record Start(Node host, String namespace, String admin, String neighbour, String managementNic, String hostAddress, String adminAddress,
			String sideNic, String sideAddress, String neighbourAddress, String defaultRoute, boolean modelSetsDefault, Path status, String length) {

		/** What setup.sh sees of the session, as sshd sets it. */
		String sshConnection() {
			return adminAddress + " 50022 " + hostAddress + " 22";
		}
	}

	private final Lab lab;
	private final PrintWriter out;
	private final List<Start> starts = new ArrayList<>();
	private final List<String> failures = new ArrayList<>();
	private int kept;

	LiveHosts(Lab lab, PrintWriter out) {
		this.lab = lab;
		this.out = out;
	}

	Optional<Start> of(Node host) {
		return starts.stream().filter(s -> s.host().id().equals(host.id())).findFirst();
	}

	/** Gives the host its management LAN, admin session, second unmodelled NIC and default route; {@code setup} is its generated setup.sh. */
	void prepare(Node host, String setup) throws LabException {
		if (NetworkManagerStandIn.used(setup)) {
			// a RHEL host runs NetworkManager, and its setup.sh applies through it
			lab.networkManagerStandIn().install(host);
			out.println(host.id() + ": " + NetworkManagerStandIn.SAID);
		}
		int index = starts.size() + 1;
		String namespace = lab.namespaceOf(host);
		String managementNic = free(host, "mgmt0");
		String hostAddress = "198.18." + index + ".10/24";
		String adminAddress = "198.18." + index + ".1";
		Matcher management = MANAGEMENT.matcher(setup);
		if (management.find() && host.port(management.group(1)).isEmpty()) {
			managementNic = management.group(1);
			if (management.group(2) != null && !management.group(2).equals("-")) {
				hostAddress = management.group(2);
				adminAddress = management.group(3) != null && !management.group(3).equals("-") ? management.group(3) : neighbourOf(hostAddress);
			}
		}
		String admin = lab.createNamespace("adm" + index);
		String neighbour = lab.createNamespace("nb" + index);
		String sideNic = free(host, "backup0");
		String sideAddress = "198.19." + index + ".10/24";
		String neighbourAddress = "198.19." + index + ".1";
		cable(namespace, managementNic, hostAddress, admin, adminAddress + "/" + hostAddress.substring(hostAddress.indexOf('/') + 1));
		cable(namespace, sideNic, sideAddress, neighbour, neighbourAddress + "/24");
		lab.shell().ip(namespace, "route", "replace", "default", "via", adminAddress, "dev", managementNic);
		settle(namespace);
		String defaultRoute = lab.shell().output(namespace, Map.of(), "ip", "-4", "route", "show", "default").strip();
		Path status = lab.work().resolve("session-" + index);
		startSession(namespace, admin, address(hostAddress), status);
		starts.add(new Start(host, namespace, admin, neighbour, managementNic, address(hostAddress), adminAddress, sideNic, address(sideAddress),
				neighbourAddress, defaultRoute, setup.contains("\nzknet_route default "), status, hostAddress.substring(hostAddress.indexOf('/'))));
		out.println(host.id() + ": starts like production: " + managementNic + " " + hostAddress + " (admin at " + adminAddress
				+ ", the default route and an open admin session), " + sideNic + " " + sideAddress + " (a neighbour at " + neighbourAddress + ")");
		out.flush();
	}

	/**
	 * After the host's reboot: its unmodelled NICs come back by the host's own files (the cables
	 * to the admin and the neighbour again, their addresses, the default route through the
	 * management NIC unless the model sets one), and the admin logs in again.
	 */
	void reconnect(Node host) throws LabException {
		Start start = of(host).orElse(null);
		if (start == null) {
			return;
		}
		LabCleanup.killProcesses(lab.commands(), start.admin());
		try {
			Files.deleteIfExists(start.status());
		} catch (IOException e) {
			throw new LabException("cannot clear " + start.status() + ": " + e.getMessage());
		}
		String length = start.length();
		cable(start.namespace(), start.managementNic(), start.hostAddress() + length, start.admin(), start.adminAddress() + length);
		cable(start.namespace(), start.sideNic(), start.sideAddress() + "/24", start.neighbour(), start.neighbourAddress() + "/24");
		if (!start.modelSetsDefault()) {
			lab.shell().ip(start.namespace(), "route", "replace", "default", "via", start.adminAddress(), "dev", start.managementNic());
		}
		settle(start.namespace());
		startSession(start.namespace(), start.admin(), start.hostAddress(), start.status());
	}

	/** Waits until the kernel has finished the links' IPv6 duplicate address detection, so that the host no longer changes by itself. */
	private void settle(String namespace) throws LabException {
		for (int i = 0; i < 100 && !lab.shell().output(namespace, Map.of(), "ip", "-6", "addr", "show", "tentative").isBlank(); i++) {
			sleep(100);
		}
	}

	private static String free(Node host, String name) {
		String candidate = name;
		for (int i = 1; host.port(candidate).isPresent(); i++) {
			candidate = name.replaceAll("\\d+$", "") + i;
		}
		return candidate;
	}

	private static String address(String prefix) {
		return prefix.substring(0, prefix.indexOf('/'));
	}

	/** Another address in the prefix's subnet: .1, or .2 when the host has .1. */
	private static String neighbourOf(String prefix) {
		String host = address(prefix);
		String base = host.substring(0, host.lastIndexOf('.') + 1);
		return host.endsWith(".1") ? base + "2" : base + "1";
	}

	private void cable(String namespace, String nic, String address, String other, String otherAddress) throws LabException {
		lab.shell().ip(namespace, "link", "add", nic, "type", "veth", "peer", "name", "eth0", "netns", other);
		lab.shell().ip(namespace, "addr", "add", address, "dev", nic);
		lab.shell().ip(namespace, "link", "set", nic, "up");
		lab.shell().ip(other, "addr", "add", otherAddress, "dev", "eth0");
		lab.shell().ip(other, "link", "set", "eth0", "up");
	}

	private void startSession(String namespace, String admin, String hostAddress, Path status) throws LabException {
		Path script = lab.work().resolve("admin-session.py");
		try {
			if (!Files.exists(script)) {
				try (InputStream in = LiveHosts.class.getResourceAsStream("admin-session.py")) {
					Files.write(script, in.readAllBytes());
				}
			}
		} catch (IOException | NullPointerException e) {
			throw new LabException("cannot write the admin session's script: " + e.getMessage());
		}
		String port = Integer.toString(SESSION_PORT);
		lab.shell().background(namespace, "python3", script.toString(), "server", hostAddress, port);
		for (int attempt = 0; attempt < 50 && !readStatus(status).startsWith("alive"); attempt++) {
			if (attempt % 10 == 0) {
				lab.shell().background(admin, "python3", script.toString(), "client", hostAddress, port, status.toString());
			}
			sleep(100);
		}
		if (!readStatus(status).startsWith("alive")) {
			throw new LabException("the admin session to " + hostAddress + " did not start: " + readStatus(status));
		}
	}

	private static String readStatus(Path status) {
		try {
			return Files.readString(status).strip();
		} catch (IOException e) {
			return "not started";
		}
	}

	/** After setup (and again at the end): each host's session, its unmodelled NIC and its default route; prints one line per host. */
	void check(String when) throws LabException {
		sleep(1200);
		kept = 0;
		for (Start start : starts) {
			List<String> problems = new ArrayList<>();
			String session = readStatus(start.status());
			String[] fields = session.split(" ", 3);
			boolean alive = fields[0].equals("alive") && fields.length == 3
					&& System.currentTimeMillis() / 1000.0 - Double.parseDouble(fields[2]) < 1.5;
			if (alive) {
				kept++;
			} else {
				problems.add("the admin session is " + session);
			}
			boolean inbound = lab.shell().pingIn(start.neighbour(), start.sideAddress());
			boolean outbound = lab.shell().pingIn(start.namespace(), start.neighbourAddress());
			if (!inbound || !outbound) {
				problems.add(start.sideNic() + " " + (inbound ? "" : "answers no ping from its neighbour") + (!inbound && !outbound ? " and " : "")
						+ (outbound ? "" : "reaches its neighbour no more"));
			}
			String route = lab.shell().output(start.namespace(), Map.of(), "ip", "-4", "route", "show", "default").strip();
			String routeNote;
			if (start.modelSetsDefault()) {
				routeNote = "default route set by the model (" + route + "; was " + start.defaultRoute() + ")";
			} else if (route.equals(start.defaultRoute())) {
				routeNote = "default route unchanged";
			} else {
				routeNote = "default route changed";
				problems.add("the default route changed from '" + start.defaultRoute() + "' to '" + route + "', though the model sets none");
			}
			if (problems.isEmpty()) {
				out.println(start.host().id() + ": " + when + ": admin session kept (" + fields[1] + " echoes), " + start.sideNic()
						+ " answers ARP and ping, " + routeNote);
			} else {
				String failure = start.host().id() + ": " + when + ": " + String.join("; ", problems);
				out.println(failure);
				failures.add(failure);
			}
		}
		out.flush();
	}

	int kept() {
		return kept;
	}

	int hosts() {
		return starts.size();
	}

	List<String> failures() {
		return List.copyOf(failures);
	}

	private static void sleep(long millis) throws LabException {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new LabException("interrupted");
		}
	}
}
