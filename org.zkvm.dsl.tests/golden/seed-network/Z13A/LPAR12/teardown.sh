#!/bin/bash
# zknet: teardown of LPAR12, generated from z13a.zknet (lpar LPAR12). Do not edit: change the model.
# Run as root on LPAR12: removes what setup.sh added, in reverse order.
set -uo pipefail
ip route del default via 172.18.0.1 dev o5s_1g_1 2>/dev/null || true
ip route del 10.136.11.0/24 via 172.31.56.1 dev hs56k_0 2>/dev/null || true
nft delete table arp zknet 2>/dev/null || true
nft delete table inet zknet 2>/dev/null || true
nft delete table ip zknet 2>/dev/null || true
sysctl -w net.ipv4.conf.o5s_10g_1.proxy_arp=0 2>/dev/null || true
sysctl -w net.ipv4.conf.br-ex.proxy_arp=0 2>/dev/null || true
sysctl -w net.ipv4.conf.o5s_1g_1.forwarding=0 2>/dev/null || true
sysctl -w net.ipv4.conf.hs56k_0.forwarding=0 2>/dev/null || true
sysctl -w net.ipv4.conf.o5s_10g_1.forwarding=0 2>/dev/null || true
sysctl -w net.ipv4.conf.br-ex.forwarding=0 2>/dev/null || true
ovs-vsctl --if-exists del-br br-ex
ip addr del 172.31.56.2/24 dev hs56k_0 2>/dev/null || true
ip addr del 172.18.0.12/15 dev o5s_1g_1 2>/dev/null || true
ip addr del 10.131.12.254/8 dev o5s_10g_1 2>/dev/null || true
echo 'zknet: LPAR12 is torn down (qeth devices stay configured: chzdev -d qeth BUSID removes one)'
