#!/bin/bash
# zknet: network of guest rh1b, generated from distros.zknet (guest RH1.rh1b). Do not edit: change the model.
# Run as root inside rh1b. Running it again changes nothing.
set -euo pipefail
ip link set enp1s0 mtu 8992 up
ip addr replace 10.20.1.12/16 dev enp1s0
ip route add default via 10.20.0.1 2>/dev/null || ip route replace default via 10.20.0.1
ip route add 10.21.0.0/24 via 10.20.1.10 2>/dev/null || ip route replace 10.21.0.0/24 via 10.20.1.10
