#!/usr/bin/python3
"""Loads NetworkManager keyfiles with netplan's keyfile parser (libnetplan, Debian's netplan.io).

Usage: nm-keyfile-check.py FILE...   Exit status 0 when every file loads, 1 otherwise, with one
line per rejected file. libnetplan reads keyfiles with GLib's GKeyFile and checks the connection's
type, uuid and IP settings; it is the one keyfile reader packaged for Debian.
"""
import ctypes
import sys


class GError(ctypes.Structure):
    _fields_ = [("domain", ctypes.c_uint32), ("code", ctypes.c_int), ("message", ctypes.c_char_p)]


def library():
    for name in ("libnetplan.so.1", "libnetplan.so.0.0", "libnetplan.so.0"):
        try:
            return ctypes.CDLL(name)
        except OSError:
            pass
    sys.exit("nm-keyfile-check: libnetplan not found (install netplan.io)")


def main(files):
    lib = library()
    lib.netplan_parser_new.restype = ctypes.c_void_p
    lib.netplan_parser_load_keyfile.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.POINTER(GError))]
    lib.netplan_parser_load_keyfile.restype = ctypes.c_int
    failed = 0
    for path in files:
        parser = lib.netplan_parser_new()
        error = ctypes.POINTER(GError)()
        if not lib.netplan_parser_load_keyfile(parser, path.encode(), ctypes.byref(error)):
            message = error.contents.message.decode() if error else "rejected (see the warning above)"
            print(f"{path}: {message}")
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
