#!/bin/bash
# zknet: network of guest rh1b, generated from distros.zknet (guest RH1.rh1b). Do not edit: change the model.
# Run as root inside rh1b: --check, --try [SECS], --confirm, --verify and --teardown as for
# the host's setup.sh. Running it again on a guest that is as planned changes nothing.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zknet-apply.sh"

zknet_host rh1b
# NICs by MAC: the kernel names a virtio-ccw NIC enc<devno>; it gets the model's name (at boot by
# udev/70-zknet.rules, or netplan's set-name on Ubuntu)
zknet_nic 02:f7:b0:9f:68:8a lan0
zknet_link lan0 8992 -
zknet_addr lan0 10.20.1.12/16
zknet_route default via 10.20.0.1
zknet_route 10.21.0.0/24 via 10.20.1.10

zknet_main "$@"
