#!/bin/bash
# zknet: teardown of UB1, generated from distros.zknet (lpar UB1). Do not edit: change the model.
# Run as root on UB1: restores the host as it was before the first setup.sh (the checkpoint
# in ${ZKNET_STATE_DIR:-/var/lib/zknet}/UB1/base) and says what it restored.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zknet-apply.sh"

zknet_host UB1
zknet_main --teardown
