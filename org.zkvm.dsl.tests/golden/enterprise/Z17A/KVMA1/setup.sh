#!/bin/bash
# zknet: setup of KVMA1, generated from z17a.zknet (lpar KVMA1). Do not edit: change the model.
# Run as root on KVMA1; see first what it would do:
#   ./setup.sh --check       what would change, and what it refuses (it changes nothing)
#   ./setup.sh               check, checkpoint, apply in a safe order, verify; any failure rolls back
#   ./setup.sh --try [SECS]  the same, rolled back after SECS (120) unless './setup.sh --confirm' runs
#   ./setup.sh --verify      the live host against this plan, one line per difference
#   ./teardown.sh            the host as it was before the first setup (its checkpoint)
# Running it again on a host that is as planned changes nothing.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zknet-apply.sh"

zknet_host KVMA1

# qeth devices: read bus-ID, read:write:data, the model's name, layer and VNIC characteristics
# (facts §1.2, §1.3); a live interface keeps its name until the next boot (udev/70-zknet.rules)
zknet_qeth 0.0.1000 0.0.1000:0.0.1001:0.0.1002 p10 layer2=1
zknet_qeth 0.0.1100 0.0.1100:0.0.1101:0.0.1102 p11 layer2=1
zknet_link p10 - -
zknet_link p11 - -

# bonds (mode and fail_over_mac set before the members join, each member down as it joins) and VLANs
# (docs/vlans-and-bonds.md); a member carrying the admin's session is refused, not enslaved
zknet_bond bond0 mode=active-backup,fail_over_mac=active,miimon=100,primary=p10 p10 p11
zknet_vlan app100 bond0 100
zknet_vlan db200 bond0 200
zknet_link bond0 - -
zknet_link app100 - -
zknet_addr app100 10.100.0.11/24
zknet_link db200 - -
zknet_addr db200 10.200.0.11/24

# Open vSwitch bridge br-gst (routed: the host routes for its guests): bridge, internal port, MTU (mtu_request, facts §5.5), txqueuelen
zknet_bridge br-gst br-gst - -
zknet_addr br-gst 10.101.1.254/24
# rows of these names that exist already become NetworkManager's: its profile reuses a row only with its UUID (nm-ovsdb.c);
# setup makes no row itself (docs/outputs.md, "One owner on RHEL")
zknet_nm_row bridge br-gst a01673ed-1d09-3917-b17c-79f633a67ce8
zknet_nm_row port br-gst 94c591b0-0253-305d-9275-6761d78a6b98
zknet_nm_row interface br-gst 0d0ac4ce-f5f0-32de-82f4-5392cc9160f6

# NetworkManager applies all of the above from the profiles it boots with (facts §5.3): setup installs them
# in /etc/NetworkManager/system-connections, loads them and activates them in this order ('up'); the others
# come up with them (docs/outputs.md, "One owner on RHEL")
zknet_nm_profile networkmanager/br-gst.nmconnection a01673ed-1d09-3917-b17c-79f633a67ce8 -
zknet_nm_profile networkmanager/ovs-port-br-gst.nmconnection 94c591b0-0253-305d-9275-6761d78a6b98 -
zknet_nm_profile networkmanager/ovs-if-br-gst.nmconnection 0d0ac4ce-f5f0-32de-82f4-5392cc9160f6 up
zknet_nm_profile networkmanager/bond0.nmconnection 96014c34-91b2-3871-bd6a-abb9422877f9 up
zknet_nm_profile networkmanager/p10.nmconnection 92ad65d6-905c-33e6-ad2c-ae209d2a538a up
zknet_nm_profile networkmanager/p11.nmconnection 57ee6b03-1762-36d1-8535-29fa77eee089 up
zknet_nm_profile networkmanager/app100.nmconnection 5f2f6c4d-8c98-3115-b8a6-de0575257fe9 up
zknet_nm_profile networkmanager/db200.nmconnection 2c9ae7fc-84db-3194-9ec9-846a31870ef7 up

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
zknet_route 10.101.2.0/24 via 10.100.0.12 dev app100

zknet_main "$@"
