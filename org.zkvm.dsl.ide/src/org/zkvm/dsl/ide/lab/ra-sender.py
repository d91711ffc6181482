#!/usr/bin/python3
"""Sends one IPv6 router advertisement (RFC 4861 section 4.2) from a router's interface to all nodes:
router lifetime 1800 s, no prefix; a host on the link with accept_ra 1 (or 2 while forwarding) takes a
default route via the router's link-local address from it (proto ra). The lab's and the tests' router:
Debian has radvd, but one advertisement on demand is what a proof needs.

usage: ra-sender.py INTERFACE
"""
import errno
import socket
import struct
import sys
import time

iface = sys.argv[1]
s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, 255)
s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, iface.encode())
# type 134, code 0, checksum (the kernel computes it for ICMPv6 raw sockets), current hop limit 64,
# flags 0, router lifetime 1800 s, reachable time 0, retransmission timer 0
advertisement = struct.pack("!BBHBBHII", 134, 0, 0, 64, 0, 1800, 0, 0)
# the router's link-local address (the source an advertisement must have) comes a moment after the link:
# until then the kernel refuses the send (EADDRNOTAVAIL); wait for it up to 5 s
for attempt in range(50):
    try:
        s.sendto(advertisement, ("ff02::1", 0, 0, socket.if_nametoindex(iface)))
        break
    except OSError as e:
        if e.errno != errno.EADDRNOTAVAIL or attempt == 49:
            raise
        time.sleep(0.1)
