package org.zkvm.dsl.generator

import org.zkvm.dsl.topology.Hosts
import org.zkvm.dsl.zknet.Lpar

import static org.zkvm.dsl.generator.Shell.*

/**
 * teardown.sh: puts the host back as it was before the first setup.sh, from the checkpoint that
 * setup took (zknet-apply.sh), not from a hand-written inverse; says what it restored.
 */
class TeardownScriptGenerator {

	def String generate(Lpar lpar, String source) '''
		#!/bin/bash
		# zknet: teardown of «lpar.name», generated from «source» (lpar «Hosts.path(lpar)»). Do not edit: change the model.
		# Run as root on «lpar.name»: restores the host as it was before the first setup.sh (the checkpoint
		# in ${ZKNET_STATE_DIR:-/var/lib/zknet}/«lpar.name»/base) and says what it restored.
		set -euo pipefail
		# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
		. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/«ApplyLibrary.FILE»"

		zknet_host «quote(lpar.name)»
		zknet_main --teardown
	'''
}
