#!/bin/bash
# zknet: network of guest vm12a, generated from z13a.zknet (guest LPAR12.vm12a). Do not edit: change the model.
# Run as root inside vm12a. Running it again changes nothing.
set -euo pipefail
ip link set vic_10g_2 mtu 57344 up
ip addr replace 10.136.12.1/24 dev vic_10g_2
ip route add default via 10.136.12.254 dev vic_10g_2 2>/dev/null || ip route replace default via 10.136.12.254 dev vic_10g_2
ip route add 172.18.0.0/15 dev vic_10g_2 2>/dev/null || ip route replace 172.18.0.0/15 dev vic_10g_2
