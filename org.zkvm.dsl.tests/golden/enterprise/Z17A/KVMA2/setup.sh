#!/bin/bash
# zknet: setup of KVMA2, generated from z17a.zknet (lpar KVMA2). Do not edit: change the model.
# Run as root on KVMA2; see first what it would do:
#   ./setup.sh --check       what would change, and what it refuses (it changes nothing)
#   ./setup.sh               check, checkpoint, apply in a safe order, verify; any failure rolls back
#   ./setup.sh --try [SECS]  the same, rolled back after SECS (120) unless './setup.sh --confirm' runs
#   ./setup.sh --verify      the live host against this plan, one line per difference
#   ./teardown.sh            the host as it was before the first setup (its checkpoint)
# Running it again on a host that is as planned changes nothing.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zknet-apply.sh"

zknet_host KVMA2

# qeth devices: read bus-ID, read:write:data, the model's name, layer and VNIC characteristics
# (facts §1.2, §1.3); a live interface keeps its name until the next boot (udev/70-zknet.rules)
zknet_qeth 0.0.1010 0.0.1010:0.0.1011:0.0.1012 p12 layer2=1 vnicc/learning=1 vnicc/flooding=1
zknet_qeth 0.0.1110 0.0.1110:0.0.1111:0.0.1112 p13 layer2=1 vnicc/learning=1 vnicc/flooding=1
zknet_link p12 - -
zknet_link p13 - -

# Open vSwitch bridge br-vlan (attached to its Open vSwitch bond br-vlan-bond): bridge, internal port, MTU (mtu_request, facts §5.5), txqueuelen
zknet_bridge br-vlan br-vlan - -
# an Open vSwitch bond of p12, p13 is the bridge's way out (bond_mode=active-backup, docs/vlans-and-bonds.md)
zknet_ovs_bond br-vlan br-vlan-bond active-backup p12 p13
# the VLANs the bridge's port to the LAN carries (Open vSwitch's trunks; without them it carries every VLAN)
zknet_ovs_trunks br-vlan-bond 100,200

zknet_main "$@"
