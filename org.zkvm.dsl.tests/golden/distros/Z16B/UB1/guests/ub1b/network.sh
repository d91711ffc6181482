#!/bin/bash
# zknet: network of guest ub1b, generated from distros.zknet (guest UB1.ub1b). Do not edit: change the model.
# Run as root inside ub1b: --check, --try [SECS], --confirm, --verify and --teardown as for
# the host's setup.sh. Running it again on a guest that is as planned changes nothing.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zknet-apply.sh"

zknet_host ub1b
# NICs by MAC: the kernel names a virtio-ccw NIC enc<devno>; it gets the model's name (at boot by
# udev/70-zknet.rules, or netplan's set-name on Ubuntu)
zknet_nic 02:4b:c6:bb:b1:c2 lan0
zknet_link lan0 1500 -
zknet_addr lan0 10.20.2.12/16
zknet_route default via 10.20.0.1 dev lan0

zknet_main "$@"
