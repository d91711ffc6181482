package org.zkvm.dsl.generator

import org.zkvm.dsl.topology.Hosts
import org.zkvm.dsl.zknet.Lpar
import org.zkvm.dsl.zknet.Nat

import static org.zkvm.dsl.generator.HostFacts.*
import static org.zkvm.dsl.generator.Shell.*

/** teardown.sh: undoes what setup.sh added, in reverse order; parts already gone are skipped. */
class TeardownScriptGenerator {

	def String generate(Lpar lpar, String source) '''
		#!/bin/bash
		# zknet: teardown of «lpar.name», generated from «source» (lpar «Hosts.path(lpar)»). Do not edit: change the model.
		# Run as root on «lpar.name»: removes what setup.sh added, in reverse order.
		set -uo pipefail
		«FOR r : routes(lpar).reverseView»
			ip route del «routeSpec(r)» 2>/dev/null || true
		«ENDFOR»
		«IF arpFilter(lpar) !== null || forwardFilter(lpar) !== null || !Hosts.members(lpar, Nat).empty»
			«IF legacyFirewall(lpar)»
				«FOR nat : Hosts.members(lpar, Nat)»
					iptables -t nat -D POSTROUTING -o «quote(nat.outInterface.name)» -j MASQUERADE 2>/dev/null || true
				«ENDFOR»
				«IF forwardFilter(lpar) !== null»
					iptables -P FORWARD ACCEPT
				«ENDIF»
				«IF arpFilter(lpar) !== null»
					arptables -F INPUT
					arptables -P INPUT ACCEPT
				«ENDIF»
			«ELSE»
				nft delete table arp zknet 2>/dev/null || true
				nft delete table inet zknet 2>/dev/null || true
				nft delete table ip zknet 2>/dev/null || true
			«ENDIF»
		«ENDIF»
		«FOR s : interfaceSettings(lpar).reverseView»
			sysctl -w «quote(s.key)»=0 2>/dev/null || true
		«ENDFOR»
		«IF Hosts.forwardsGlobally(lpar)»
			sysctl -w net.ipv4.ip_forward=0
		«ENDIF»
		«FOR b : bridges(lpar).reverseView»
			ovs-vsctl --if-exists del-br «quote(b.name)»
		«ENDFOR»
		«FOR q : qeth(lpar).reverseView»
			«FOR a : addresses(q)»
				ip addr del «a» dev «quote(q.name)» 2>/dev/null || true
			«ENDFOR»
		«ENDFOR»
		echo «quote("zknet: " + lpar.name + " is torn down (qeth devices stay configured: chzdev -d qeth BUSID removes one)")»
	'''
}
