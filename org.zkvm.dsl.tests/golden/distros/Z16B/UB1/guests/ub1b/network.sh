#!/bin/bash
# zknet: network of guest ub1b, generated from distros.zknet (guest UB1.ub1b). Do not edit: change the model.
# Run as root inside ub1b. Running it again changes nothing.
set -euo pipefail
ip link set eth1 mtu 1500 up
ip addr replace 10.20.2.12/16 dev eth1
ip route add default via 10.20.0.1 dev eth1 2>/dev/null || ip route replace default via 10.20.0.1 dev eth1
