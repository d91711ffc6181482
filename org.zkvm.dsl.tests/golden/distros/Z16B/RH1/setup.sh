#!/bin/bash
# zknet: setup of RH1, generated from distros.zknet (lpar RH1). Do not edit: change the model.
# Run as root on RH1. Running it again changes nothing.
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
chzdev -e qeth 0.0.1000:0.0.1001:0.0.1002 layer2=1 vnicc/learning=1 vnicc/flooding=1
zknet_name_qeth 0.0.1000 enc1000
chzdev -e qeth 0.0.8000:0.0.8001:0.0.8002 layer2=0
zknet_name_qeth 0.0.8000 hsi0
ip link set enc1000 mtu 8992 up
ip link set hsi0 up
ip addr replace 172.30.1.1/24 dev hsi0

# Open vSwitch bridge br0 (attached to enc1000)
ovs-vsctl --may-exist add-br br0
ovs-vsctl --may-exist add-port br0 vnic0 -- set interface vnic0 type=internal
ovs-vsctl --may-exist add-port br0 enc1000
# OVS pulls internal ports down to the smallest port MTU unless mtu_request is set (facts §5.5)
ovs-vsctl set interface vnic0 mtu_request=8992
ip link set vnic0 mtu 8992 up
ip addr add 10.20.1.10/16 dev vnic0 2>/dev/null || ip addr change 10.20.1.10/16 dev vnic0

# forwarding, proxy_arp and rp_filter per interface (facts §4.1)
sysctl -w net.ipv4.conf.hsi0.forwarding=1
sysctl -w net.ipv4.conf.vnic0.forwarding=1

# ARP filter, forward filter and NAT as one native nftables ruleset (facts §4.4)
nft -f "$(cd "$(dirname "$0")" && pwd)/nftables/zknet.nft"

# routes
ip route add 10.21.0.0/24 via 172.30.1.2 dev hsi0 metric 100 2>/dev/null || ip route replace 10.21.0.0/24 via 172.30.1.2 dev hsi0 metric 100
echo 'zknet: RH1 is set up'
