#!/bin/bash
# zknet: teardown of KVMB1, generated from z17b.zknet (lpar KVMB1). Do not edit: change the model.
# Run as root on KVMB1: restores the host as it was before the first setup.sh (the checkpoint
# in ${ZKNET_STATE_DIR:-/var/lib/zknet}/KVMB1/base) and says what it restored.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zknet-apply.sh"

zknet_host KVMB1
zknet_main --teardown
