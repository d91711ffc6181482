package org.zkvm.dsl.generator

import org.zkvm.dsl.topology.Hosts
import org.zkvm.dsl.zknet.Guest
import org.zkvm.dsl.zknet.GuestRoute
import org.zkvm.dsl.zknet.Nic

import static org.zkvm.dsl.generator.Shell.*

/** A guest's network inside the guest: addresses, MTU (MacVTap) and routes as commands (seed 002, guest setup). */
class GuestRoutesGenerator {

	def String generate(Guest guest, String source) '''
		#!/bin/bash
		# zknet: network of guest «guest.name», generated from «source» (guest «Hosts.path(guest)»). Do not edit: change the model.
		# Run as root inside «guest.name». Running it again changes nothing.
		set -euo pipefail
		«FOR nic : guest.members.filter(Nic)»
			ip link set «quote(nic.name)» mtu «Hosts.mtu(nic)» up
			«FOR a : org.zkvm.dsl.topology.Addresses.of(nic)»
				ip addr replace «a» dev «quote(nic.name)»
			«ENDFOR»
		«ENDFOR»
		«FOR r : guest.members.filter(GuestRoute)»
			ip route add «spec(r)» 2>/dev/null || ip route replace «spec(r)»
		«ENDFOR»
	'''

	def static spec(GuestRoute r) {
		val b = new StringBuilder(if (r.defaultRoute) 'default' else r.destination)
		if (r.gateway !== null) b.append(' via ').append(r.gateway)
		if (r.device !== null) b.append(' dev ').append(quote(r.device.name))
		if (r.metric != 0) b.append(' metric ').append(r.metric)
		b.toString
	}
}
