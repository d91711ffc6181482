#!/bin/bash
# zknet: setup of LPAR11, generated from z13a.zknet (lpar LPAR11). Do not edit: change the model.
# Run as root on LPAR11. Running it again changes nothing.
set -euo pipefail

# Gives the qeth device with this read bus-ID the model's interface name (the kernel's own name,
# e.g. encf500, depends on the distribution's naming scheme: facts §1.2).
zknet_name_qeth() {
	local busid="$1" name="$2" current
	current="$(cat "/sys/bus/ccwgroup/drivers/qeth/$busid/if_name")"
	if [ "$current" != "$name" ]; then
		ip link set dev "$current" down
		ip link set dev "$current" name "$name"
	fi
}

# qeth devices: read, write (read + 1) and data device, layer and VNIC characteristics
chzdev -e qeth 0.0.f500:0.0.f501:0.0.f502 layer2=1
zknet_name_qeth 0.0.f500 o5s_10g_1
chzdev -e qeth 0.0.f600:0.0.f601:0.0.f602 layer2=1
zknet_name_qeth 0.0.f600 o5s_1g_1
chzdev -e qeth 0.0.7000:0.0.7001:0.0.7002 layer2=0
zknet_name_qeth 0.0.7000 hs56k_0
ip link set o5s_10g_1 up
ip addr replace 10.131.11.254/8 dev o5s_10g_1
ip link set o5s_1g_1 up
ip addr replace 172.18.0.11/15 dev o5s_1g_1
ip link set hs56k_0 mtu 57344 up
ip addr replace 172.31.56.1/24 dev hs56k_0

# Open vSwitch bridge br-ex (routed: the host routes for its guests)
ovs-vsctl --may-exist add-br br-ex
# OVS pulls internal ports down to the smallest port MTU unless mtu_request is set (facts §5.5)
ovs-vsctl set interface br-ex mtu_request=57344
ip link set br-ex mtu 57344 txqueuelen 2500 up
ip addr add 10.136.11.254/24 dev br-ex 2>/dev/null || ip addr change 10.136.11.254/24 dev br-ex

# forwarding, proxy_arp and rp_filter per interface (facts §4.1)
sysctl -w net.ipv4.conf.br-ex.forwarding=1
sysctl -w net.ipv4.conf.o5s_10g_1.forwarding=1
sysctl -w net.ipv4.conf.hs56k_0.forwarding=1
sysctl -w net.ipv4.conf.o5s_1g_1.forwarding=1
sysctl -w net.ipv4.conf.br-ex.proxy_arp=1
sysctl -w net.ipv4.conf.o5s_10g_1.proxy_arp=1

# ARP filter, forward filter and NAT as one native nftables ruleset (facts §4.4)
nft -f "$(cd "$(dirname "$0")" && pwd)/nftables/zknet.nft"

# routes
ip route add 10.136.12.0/24 via 172.31.56.2 dev hs56k_0 2>/dev/null || ip route replace 10.136.12.0/24 via 172.31.56.2 dev hs56k_0
ip route add default via 172.18.0.1 dev o5s_1g_1 2>/dev/null || ip route replace default via 172.18.0.1 dev o5s_1g_1
echo 'zknet: LPAR11 is set up'
