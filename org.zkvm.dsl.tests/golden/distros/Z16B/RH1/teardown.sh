#!/bin/bash
# zknet: teardown of RH1, generated from distros.zknet (lpar RH1). Do not edit: change the model.
# Run as root on RH1: removes what setup.sh added, in reverse order.
set -uo pipefail
ip route del 10.21.0.0/24 via 172.30.1.2 dev hsi0 metric 100 2>/dev/null || true
nft delete table arp zknet 2>/dev/null || true
nft delete table inet zknet 2>/dev/null || true
nft delete table ip zknet 2>/dev/null || true
sysctl -w net.ipv4.conf.vnic0.forwarding=0 2>/dev/null || true
sysctl -w net.ipv4.conf.hsi0.forwarding=0 2>/dev/null || true
ovs-vsctl --if-exists del-br br0
ip addr del 172.30.1.1/24 dev hsi0 2>/dev/null || true
echo 'zknet: RH1 is torn down (qeth devices stay configured: chzdev -d qeth BUSID removes one)'
