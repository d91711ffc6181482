package org.zkvm.dsl.generator

import static org.zkvm.dsl.generator.Shell.*

/**
 * teardown.sh: puts the host back as it was before the first setup.sh, from the checkpoint that
 * setup took (zknet-apply.sh), not from a hand-written inverse; says what it restored.
 */
class TeardownScriptGenerator {

	def String generate(HostPlan plan, String source) '''
		#!/bin/bash
		# «Header.line('teardown of ' + plan.name, source, plan.scope)»
		# Run as root on «plan.name»: restores the host as it was before the first setup.sh (the checkpoint
		# in ${ZKNET_STATE_DIR:-/var/lib/zknet}/«plan.name»/base) and says what it restored.
		set -euo pipefail
		# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
		. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/«ApplyLibrary.FILE»"

		zknet_host «quote(plan.name)»
		zknet_main --teardown
	'''
}
