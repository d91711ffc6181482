#!/bin/bash
# zknet: network of guest ub1a, generated from distros.zknet (guest UB1.ub1a). Do not edit: change the model.
# Run as root inside ub1a: --check, --try [SECS], --confirm, --verify and --teardown as for
# the host's setup.sh. Running it again on a guest that is as planned changes nothing.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zknet-apply.sh"

zknet_host ub1a
# NICs by MAC: the kernel names a virtio-ccw NIC enc<devno>; it gets the model's name (at boot by
# udev/70-zknet.rules, or netplan's set-name on Ubuntu)
zknet_nic 02:93:0d:d0:0b:a1 lan0
zknet_link lan0 8192 -
zknet_addr lan0 10.21.0.1/24
zknet_route default via 10.21.0.254 dev lan0

zknet_main "$@"
