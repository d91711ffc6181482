#!/bin/bash
# zknet: network of guest rh1a, generated from distros.zknet (guest RH1.rh1a). Do not edit: change the model.
# Run as root inside rh1a. Running it again changes nothing.
set -euo pipefail
ip link set eth0 mtu 8992 up
ip addr replace 10.20.1.11/16 dev eth0
ip route add default via 10.20.0.1 dev eth0 2>/dev/null || ip route replace default via 10.20.0.1 dev eth0
ip route add 10.21.0.0/24 via 10.20.1.10 dev eth0 2>/dev/null || ip route replace 10.21.0.0/24 via 10.20.1.10 dev eth0
