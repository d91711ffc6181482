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
# rows of these names that exist already become NetworkManager's: its profile reuses a row only with its UUID (nm-ovsdb.c);
# setup makes no row itself (docs/outputs.md, "One owner on RHEL")
zknet_nm_row bridge br0 db15b24d-9e1d-3846-9b5e-3c8cf63c1fa5
zknet_nm_row port vnic0 ebe7316e-238d-3d1f-8a6f-8a5f66c99bfd
zknet_nm_row interface vnic0 aa429dce-6d10-3677-8b6d-c82523f1e780
zknet_nm_row port enc1000 d598d3e3-5562-3bcb-bf0e-72e3a9e5eb22
zknet_nm_row interface enc1000 fe10cf71-d54b-35a3-9f48-47e072d94278

# NetworkManager applies all of the above from the profiles it boots with (facts §5.3): setup installs them
# in /etc/NetworkManager/system-connections, loads them and activates them in this order ('up'); the others
# come up with them (docs/outputs.md, "One owner on RHEL")
zknet_nm_profile networkmanager/br0.nmconnection db15b24d-9e1d-3846-9b5e-3c8cf63c1fa5 -
zknet_nm_profile networkmanager/ovs-port-vnic0.nmconnection ebe7316e-238d-3d1f-8a6f-8a5f66c99bfd -
zknet_nm_profile networkmanager/ovs-port-enc1000.nmconnection d598d3e3-5562-3bcb-bf0e-72e3a9e5eb22 -
zknet_nm_profile networkmanager/ovs-if-vnic0.nmconnection aa429dce-6d10-3677-8b6d-c82523f1e780 up
zknet_nm_profile networkmanager/enc1000.nmconnection fe10cf71-d54b-35a3-9f48-47e072d94278 up
zknet_nm_profile networkmanager/enc8000.nmconnection bb60659a-0256-398f-958c-aede275644eb up

# ARP filter, forward filter and NAT as one native nftables ruleset for the model's interfaces
# only (facts §4.4), loaded before forwarding and proxy_arp come on; at boot too, by a unit
# ordered before network-pre.target and systemd-sysctl
zknet_nftables nftables/zknet.nft
zknet_boot_unit systemd/zknet-filters.service nftables/zknet.nft /etc/zknet/zknet.nft

# forwarding, proxy_arp and rp_filter per interface (facts §4.1), applied after the filters
zknet_sysctl enc8000 forwarding 1
zknet_sysctl vnic0 forwarding 1
zknet_sysctl enc8000 rp_filter 2
zknet_sysctl vnic0 rp_filter 2

# routes (the host's default route stays)
zknet_route 10.21.0.0/24 via 172.30.1.2 dev enc8000 metric 100

zknet_main "$@"
