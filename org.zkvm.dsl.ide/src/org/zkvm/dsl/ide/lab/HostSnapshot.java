package org.zkvm.dsl.ide.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * What a lab host's namespace holds that setup.sh may change, read by the lab itself (not by the
 * script under test): links (name, MTU, up, master, txqueuelen, MAC), addresses and routes from
 * 'ip -j', the IPv4 sysctls of every interface and its IPv6 forwarding, accept_ra and proxy_ndp, the
 * proxy NDP entries, the whole nftables ruleset and the Open vSwitch
 * bridges, ports and MTU requests. Two snapshots are equal when the host is the same for
 * everything setup touches; the qdisc a driver attaches when a link first comes up is not part of it.
 */
record HostSnapshot(List<String> lines) {

	static HostSnapshot take(Lab lab, String namespace, Map<String, String> ovs) throws LabException {
		List<String> lines = new ArrayList<>();
		for (JsonElement link : array(lab.shell().output(namespace, Map.of(), "ip", "-j", "link", "show"))) {
			JsonObject l = link.getAsJsonObject();
			lines.add("link " + text(l, "ifname") + " mtu " + text(l, "mtu") + (flags(l).contains("UP") ? " up" : " down") + " master " + text(l, "master")
					+ " txqlen " + text(l, "txqlen") + " mac " + text(l, "address"));
		}
		for (JsonElement link : array(lab.shell().output(namespace, Map.of(), "ip", "-j", "addr", "show"))) {
			JsonObject l = link.getAsJsonObject();
			for (JsonElement address : l.getAsJsonArray("addr_info")) {
				JsonObject a = address.getAsJsonObject();
				lines.add("addr " + text(l, "ifname") + " " + text(a, "family") + " " + text(a, "local") + "/" + text(a, "prefixlen") + " scope "
						+ text(a, "scope"));
			}
		}
		for (String family : List.of("-4", "-6")) {
			for (JsonElement route : array(lab.shell().output(namespace, Map.of(), "ip", "-j", family, "route", "show", "table", "all"))) {
				JsonObject r = route.getAsJsonObject();
				StringBuilder line = new StringBuilder("route");
				for (String key : List.of("type", "dst", "gateway", "dev", "protocol", "scope", "prefsrc", "metric", "table")) {
					line.append(' ').append(key).append(' ').append(text(r, key));
				}
				lines.add(line.toString());
			}
		}
		lab.shell().output(namespace, Map.of(), "sysctl", "-a", "-r", "^net\\.ipv4\\.(ip_forward$|conf\\.)").lines().map(l -> "sysctl " + l).forEach(lines::add);
		lab.shell().output(namespace, Map.of(), "sysctl", "-a", "-r", "^net\\.ipv6\\.conf\\.[^.]+\\.(forwarding|accept_ra|proxy_ndp)$").lines().map(l -> "sysctl " + l)
				.forEach(lines::add);
		lab.shell().output(namespace, Map.of(), "ip", "-6", "neigh", "show", "proxy").lines().map(l -> "proxy " + l.strip()).forEach(lines::add);
		lab.shell().output(namespace, Map.of(), "nft", "list", "ruleset").lines().map(l -> "nft " + l).forEach(lines::add);
		if (!ovs.isEmpty()) {
			for (String bridge : lab.shell().output(namespace, ovs, "ovs-vsctl", "--timeout=10", "list-br").lines().toList()) {
				lines.add("ovs bridge " + bridge);
				lab.shell().output(namespace, ovs, "ovs-vsctl", "--timeout=10", "list-ports", bridge).lines().map(p -> "ovs port " + bridge + " " + p).forEach(lines::add);
			}
			lab.shell().output(namespace, ovs, "ovs-vsctl", "--timeout=10", "--format=csv", "--data=bare", "--no-headings", "--columns=name,type,mtu_request", "list",
					"interface").lines().map(l -> "ovs interface " + l).forEach(lines::add);
			// whose rows they are: NetworkManager's id on a RHEL host's rows (zknet_nm_row)
			for (String table : List.of("bridge", "port", "interface")) {
				lab.shell().output(namespace, ovs, "ovs-vsctl", "--timeout=10", "--format=csv", "--data=bare", "--no-headings", "--columns=name,external_ids", "list",
						table).lines().sorted().map(l -> "ovs " + table + " ids " + l).forEach(lines::add);
			}
		}
		return new HostSnapshot(List.copyOf(new TreeSet<>(lines)));
	}

	/** What differs, as "- line" (only in this one) and "+ line" (only in the other). */
	List<String> differences(HostSnapshot other) {
		List<String> result = new ArrayList<>();
		lines.stream().filter(l -> !other.lines.contains(l)).map(l -> "- " + l).forEach(result::add);
		other.lines.stream().filter(l -> !lines.contains(l)).map(l -> "+ " + l).forEach(result::add);
		return result;
	}

	private static JsonArray array(String json) {
		JsonElement parsed = JsonParser.parseString(json.isBlank() ? "[]" : json);
		return parsed.isJsonArray() ? parsed.getAsJsonArray() : new JsonArray();
	}

	private static List<String> flags(JsonObject object) {
		List<String> result = new ArrayList<>();
		if (object.has("flags")) {
			object.getAsJsonArray("flags").forEach(f -> result.add(f.getAsString()));
		}
		return result;
	}

	private static String text(JsonObject object, String key) {
		JsonElement value = object.get(key);
		return value == null || value.isJsonNull() ? "-" : value.getAsString();
	}
}
