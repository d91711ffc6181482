#!/bin/bash
# zknet: teardown of LPAR12, generated from z13a.zknet (lpar LPAR12). Do not edit: change the model.
# Run as root on LPAR12: restores the host as it was before the first setup.sh (the checkpoint
# in ${ZKNET_STATE_DIR:-/var/lib/zknet}/LPAR12/base) and says what it restored.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zknet-apply.sh"

zknet_host LPAR12
zknet_main --teardown
