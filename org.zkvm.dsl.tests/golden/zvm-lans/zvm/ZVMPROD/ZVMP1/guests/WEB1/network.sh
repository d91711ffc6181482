#!/bin/bash
# zknet: network of z/VM guest WEB1, generated from zvmprod.zknet (zvm ZVMPROD.WEB1). Do not edit: change the model.
# Run as root inside WEB1, once its directory entry has the statements of
# DIRECTORY-NETWORK.txt (two folders up): --check, --try [SECS], --confirm, --verify and
# --teardown as for a host's setup.sh. Running it again on a guest that is as planned changes nothing.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zknet-apply.sh"

zknet_host WEB1
# NICs on z/VM's LANs (NICDEF): each a qeth device of three virtual devices, layer 2 on an ETHERNET
# VSWITCH or guest LAN; chzdev -e keeps it at boot, udev/70-zknet.rules names it
zknet_qeth 0.0.0600 0.0.0600:0.0.0601:0.0.0602 prod0 layer2=1
zknet_qeth 0.0.0700 0.0.0700:0.0.0701:0.0.0702 hs0 layer2=0
# prod0: NIC 0600 on VSWITCH VSW1 VLAN 100
zknet_link prod0 8992 -
zknet_addr prod0 10.20.100.11/24
# hs0: NIC 0700 on guest LAN HSL1
zknet_link hs0 57344 -
zknet_addr hs0 192.168.70.11/24
zknet_route default via 10.20.100.1

zknet_main "$@"
