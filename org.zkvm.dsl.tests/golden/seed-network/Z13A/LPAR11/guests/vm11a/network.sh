#!/bin/bash
# zknet: network of guest vm11a, generated from z13a.zknet (guest LPAR11.vm11a). Do not edit: change the model.
# Run as root inside vm11a: --check, --try [SECS], --confirm, --verify and --teardown as for
# the host's setup.sh. Running it again on a guest that is as planned changes nothing.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zknet-apply.sh"

zknet_host vm11a
# NICs by MAC: the kernel names a virtio-ccw NIC enc<devno>; it gets the model's name (at boot by
# udev/70-zknet.rules, or netplan's set-name on Ubuntu)
zknet_nic 02:7e:ee:c4:c6:c9 vic_10g_2
zknet_link vic_10g_2 57344 -
zknet_addr vic_10g_2 10.136.11.1/24
zknet_route default via 10.136.11.254 dev vic_10g_2
zknet_route 172.18.0.0/15 dev vic_10g_2

zknet_main "$@"
