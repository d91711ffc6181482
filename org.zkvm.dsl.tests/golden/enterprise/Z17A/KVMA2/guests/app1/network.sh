#!/bin/bash
# zknet: network of guest app1, generated from z17a.zknet (guest KVMA2.app1). Do not edit: change the model.
# Run as root inside app1: --check, --try [SECS], --confirm, --verify and --teardown as for
# the host's setup.sh. Running it again on a guest that is as planned changes nothing.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zknet-apply.sh"

zknet_host app1
# NICs by MAC: the kernel names a virtio-ccw NIC enc<devno>; it gets the model's name (at boot by
# udev/70-zknet.rules, or netplan's set-name on Ubuntu)
zknet_nic 02:6d:6b:ca:f9:51 lan0
zknet_link lan0 1500 -
zknet_addr lan0 10.100.0.21/24

zknet_main "$@"
