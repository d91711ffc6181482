#!/usr/bin/python3
"""The lab's reading of NetworkManager keyfiles, by libnm itself: NM's keyfile reader, normalize()
and verify(), as NetworkManager reads /etc/NetworkManager/system-connections on a RHEL host.

Usage: nm-profiles.py FILE...  Prints one JSON object per file on stdout (a list), with what the
lab needs to build the Open vSwitch part that Debian's NetworkManager (built without Open vSwitch)
cannot: the connection's type, interface, controller and port type, MTU, MAC and IPv4 settings.
A file libnm rejects ends the run with status 1 and libnm's reason on stderr.
"""
import json
import sys

import gi

gi.require_version("NM", "1.0")
from gi.repository import GLib, NM  # noqa: E402


def read(path):
    keyfile = GLib.KeyFile()
    keyfile.load_from_file(path, GLib.KeyFileFlags.NONE)
    connection = NM.keyfile_read(keyfile, "/etc/NetworkManager/system-connections", NM.KeyfileHandlerFlags.NONE, None, None)
    connection.normalize()
    connection.verify()
    return connection


def describe(path, connection):
    setting = connection.get_setting_connection()
    wired = connection.get_setting_wired()
    ovs_interface = connection.get_setting_by_name("ovs-interface")
    ipv4 = connection.get_setting_ip4_config()
    result = {
        "file": path,
        "id": setting.get_id(),
        "uuid": setting.get_uuid(),
        "type": setting.get_connection_type(),
        "interface": setting.get_interface_name(),
        "controller": setting.get_master(),
        "port-type": setting.get_slave_type(),
        "mtu": wired.get_mtu() if wired else 0,
        "mac": wired.get_mac_address() if wired else None,
        "ovs-interface-type": ovs_interface.get_interface_type() if ovs_interface else None,
        "ipv4": None,
    }
    if ipv4 is not None and ipv4.get_method() == "manual":
        result["ipv4"] = {
            "addresses": [f"{a.get_address()}/{a.get_prefix()}" for a in (ipv4.get_address(i) for i in range(ipv4.get_num_addresses()))],
            "gateway": ipv4.get_gateway(),
            "route-metric": ipv4.get_route_metric(),
            "routes": [{"to": f"{r.get_dest()}/{r.get_prefix()}", "via": r.get_next_hop(), "metric": r.get_metric()}
                       for r in (ipv4.get_route(i) for i in range(ipv4.get_num_routes()))],
        }
    return result


def main(files):
    profiles = []
    for path in files:
        try:
            profiles.append(describe(path, read(path)))
        except GLib.Error as error:
            print(f"{path}: {error.message}", file=sys.stderr)
            return 1
    print(json.dumps(profiles))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
