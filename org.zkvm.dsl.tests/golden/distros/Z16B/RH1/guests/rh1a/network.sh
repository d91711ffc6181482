#!/bin/bash
# zknet: network of guest rh1a, generated from distros.zknet (guest RH1.rh1a). Do not edit: change the model.
# Run as root inside rh1a: --check, --try [SECS], --confirm, --verify and --teardown as for
# the host's setup.sh. Running it again on a guest that is as planned changes nothing.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zknet-apply.sh"

zknet_host rh1a
# NICs by MAC: the kernel names a virtio-ccw NIC enc<devno>; it gets the model's name (at boot by
# udev/70-zknet.rules, or netplan's set-name on Ubuntu)
zknet_nic 02:68:f0:5d:93:c3 lan0
zknet_link lan0 8992 -
zknet_addr lan0 10.20.1.11/16
zknet_route default via 10.20.0.1 dev lan0
zknet_route 10.21.0.0/24 via 10.20.1.10 dev lan0

zknet_main "$@"
