#!/bin/bash
# zknet: setup of UB1, generated from distros.zknet (lpar UB1). Do not edit: change the model.
# Run as root on UB1; see first what it would do:
#   ./setup.sh --check       what would change, and what it refuses (it changes nothing)
#   ./setup.sh               check, checkpoint, apply in a safe order, verify; any failure rolls back
#   ./setup.sh --try [SECS]  the same, rolled back after SECS (120) unless './setup.sh --confirm' runs
#   ./setup.sh --verify      the live host against this plan, one line per difference
#   ./teardown.sh            the host as it was before the first setup (its checkpoint)
# Running it again on a host that is as planned changes nothing.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zknet-apply.sh"

zknet_host UB1

# qeth devices: read bus-ID, read:write:data, the model's name, layer and VNIC characteristics
# (facts §1.2, §1.3); a live interface keeps its name until the next boot (udev/70-zknet.rules)
zknet_qeth 0.0.1010 0.0.1010:0.0.1011:0.0.1012 enc1010 layer2=1
zknet_qeth 0.0.1020 0.0.1020:0.0.1021:0.0.1022 enc1020 layer2=1
zknet_qeth 0.0.8010 0.0.8010:0.0.8011:0.0.8012 enc8010 layer2=0
zknet_link enc1010 - -
zknet_addr enc1010 10.20.2.10/16
zknet_link enc1020 - -
zknet_link enc8010 - -
zknet_addr enc8010 172.30.1.2/24

# Open vSwitch bridge br-int (routed: the host routes for its guests): bridge, internal port, MTU (mtu_request, facts §5.5), txqueuelen
zknet_bridge br-int br-int 8192 -
zknet_addr br-int 10.21.0.254/24

# ARP filter, forward filter and NAT as one native nftables ruleset for the model's interfaces
# only (facts §4.4), loaded before forwarding and proxy_arp come on; at boot too, by a unit
# ordered before network-pre.target and systemd-sysctl
zknet_nftables nftables/zknet.nft
zknet_boot_unit systemd/zknet-filters.service nftables/zknet.nft /etc/zknet/zknet.nft

# forwarding, proxy_arp and rp_filter per interface (facts §4.1), applied after the filters
zknet_sysctl br-int forwarding 1
zknet_sysctl enc8010 forwarding 1

# routes (the model's default route replaces the host's)
zknet_route default via 10.20.0.1 dev enc1010
zknet_route 10.20.1.0/24 via 172.30.1.1 dev enc8010 metric 50

zknet_main "$@"
