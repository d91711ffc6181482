package org.zkvm.dsl.generator

import org.zkvm.dsl.generator.HostPlan.ArpMatch
import org.zkvm.dsl.generator.HostPlan.ForwardMatch

import static org.zkvm.dsl.generator.Shell.*

/**
 * firewall/zknet-legacy-filters.sh of a host with 'firewall legacy': the seed's arptables and
 * iptables commands (seed 002), made repeatable and confined to the model's interfaces (the
 * rules sit in chains of their own, entered only from those interfaces). One file for setup.sh
 * and for the boot unit, so that the filters at boot are the ones setup loaded.
 */
class LegacyFirewallGenerator {

	public static val FILE = 'firewall/zknet-legacy-filters.sh'

	def String generate(HostPlan plan, String source) '''
		#!/bin/bash
		# «Header.line('ARP and forward filter of ' + plan.name + ' with arptables/iptables', source, plan.scope)»
		# setup.sh runs it (and restores the tables it saved if anything fails); at boot zknet-filters.service
		# runs it from «BootFiltersUnitGenerator.LEGACY_SCRIPT» before any interface is configured.
		set -euo pipefail
		«IF plan.filters.arp !== null»
			arptables -N ZKNET 2>/dev/null || arptables -F ZKNET
			«FOR rule : plan.filters.arp.rules»
				arptables -A ZKNET«arptablesMatch(rule)» -j «policy(rule.drop)»
			«ENDFOR»
			arptables -A ZKNET -j «policy(plan.filters.arp.drop)»
			«FOR port : plan.filters.ports»
				arptables -D INPUT -i «quote(port)» -j ZKNET 2>/dev/null || true
				arptables -A INPUT -i «quote(port)» -j ZKNET
			«ENDFOR»
		«ENDIF»
		«IF plan.filters.forward !== null»
			iptables -N ZKNET-FORWARD 2>/dev/null || iptables -F ZKNET-FORWARD
			«FOR rule : plan.filters.forward.rules»
				iptables -A ZKNET-FORWARD «iptablesMatch(rule)»
			«ENDFOR»
			iptables -A ZKNET-FORWARD -j «policy(plan.filters.forward.drop)»
			«FOR port : plan.filters.ports»
				iptables -D FORWARD -i «quote(port)» -j ZKNET-FORWARD 2>/dev/null || true
				iptables -A FORWARD -i «quote(port)» -j ZKNET-FORWARD
				iptables -D FORWARD -o «quote(port)» -j ZKNET-FORWARD 2>/dev/null || true
				iptables -A FORWARD -o «quote(port)» -j ZKNET-FORWARD
			«ENDFOR»
		«ENDIF»
		«FOR nat : plan.filters.nat»
			# NAT: masquerade what leaves «nat.out» (seed 002, Scenario IV)
			iptables -t nat -C POSTROUTING -o «quote(nat.out)» -j MASQUERADE 2>/dev/null || iptables -t nat -A POSTROUTING -o «quote(nat.out)» -j MASQUERADE
		«ENDFOR»
	'''

	def private policy(boolean drop) {
		if (drop) 'DROP' else 'ACCEPT'
	}

	/** arptables options of a rule, in the seed's order: -d, -s, -i. */
	def private arptablesMatch(ArpMatch rule) '''
		«IF rule.target !== null» -d «quote(rule.target)»«ENDIF»«IF rule.sender !== null» -s «quote(rule.sender)»«ENDIF»«IF rule.iface !== null» -i «quote(rule.iface)»«ENDIF»'''

	def private iptablesMatch(ForwardMatch rule) '''
		«IF rule.in !== null»-i «quote(rule.in)» «ENDIF»«IF rule.out !== null»-o «quote(rule.out)» «ENDIF»«IF rule.source !== null»-s «quote(rule.source)» «ENDIF»«IF rule.destination !== null»-d «quote(rule.destination)» «ENDIF»«IF rule.established»-m state --state RELATED,ESTABLISHED «ENDIF»-j «policy(rule.drop)»'''
}
