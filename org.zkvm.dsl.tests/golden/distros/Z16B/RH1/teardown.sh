#!/bin/bash
# zknet: teardown of RH1, generated from distros.zknet (lpar RH1). Do not edit: change the model.
# Run as root on RH1: restores the host as it was before the first setup.sh (the checkpoint
# in ${ZKNET_STATE_DIR:-/var/lib/zknet}/RH1/base) and says what it restored.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zknet-apply.sh"

zknet_host RH1
zknet_main --teardown
