package org.zkvm.dsl.generator

import org.zkvm.dsl.topology.Hosts
import org.zkvm.dsl.zknet.ForwardRule
import org.zkvm.dsl.zknet.Lpar
import org.zkvm.dsl.zknet.Nat

import static org.zkvm.dsl.generator.HostFacts.*
import static org.zkvm.dsl.generator.Shell.*

/**
 * firewall/zknet-legacy-filters.sh of a host with 'firewall legacy': the seed's arptables and
 * iptables commands (seed 002), made repeatable and confined to the model's interfaces (the
 * rules sit in chains of their own, entered only from those interfaces). One file for setup.sh
 * and for the boot unit, so that the filters at boot are the ones setup loaded.
 */
class LegacyFirewallGenerator {

	public static val FILE = 'firewall/zknet-legacy-filters.sh'

	def String generate(Lpar lpar, String source) '''
		#!/bin/bash
		# zknet: ARP and forward filter of «lpar.name» with arptables/iptables, generated from «source» (lpar «Hosts.path(lpar)»). Do not edit: change the model.
		# setup.sh runs it (and restores the tables it saved if anything fails); at boot zknet-filters.service
		# runs it from «BootFiltersUnitGenerator.LEGACY_SCRIPT» before any interface is configured.
		set -euo pipefail
		«IF arpFilter(lpar) !== null»
			arptables -N ZKNET 2>/dev/null || arptables -F ZKNET
			«FOR rule : arpFilter(lpar).rules»
				arptables -A ZKNET«arptablesMatch(rule)» -j «policy(rule.action)»
			«ENDFOR»
			arptables -A ZKNET -j «policy(arpFilter(lpar).policy)»
			«FOR port : filteredPorts(lpar)»
				arptables -D INPUT -i «quote(port)» -j ZKNET 2>/dev/null || true
				arptables -A INPUT -i «quote(port)» -j ZKNET
			«ENDFOR»
		«ENDIF»
		«IF forwardFilter(lpar) !== null»
			iptables -N ZKNET-FORWARD 2>/dev/null || iptables -F ZKNET-FORWARD
			«FOR rule : forwardFilter(lpar).rules»
				iptables -A ZKNET-FORWARD «iptablesMatch(rule)»
			«ENDFOR»
			iptables -A ZKNET-FORWARD -j «policy(forwardFilter(lpar).policy)»
			«FOR port : filteredPorts(lpar)»
				iptables -D FORWARD -i «quote(port)» -j ZKNET-FORWARD 2>/dev/null || true
				iptables -A FORWARD -i «quote(port)» -j ZKNET-FORWARD
				iptables -D FORWARD -o «quote(port)» -j ZKNET-FORWARD 2>/dev/null || true
				iptables -A FORWARD -o «quote(port)» -j ZKNET-FORWARD
			«ENDFOR»
		«ENDIF»
		«FOR nat : Hosts.members(lpar, Nat)»
			# NAT: masquerade what leaves «nat.outInterface.name» (seed 002, Scenario IV)
			iptables -t nat -C POSTROUTING -o «quote(nat.outInterface.name)» -j MASQUERADE 2>/dev/null || iptables -t nat -A POSTROUTING -o «quote(nat.outInterface.name)» -j MASQUERADE
		«ENDFOR»
	'''

	def private iptablesMatch(ForwardRule rule) {
		val b = new StringBuilder
		if (rule.inInterface !== null) b.append('-i ').append(quote(portName(rule.inInterface))).append(' ')
		if (rule.outInterface !== null) b.append('-o ').append(quote(portName(rule.outInterface))).append(' ')
		if (rule.source !== null) b.append('-s ').append(quote(rule.source)).append(' ')
		if (rule.destination !== null) b.append('-d ').append(quote(rule.destination)).append(' ')
		if (rule.established) b.append('-m state --state RELATED,ESTABLISHED ')
		b.append('-j ').append(policy(rule.action))
		b.toString
	}
}
