#!/bin/bash
# zknet: teardown of UB1, generated from distros.zknet (lpar UB1). Do not edit: change the model.
# Run as root on UB1: removes what setup.sh added, in reverse order.
set -uo pipefail
ip route del 10.20.1.0/24 via 172.30.1.1 dev hsi0 metric 50 2>/dev/null || true
ip route del default via 10.20.0.1 dev enc1010 2>/dev/null || true
nft delete table arp zknet 2>/dev/null || true
nft delete table inet zknet 2>/dev/null || true
nft delete table ip zknet 2>/dev/null || true
sysctl -w net.ipv4.conf.hsi0.forwarding=0 2>/dev/null || true
sysctl -w net.ipv4.conf.br-int.forwarding=0 2>/dev/null || true
ovs-vsctl --if-exists del-br br-int
ip addr del 172.30.1.2/24 dev hsi0 2>/dev/null || true
ip addr del 10.20.2.10/16 dev enc1010 2>/dev/null || true
echo 'zknet: UB1 is torn down (qeth devices stay configured: chzdev -d qeth BUSID removes one)'
