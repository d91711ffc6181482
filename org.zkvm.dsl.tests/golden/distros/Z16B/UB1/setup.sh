#!/bin/bash
# zknet: setup of UB1, generated from distros.zknet (lpar UB1). Do not edit: change the model.
# Run as root on UB1. Running it again changes nothing.
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
chzdev -e qeth 0.0.1010:0.0.1011:0.0.1012 layer2=1
zknet_name_qeth 0.0.1010 enc1010
chzdev -e qeth 0.0.1020:0.0.1021:0.0.1022 layer2=1
zknet_name_qeth 0.0.1020 enc1020
chzdev -e qeth 0.0.8010:0.0.8011:0.0.8012 layer2=0
zknet_name_qeth 0.0.8010 hsi0
ip link set enc1010 up
ip addr replace 10.20.2.10/16 dev enc1010
ip link set enc1020 up
ip link set hsi0 up
ip addr replace 172.30.1.2/24 dev hsi0

# Open vSwitch bridge br-int (routed: the host routes for its guests)
ovs-vsctl --may-exist add-br br-int
# OVS pulls internal ports down to the smallest port MTU unless mtu_request is set (facts §5.5)
ovs-vsctl set interface br-int mtu_request=8192
ip link set br-int mtu 8192 up
ip addr add 10.21.0.254/24 dev br-int 2>/dev/null || ip addr change 10.21.0.254/24 dev br-int

# forwarding, proxy_arp and rp_filter per interface (facts §4.1)
sysctl -w net.ipv4.conf.br-int.forwarding=1
sysctl -w net.ipv4.conf.hsi0.forwarding=1

# ARP filter, forward filter and NAT as one native nftables ruleset (facts §4.4)
nft -f "$(cd "$(dirname "$0")" && pwd)/nftables/zknet.nft"

# routes
ip route add default via 10.20.0.1 dev enc1010 2>/dev/null || ip route replace default via 10.20.0.1 dev enc1010
ip route add 10.20.1.0/24 via 172.30.1.1 dev hsi0 metric 50 2>/dev/null || ip route replace 10.20.1.0/24 via 172.30.1.1 dev hsi0 metric 50
echo 'zknet: UB1 is set up'
