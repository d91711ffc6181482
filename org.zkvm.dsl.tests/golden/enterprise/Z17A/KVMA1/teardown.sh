#!/bin/bash
# zknet: teardown of KVMA1, generated from z17a.zknet (lpar KVMA1). Do not edit: change the model.
# Run as root on KVMA1: restores the host as it was before the first setup.sh (the checkpoint
# in ${ZKNET_STATE_DIR:-/var/lib/zknet}/KVMA1/base) and says what it restored.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zknet-apply.sh"

zknet_host KVMA1
zknet_main --teardown
