#!/bin/bash
# zknet: network of guest web1, generated from z17a.zknet (guest KVMA1.web1). Do not edit: change the model.
# Run as root inside web1: --check, --try [SECS], --confirm, --verify and --teardown as for
# the host's setup.sh. Running it again on a guest that is as planned changes nothing.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zknet-apply.sh"

zknet_host web1
# NICs by MAC: the kernel names a virtio-ccw NIC enc<devno>; it gets the model's name (at boot by
# udev/70-zknet.rules, or netplan's set-name on Ubuntu)
zknet_nic 02:62:a3:db:ae:c0 lan0
zknet_link lan0 1500 -
zknet_addr lan0 10.101.1.1/24
zknet_route default via 10.101.1.254 dev lan0

zknet_main "$@"
