#!/bin/bash
# zknet: setup of RH1, generated from distros.zknet (lpar RH1). Do not edit: change the model.
# Run as root on RH1; see first what it would do:
#   ./setup.sh --check       what would change, and what it refuses (it changes nothing)
#   ./setup.sh               check, checkpoint, apply in a safe order, verify; any failure rolls back
#   ./setup.sh --try [SECS]  the same, rolled back after SECS (120) unless './setup.sh --confirm' runs
#   ./setup.sh --verify      the live host against this plan, one line per difference
#   ./teardown.sh            the host as it was before the first setup (its checkpoint)
# Running it again on a host that is as planned changes nothing.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zknet-apply.sh"

zknet_host RH1

# qeth devices: read bus-ID, read:write:data, the model's name, layer and VNIC characteristics
# (facts §1.2, §1.3); a live interface keeps its name until the next boot (udev/70-zknet.rules)
zknet_qeth 0.0.1000 0.0.1000:0.0.1001:0.0.1002 enc1000 layer2=1 vnicc/learning=1 vnicc/flooding=1
zknet_qeth 0.0.8000 0.0.8000:0.0.8001:0.0.8002 enc8000 layer2=0
zknet_link enc1000 8992 -
zknet_link enc8000 - -
zknet_addr enc8000 172.30.1.1/24

# Open vSwitch bridge br0 (attached to enc1000): bridge, internal port, MTU (mtu_request, facts §5.5), txqueuelen
zknet_bridge br0 vnic0 8992 -
zknet_addr vnic0 10.20.1.10/16
# the uplink's addresses and routes move to vnic0 in the same step as it joins the bridge
zknet_uplink br0 enc1000 vnic0

# ARP filter, forward filter and NAT as one native nftables ruleset for the model's interfaces
# only (facts §4.4), loaded before forwarding and proxy_arp come on; at boot too, by a unit
# ordered before network-pre.target and systemd-sysctl
zknet_nftables nftables/zknet.nft
zknet_boot_unit systemd/zknet-filters.service nftables/zknet.nft /etc/zknet/zknet.nft

# forwarding, proxy_arp and rp_filter per interface (facts §4.1), applied after the filters
zknet_sysctl enc8000 forwarding 1
zknet_sysctl vnic0 forwarding 1

# routes (the host's default route stays)
zknet_route 10.21.0.0/24 via 172.30.1.2 dev enc8000 metric 100

zknet_main "$@"
