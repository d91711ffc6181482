package org.zkvm.dsl.generator

import static org.zkvm.dsl.generator.Shell.*

/**
 * A guest's network inside the guest: addresses, MTU and routes (seed 002, guest setup), declared
 * for the same safe apply as the hosts' setup.sh (zknet-apply.sh). It renders the guest's
 * NetworkPlan, as its persistent files do.
 */
class GuestRoutesGenerator {

	def String generate(NetworkPlan plan, String source) '''
		#!/bin/bash
		# «Header.line('network of guest ' + plan.machine, source, 'guest ' + plan.scope)»
		# Run as root inside «plan.machine»: --check, --try [SECS], --confirm, --verify and --teardown as for
		# the host's setup.sh. Running it again on a guest that is as planned changes nothing.
		set -euo pipefail
		# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
		. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/«ApplyLibrary.FILE»"

		zknet_host «quote(plan.machine)»
		# NICs by MAC: the kernel names a virtio-ccw NIC enc<devno>; it gets the model's name (at boot by
		# udev/70-zknet.rules, or netplan's set-name on Ubuntu)
		«FOR nic : plan.links»
			zknet_nic «nic.mac» «quote(nic.name)»
		«ENDFOR»
		«FOR nic : plan.links»
			zknet_link «quote(nic.name)» «nic.mtu» -
			«FOR a : nic.allAddresses»
				zknet_addr «quote(nic.name)» «a»
			«ENDFOR»
		«ENDFOR»
		«FOR r : plan.routes»
			zknet_route «r.ipArguments»
		«ENDFOR»

		zknet_main "$@"
	'''
}
