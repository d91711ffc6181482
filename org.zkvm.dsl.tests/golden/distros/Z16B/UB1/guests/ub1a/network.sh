#!/bin/bash
# zknet: network of guest ub1a, generated from distros.zknet (guest UB1.ub1a). Do not edit: change the model.
# Run as root inside ub1a. Running it again changes nothing.
set -euo pipefail
ip link set eth0 mtu 8192 up
ip addr replace 10.21.0.1/24 dev eth0
ip route add default via 10.21.0.254 dev eth0 2>/dev/null || ip route replace default via 10.21.0.254 dev eth0
