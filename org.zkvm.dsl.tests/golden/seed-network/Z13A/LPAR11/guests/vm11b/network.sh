#!/bin/bash
# zknet: network of guest vm11b, generated from z13a.zknet (guest LPAR11.vm11b). Do not edit: change the model.
# Run as root inside vm11b. Running it again changes nothing.
set -euo pipefail
ip link set vic_10g_2 mtu 57344 up
ip addr replace 10.136.11.2/24 dev vic_10g_2
ip route add default via 10.136.11.254 dev vic_10g_2 2>/dev/null || ip route replace default via 10.136.11.254 dev vic_10g_2
ip route add 172.18.0.0/15 dev vic_10g_2 2>/dev/null || ip route replace 172.18.0.0/15 dev vic_10g_2
