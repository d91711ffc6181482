package org.zkvm.dsl.generator

import org.zkvm.dsl.topology.Hosts
import org.zkvm.dsl.zknet.Guest
import org.zkvm.dsl.zknet.GuestRoute
import org.zkvm.dsl.zknet.Nic

import static org.zkvm.dsl.generator.Shell.*

/**
 * A guest's network inside the guest: addresses, MTU and routes (seed 002, guest setup), declared
 * for the same safe apply as the hosts' setup.sh (zknet-apply.sh).
 */
class GuestRoutesGenerator {

	def String generate(Guest guest, String source) '''
		#!/bin/bash
		# zknet: network of guest «guest.name», generated from «source» (guest «Hosts.path(guest)»). Do not edit: change the model.
		# Run as root inside «guest.name»: --check, --try [SECS], --confirm, --verify and --teardown as for
		# the host's setup.sh. Running it again on a guest that is as planned changes nothing.
		set -euo pipefail
		# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
		. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/«ApplyLibrary.FILE»"

		zknet_host «quote(guest.name)»
		# NICs by MAC: the kernel names a virtio-ccw NIC enc<devno>; it gets the model's name (at boot by
		# udev/70-zknet.rules, or netplan's set-name on Ubuntu)
		«FOR nic : guest.members.filter(Nic)»
			zknet_nic «Hosts.mac(nic)» «quote(nic.name)»
		«ENDFOR»
		«FOR nic : guest.members.filter(Nic)»
			zknet_link «quote(nic.name)» «Hosts.mtu(nic)» -
			«FOR a : org.zkvm.dsl.topology.Addresses.of(nic)»
				zknet_addr «quote(nic.name)» «a»
			«ENDFOR»
		«ENDFOR»
		«FOR r : guest.members.filter(GuestRoute)»
			zknet_route «spec(r)»
		«ENDFOR»

		zknet_main "$@"
	'''

	def static spec(GuestRoute r) {
		val b = new StringBuilder(if (r.defaultRoute) 'default' else r.destination)
		if (r.gateway !== null) b.append(' via ').append(r.gateway)
		if (r.device !== null) b.append(' dev ').append(quote(r.device.name))
		if (r.metric != 0) b.append(' metric ').append(r.metric)
		b.toString
	}
}
