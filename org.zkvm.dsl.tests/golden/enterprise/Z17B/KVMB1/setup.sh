#!/bin/bash
# zknet: setup of KVMB1, generated from z17b.zknet (lpar KVMB1). Do not edit: change the model.
# Run as root on KVMB1; see first what it would do:
#   ./setup.sh --check       what would change, and what it refuses (it changes nothing)
#   ./setup.sh               check, checkpoint, apply in a safe order, verify; any failure rolls back
#   ./setup.sh --try [SECS]  the same, rolled back after SECS (120) unless './setup.sh --confirm' runs
#   ./setup.sh --verify      the live host against this plan, one line per difference
#   ./teardown.sh            the host as it was before the first setup (its checkpoint)
# Running it again on a host that is as planned changes nothing.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zknet-apply.sh"

zknet_host KVMB1

# qeth devices: read bus-ID, read:write:data, the model's name, layer and VNIC characteristics
# (facts §1.2, §1.3); a live interface keeps its name until the next boot (udev/70-zknet.rules)
zknet_qeth 0.0.2000 0.0.2000:0.0.2001:0.0.2002 p20 layer2=1
zknet_qeth 0.0.2100 0.0.2100:0.0.2101:0.0.2102 p21 layer2=1
zknet_link p20 - -
zknet_link p21 - -

# bonds (mode and fail_over_mac set before the members join, each member down as it joins) and VLANs
# (docs/vlans-and-bonds.md); a member carrying the admin's session is refused, not enslaved
zknet_bond bond0 mode=active-backup,fail_over_mac=active,miimon=100,primary=p20 p20 p21
zknet_vlan app100 bond0 100
zknet_vlan db200 bond0 200
zknet_link bond0 - -
zknet_link app100 - -
zknet_addr app100 10.100.0.12/24
zknet_link db200 - -
zknet_addr db200 10.200.0.12/24

# Open vSwitch bridge br-gst (routed: the host routes for its guests): bridge, internal port, MTU (mtu_request, facts §5.5), txqueuelen
zknet_bridge br-gst br-gst - -
zknet_addr br-gst 10.101.2.254/24

# ARP filter, forward filter and NAT as one native nftables ruleset for the model's interfaces
# only (facts §4.4), loaded before forwarding and proxy_arp come on; at boot too, by a unit
# ordered before network-pre.target and systemd-sysctl
zknet_nftables nftables/zknet.nft
zknet_boot_unit systemd/zknet-filters.service nftables/zknet.nft /etc/zknet/zknet.nft

# forwarding, proxy_arp and rp_filter per interface (facts §4.1), applied after the filters
zknet_sysctl br-gst forwarding 1
zknet_sysctl app100 forwarding 1
zknet_sysctl db200 forwarding 1
zknet_sysctl app100 rp_filter 2
zknet_sysctl db200 rp_filter 2

# routes (the host's default route stays)
zknet_route 10.101.1.0/24 via 10.100.0.11 dev app100

zknet_main "$@"
