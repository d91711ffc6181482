#!/usr/bin/python3
"""The lab's nmcli for a RHEL host: NetworkManager's part of setup.sh, on a machine whose
NetworkManager (Debian's) is built without Open vSwitch support.

Usage: nm-standin.py STATE-FOLDER NMCLI-ARGUMENTS...  (the lab puts it on setup.sh's PATH as nmcli)

It knows the nmcli commands zknet-apply.sh runs: 'general' (RUNNING), 'connection load FILE',
'connection up|down|delete uuid UUID' (or an id) and 'connection show --active' (-t, -f, -w as
nmcli takes them). Each keyfile is read by libnm itself (nm-profiles.py: NetworkManager's keyfile
reader, normalize(), verify()), so a file NetworkManager would reject is rejected here. The Open
vSwitch profiles are applied by NetworkManager's own rules (src/core/devices/ovs/nm-ovsdb.c):
 - an interface profile that attaches to a port is written in one transaction with its port and
   bridge; a row is reused only when its name and external_ids:NM.connection.uuid match the
   profile, a row of the same name without them is not NetworkManager's, and Open vSwitch's unique
   name indexes refuse the new one: the activation fails (_add_interface);
 - NetworkManager's rows carry the profile's UUID; its bridges have no local port row;
 - taking an interface down removes its row, and the port and bridge it leaves empty
   (_delete_interface); the internal port gets the profile's MTU as mtu_request.
The rest (MTU, link up, the profile's addresses and routes with its route metric) is what
NetworkManager sets on the device, done with ip. Two things differ from a RHEL host, and the lab
says so: the bridges it makes use the userspace datapath (datapath_type=netdev: the lab has no
openvswitch kernel module), a bond's members are those of the lab's Open vSwitch stand-in for the
bond (the kernel has no bonding driver), and the qeth channel keys (s390-subchannels) are read but not matched
against a device: the lab's veth stands in for the qeth device under the model's name.
State (profiles loaded, connections active) is kept in STATE-FOLDER/standin.json.
"""
import importlib.util
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def _reader():
    spec = importlib.util.spec_from_file_location("nm_profiles", os.path.join(HERE, "nm-profiles.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Failure(Exception):
    def __init__(self, message, status):
        super().__init__(message)
        self.status = status


def run(*command, check=True):
    done = subprocess.run(command, capture_output=True, text=True)
    if check and done.returncode != 0:
        raise Failure(f"{' '.join(command)}: {done.stderr.strip()}", 4)
    return done.stdout


def ovs(*arguments, check=True):
    return run("ovs-vsctl", "--timeout=10", *arguments, check=check)


class StandIn:
    def __init__(self, folder):
        self.path = os.path.join(folder, "standin.json")
        state = {"profiles": {}, "active": []}
        if os.path.exists(self.path):
            with open(self.path, encoding="utf-8") as f:
                state = json.load(f)
        self.profiles = state["profiles"]
        self.active = state["active"]

    def save(self):
        with open(self.path + ".new", "w", encoding="utf-8") as f:
            json.dump({"profiles": self.profiles, "active": self.active}, f)
        os.replace(self.path + ".new", self.path)

    def find(self, words):
        if len(words) == 2 and words[0] in ("uuid", "id"):
            key, value = words
        elif len(words) == 1:
            key, value = None, words[0]
        else:
            raise Failure(f"Error: unknown connection '{' '.join(words)}'.", 10)
        for uuid, profile in self.profiles.items():
            if (key in (None, "uuid") and uuid == value) or (key in (None, "id") and profile["id"] == value):
                return profile
        raise Failure(f"Error: unknown connection '{value}'.", 10)

    # ---- load ----
    def load(self, files):
        reader = _reader()
        for path in files:
            try:
                profile = reader.describe(path, reader.read(path))
            except Exception as error:  # GLib.Error: libnm's reason
                raise Failure(f"Error: failed to load connection: {path}: {getattr(error, 'message', error)}", 1)
            for uuid in [u for u, p in self.profiles.items() if p["file"] == path and u != profile["uuid"]]:
                self.forget(uuid)
            self.profiles[profile["uuid"]] = profile

    def forget(self, uuid):
        if uuid in self.active:
            self.down(self.profiles[uuid])
        self.profiles.pop(uuid, None)

    # ---- up ----
    def up(self, profile):
        if profile["uuid"] in self.active:
            return
        if profile["type"] in ("ovs-bridge", "ovs-port"):
            self.active.append(profile["uuid"])
            return
        if profile["port-type"] == "ovs-port":
            self.attach(profile)
        elif profile["port-type"] == "bond":
            self.enslaved(profile)
        elif profile["controller"]:
            raise Failure(f"Error: Connection activation failed: the lab knows no {profile['port-type']} controller", 4)
        self.configure(profile)
        self.active.append(profile["uuid"])

    def controllers(self, member):
        port = self.profiles.get(member["controller"])
        bridge = self.profiles.get(port["controller"]) if port else None
        if port is None or bridge is None:
            raise Failure(f"Error: Connection activation failed: {member['id']}: its ovs-port or ovs-bridge profile is not loaded", 4)
        return port, bridge

    def attach(self, member):
        port, bridge = self.controllers(member)
        rows = []
        for table, profile in (("bridge", bridge), ("port", port), ("interface", member)):
            exists = ovs("--if-exists", "get", table, profile["interface"], "_uuid").strip() != ""
            if exists:
                owner = ovs("--if-exists", "get", table, profile["interface"], "external_ids:NM.connection.uuid", check=False).strip().strip('"')
                if owner != profile["uuid"]:
                    raise Failure(f"Error: Connection activation failed: Open vSwitch has a {table} {profile['interface']} that is not NetworkManager's"
                                  f" (no external_ids:NM.connection.uuid={profile['uuid']}), and its names are unique (nm-ovsdb.c, _add_interface)", 4)
            rows.append(exists)
        bridge_exists, port_exists, interface_exists = rows
        mine = "external_ids:NM.connection.uuid="
        command = []
        if not interface_exists:
            interface = ["--id=@i", "create", "interface", f"name={member['interface']}", mine + member["uuid"]]
            if member["type"] == "ovs-interface":
                interface.append("type=internal")
                if member["mtu"]:
                    interface.append(f"mtu_request={member['mtu']}")
            command += ["--"] + interface
            if port_exists:
                command += ["--", "add", "port", port["interface"], "interfaces", "@i"]
            else:
                command += ["--", "--id=@p", "create", "port", f"name={port['interface']}", "interfaces=@i", mine + port["uuid"]]
                if bridge_exists:
                    command += ["--", "add", "bridge", bridge["interface"], "ports", "@p"]
                else:
                    command += ["--", "--id=@b", "create", "bridge", f"name={bridge['interface']}", "ports=@p", "datapath_type=netdev", mine + bridge["uuid"],
                                "--", "add", "open_vswitch", ".", "bridges", "@b"]
        elif member["type"] == "ovs-interface" and member["mtu"]:
            command += ["--", "set", "interface", member["interface"], f"mtu_request={member['mtu']}"]
        if command:
            ovs(*command)
        for profile in (port, bridge):
            if profile["uuid"] not in self.active:
                self.active.append(profile["uuid"])

    def enslaved(self, member):
        """A bond port: NetworkManager enslaves the device to its controller's bond. This kernel has no
        bonding driver; the lab's bond is an Open vSwitch stand-in that holds its members already
        (KernelStandIns, marked with external_ids:zknet-lab-bond), so the device must be one of them."""
        controller = self.profiles.get(member["controller"])
        if controller is None or controller["type"] != "bond":
            raise Failure(f"Error: Connection activation failed: {member['id']}: its bond profile {member['controller']} is not loaded", 4)
        if controller["uuid"] not in self.active:
            raise Failure(f"Error: Connection activation failed: {member['id']}: its bond {controller['interface']} is not active", 4)
        held = ovs("--bare", "--columns=interfaces", "find", "port", f"external_ids:zknet-lab-bond={controller['interface']}", check=False).split()
        mine = ovs("--if-exists", "get", "interface", member["interface"], "_uuid", check=False).strip()
        if not mine or mine not in held:
            raise Failure(f"Error: Connection activation failed: {member['interface']} is no member of the lab's bond {controller['interface']}", 4)

    def configure(self, profile):
        name = profile["interface"]
        for _ in range(50):
            if os.path.exists(f"/sys/class/net/{name}"):
                break
            time.sleep(0.1)
        else:
            raise Failure(f"Error: Connection activation failed: no device {name}", 4)
        if profile["mtu"]:
            run("ip", "link", "set", "dev", name, "mtu", str(profile["mtu"]))
        run("ip", "link", "set", "dev", name, "up")
        ipv4 = profile["ipv4"]
        if not ipv4:
            return
        metric = max(0, ipv4["route-metric"])
        for address in ipv4["addresses"]:
            run("ip", "addr", "replace", address, "dev", name)
        if ipv4["gateway"]:
            run("ip", "route", "replace", "default", "via", ipv4["gateway"], "dev", name, "proto", "static", "metric", str(metric))
        for route in ipv4["routes"]:
            command = ["ip", "route", "replace", route["to"]]
            if route["via"]:
                command += ["via", route["via"]]
            command += ["dev", name, "proto", "static", "metric", str(route["metric"] if route["metric"] >= 0 else metric)]
            run(*command)

    # ---- down ----
    def down(self, profile):
        uuid = profile["uuid"]
        if uuid not in self.active:
            return
        if profile["type"] in ("ovs-bridge", "ovs-port"):
            for member in [p for p in self.profiles.values() if p["controller"] == uuid]:
                self.down(member)
        elif profile["port-type"] == "ovs-port":
            self.detach(profile)
        elif profile["ipv4"]:
            for address in profile["ipv4"]["addresses"]:
                run("ip", "addr", "del", address, "dev", profile["interface"], check=False)
        if uuid in self.active:
            self.active.remove(uuid)

    def detach(self, member):
        """_delete_interface: the interface's row goes, and the port and the bridge it leaves empty."""
        port, bridge = self.controllers(member)
        if ovs("--if-exists", "get", "interface", member["interface"], "_uuid").strip() == "":
            return
        interfaces = [i for i in ovs("get", "port", port["interface"], "interfaces").strip("[]\n ").split(", ") if i]
        if len(interfaces) > 1:
            ovs("remove", "port", port["interface"], "interfaces", ovs("get", "interface", member["interface"], "_uuid").strip())
            return
        ovs("--if-exists", "del-port", bridge["interface"], port["interface"])
        if port["uuid"] in self.active:
            self.active.remove(port["uuid"])
        # a bridge's ports column holds its local port too, when it has one (NetworkManager's bridges have none)
        if ovs("--if-exists", "get", "bridge", bridge["interface"], "ports").strip("[]\n ") == "":
            ovs("--if-exists", "del-br", bridge["interface"])
            if bridge["uuid"] in self.active:
                self.active.remove(bridge["uuid"])

    def delete(self, profile):
        self.down(profile)
        if os.path.exists(profile["file"]):
            os.remove(profile["file"])
        self.profiles.pop(profile["uuid"], None)
        print(f"Connection '{profile['id']}' ({profile['uuid']}) successfully deleted.")

    def show_active(self, fields, terse):
        names = {"NAME": "id", "UUID": "uuid", "TYPE": "type", "DEVICE": "interface"}
        for uuid in self.active:
            profile = self.profiles[uuid]
            values = [("activated" if f == "STATE" else str(profile[names[f]])) for f in fields]
            print((":" if terse else "  ").join(values))


def main(folder, arguments):
    terse, fields, words = False, None, []
    i = 0
    while i < len(arguments):
        a = arguments[i]
        if a in ("-t", "--terse"):
            terse = True
        elif a in ("-f", "--fields"):
            fields = arguments[i + 1].split(",")
            i += 1
        elif a in ("-w", "--wait"):
            i += 1
        else:
            words.append(a)
        i += 1
    standin = StandIn(folder)
    try:
        if words[:1] == ["general"]:
            print("running" if terse else "STATE  running")
            return 0
        if words[:1] in (["connection"], ["con"], ["c"]) and len(words) >= 2:
            verb, rest = words[1], words[2:]
            if verb == "load":
                standin.load(rest)
            elif verb == "up":
                standin.up(standin.find(rest))
            elif verb == "down":
                standin.down(standin.find(rest))
            elif verb == "delete":
                standin.delete(standin.find(rest))
            elif verb == "show" and rest == ["--active"]:
                standin.show_active(fields or ["NAME", "UUID", "TYPE", "DEVICE"], terse)
            else:
                raise Failure(f"zknet lab: the nmcli stand-in does not know 'nmcli {' '.join(arguments)}'", 2)
            return 0
        raise Failure(f"zknet lab: the nmcli stand-in does not know 'nmcli {' '.join(arguments)}'", 2)
    except Failure as failure:
        print(str(failure), file=sys.stderr)
        return failure.status
    finally:
        standin.save()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
