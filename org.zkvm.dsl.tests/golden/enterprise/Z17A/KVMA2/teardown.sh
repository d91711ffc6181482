#!/bin/bash
# zknet: teardown of KVMA2, generated from z17a.zknet (lpar KVMA2). Do not edit: change the model.
# Run as root on KVMA2: restores the host as it was before the first setup.sh (the checkpoint
# in ${ZKNET_STATE_DIR:-/var/lib/zknet}/KVMA2/base) and says what it restored.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zknet-apply.sh"

zknet_host KVMA2
zknet_main --teardown
