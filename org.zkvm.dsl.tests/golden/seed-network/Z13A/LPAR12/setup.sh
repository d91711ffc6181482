#!/bin/bash
# zknet: setup of LPAR12, generated from z13a.zknet (lpar LPAR12). Do not edit: change the model.
# Run as root on LPAR12; see first what it would do:
#   ./setup.sh --check       what would change, and what it refuses (it changes nothing)
#   ./setup.sh               check, checkpoint, apply in a safe order, verify; any failure rolls back
#   ./setup.sh --try [SECS]  the same, rolled back after SECS (120) unless './setup.sh --confirm' runs
#   ./setup.sh --verify      the live host against this plan, one line per difference
#   ./teardown.sh            the host as it was before the first setup (its checkpoint)
# Running it again on a host that is as planned changes nothing.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zknet-apply.sh"

zknet_host LPAR12

# qeth devices: read bus-ID, read:write:data, the model's name, layer and VNIC characteristics
# (facts §1.2, §1.3); a live interface keeps its name until the next boot (udev/70-zknet.rules)
zknet_qeth 0.0.f510 0.0.f510:0.0.f511:0.0.f512 o5s_10g_1 layer2=1
zknet_qeth 0.0.f610 0.0.f610:0.0.f611:0.0.f612 o5s_1g_1 layer2=1
zknet_qeth 0.0.7010 0.0.7010:0.0.7011:0.0.7012 hs56k_0 layer2=0
zknet_link o5s_10g_1 - -
zknet_addr o5s_10g_1 10.131.12.254/8
zknet_link o5s_1g_1 - -
zknet_addr o5s_1g_1 172.18.0.12/15
zknet_link hs56k_0 57344 -
zknet_addr hs56k_0 172.31.56.2/24

# Open vSwitch bridge br-ex (routed: the host routes for its guests): bridge, internal port, MTU (mtu_request, facts §5.5), txqueuelen
zknet_bridge br-ex br-ex 57344 2500
zknet_addr br-ex 10.136.12.254/24

# ARP filter, forward filter and NAT as one native nftables ruleset for the model's interfaces
# only (facts §4.4), loaded before forwarding and proxy_arp come on; at boot too, by a unit
# ordered before network-pre.target and systemd-sysctl
zknet_nftables nftables/zknet.nft
zknet_boot_unit systemd/zknet-filters.service nftables/zknet.nft /etc/zknet/zknet.nft

# forwarding, proxy_arp and rp_filter per interface (facts §4.1), applied after the filters
zknet_sysctl br-ex forwarding 1
zknet_sysctl o5s_10g_1 forwarding 1
zknet_sysctl hs56k_0 forwarding 1
zknet_sysctl o5s_1g_1 forwarding 1
zknet_sysctl br-ex proxy_arp 1
zknet_sysctl o5s_10g_1 proxy_arp 1

# routes (the model's default route replaces the host's)
zknet_route 10.136.11.0/24 via 172.31.56.1 dev hs56k_0
zknet_route default via 172.18.0.1 dev o5s_1g_1

zknet_main "$@"
