#!/bin/bash
# zknet: network of guest web2, generated from z17b.zknet (guest KVMB1.web2). Do not edit: change the model.
# Run as root inside web2: --check, --try [SECS], --confirm, --verify and --teardown as for
# the host's setup.sh. Running it again on a guest that is as planned changes nothing.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zknet-apply.sh"

zknet_host web2
# NICs by MAC: the kernel names a virtio-ccw NIC enc<devno>; it gets the model's name (at boot by
# udev/70-zknet.rules, or netplan's set-name on Ubuntu)
zknet_nic 02:26:a9:6f:e1:94 lan0
zknet_link lan0 1500 -
zknet_addr lan0 10.101.2.1/24
zknet_route default via 10.101.2.254 dev lan0

zknet_main "$@"
