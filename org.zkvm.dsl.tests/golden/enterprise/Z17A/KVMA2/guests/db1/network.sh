#!/bin/bash
# zknet: network of guest db1, generated from z17a.zknet (guest KVMA2.db1). Do not edit: change the model.
# Run as root inside db1: --check, --try [SECS], --confirm, --verify and --teardown as for
# the host's setup.sh. Running it again on a guest that is as planned changes nothing.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zknet-apply.sh"

zknet_host db1
# NICs by MAC: the kernel names a virtio-ccw NIC enc<devno>; it gets the model's name (at boot by
# udev/70-zknet.rules, or netplan's set-name on Ubuntu)
zknet_nic 02:38:da:90:8a:2e lan0
zknet_link lan0 1500 -
zknet_addr lan0 10.200.0.21/24

zknet_main "$@"
