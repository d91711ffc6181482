#!/usr/bin/python3
"""Reads NetworkManager keyfiles with libnm itself: NetworkManager's own keyfile reader, then verify().

Usage: nm-keyfile-check.py FILE...   Exit status 0 when every file is accepted, 1 otherwise, with one
line per rejected file and the reason libnm gives. This is the reader NetworkManager uses on a RHEL
host (nm_keyfile_read, then nm_connection_normalize and nm_connection_verify), so it rejects what
NetworkManager would: unknown s390 options, a port without a controller type, bad addresses.
Needs Debian's python3-gi and gir1.2-nm-1.0.
"""
import sys

import gi

gi.require_version("NM", "1.0")
from gi.repository import GLib, NM  # noqa: E402


def check(path):
    keyfile = GLib.KeyFile()
    keyfile.load_from_file(path, GLib.KeyFileFlags.NONE)
    connection = NM.keyfile_read(keyfile, "/etc/NetworkManager/system-connections", NM.KeyfileHandlerFlags.NONE, None, None)
    connection.normalize()
    connection.verify()


def main(files):
    failed = 0
    for path in files:
        try:
            check(path)
        except GLib.Error as error:
            print(f"{path}: {error.message}")
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
