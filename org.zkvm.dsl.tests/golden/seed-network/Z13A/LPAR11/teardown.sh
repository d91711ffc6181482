#!/bin/bash
# zknet: teardown of LPAR11, generated from z13a.zknet (lpar LPAR11). Do not edit: change the model.
# Run as root on LPAR11: restores the host as it was before the first setup.sh (the checkpoint
# in ${ZKNET_STATE_DIR:-/var/lib/zknet}/LPAR11/base) and says what it restored.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zknet-apply.sh"

zknet_host LPAR11
zknet_main --teardown
