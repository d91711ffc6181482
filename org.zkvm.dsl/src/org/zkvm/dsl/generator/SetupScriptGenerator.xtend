package org.zkvm.dsl.generator

import org.zkvm.dsl.topology.Hosts
import org.zkvm.dsl.zknet.ForwardRule
import org.zkvm.dsl.zknet.Lpar
import org.zkvm.dsl.zknet.Nat

import static org.zkvm.dsl.generator.HostFacts.*
import static org.zkvm.dsl.generator.Shell.*

/**
 * setup.sh of a KVM host or Linux LPAR: brings the host to the modelled state and changes nothing
 * when run again (seed 002, "Host Setup" charts; facts §1-§5).
 */
class SetupScriptGenerator {

	def String generate(Lpar lpar, String source) '''
		#!/bin/bash
		# zknet: setup of «lpar.name», generated from «source» (lpar «Hosts.path(lpar)»). Do not edit: change the model.
		# Run as root on «lpar.name». Running it again changes nothing.
		set -euo pipefail

		# Gives the qeth device with this read bus-ID the model's interface name (the kernel's own name,
		# e.g. encf500, depends on the distribution's naming scheme: facts §1.2).
		zknet_name_qeth() {
			local busid="$1" name="$2" current
			current="$(cat "/sys/bus/ccwgroup/drivers/qeth/$busid/if_name")"
			if [ "$current" != "$name" ]; then
				ip link set dev "$current" down
				ip link set dev "$current" name "$name"
			fi
		}
		«IF !qeth(lpar).empty»

		# qeth devices: read, write (read + 1) and data device, layer and VNIC characteristics
		«FOR q : qeth(lpar)»
			chzdev -e qeth «triplet(q)» «chzdevAttributes(q).map[quote(it)].join(' ')»
			zknet_name_qeth «quote(readDevice(q))» «quote(q.name)»
		«ENDFOR»
		«FOR q : qeth(lpar)»
			ip link set «quote(q.name)»«IF q.mtu != 0» mtu «q.mtu»«ENDIF» up
			«FOR a : addresses(q)»
				ip addr replace «a» dev «quote(q.name)»
			«ENDFOR»
		«ENDFOR»
		«ENDIF»
		«FOR b : bridges(lpar)»

			# Open vSwitch bridge «b.name» («IF b.routed»routed: the host routes for its guests«ELSE»attached to «b.uplink.name»«ENDIF»)
			ovs-vsctl --may-exist add-br «quote(b.name)»
			«IF b.vnic !== null»
				ovs-vsctl --may-exist add-port «quote(b.name)» «quote(b.vnic)» -- set interface «quote(b.vnic)» type=internal
			«ENDIF»
			«IF !b.routed && b.uplink !== null»
				ovs-vsctl --may-exist add-port «quote(b.name)» «quote(b.uplink.name)»
			«ENDIF»
			«IF b.mtu != 0»
				# OVS pulls internal ports down to the smallest port MTU unless mtu_request is set (facts §5.5)
				ovs-vsctl set interface «quote(port(b))» mtu_request=«b.mtu»
			«ENDIF»
			ip link set «quote(port(b))»«IF b.mtu != 0» mtu «b.mtu»«ENDIF»«IF b.txqueuelen != 0» txqueuelen «b.txqueuelen»«ENDIF» up
			«FOR a : addresses(b)»
				ip addr add «a» dev «quote(port(b))» 2>/dev/null || ip addr change «a» dev «quote(port(b))»
			«ENDFOR»
		«ENDFOR»
		«IF Hosts.forwardsGlobally(lpar) || !interfaceSettings(lpar).empty»

			# forwarding, proxy_arp and rp_filter per interface (facts §4.1)
			«IF Hosts.forwardsGlobally(lpar)»
				sysctl -w net.ipv4.ip_forward=1
			«ENDIF»
			«FOR s : interfaceSettings(lpar)»
				sysctl -w «quote(s.key)»=«s.value»
			«ENDFOR»
		«ENDIF»
		«firewall(lpar)»
		«IF !routes(lpar).empty»

			# routes
			«FOR r : routes(lpar)»
				ip route add «routeSpec(r)» 2>/dev/null || ip route replace «routeSpec(r)»
			«ENDFOR»
		«ENDIF»
		echo «quote("zknet: " + lpar.name + " is set up")»
	'''

	def private firewall(Lpar lpar) {
		if (arpFilter(lpar) === null && forwardFilter(lpar) === null && Hosts.members(lpar, Nat).empty) {
			return ''
		}
		if (legacyFirewall(lpar)) legacyFirewallCommands(lpar) else '''

			# ARP filter, forward filter and NAT as one native nftables ruleset (facts §4.4)
			nft -f "$(cd "$(dirname "$0")" && pwd)/nftables/zknet.nft"
		'''
	}

	/** The seed's arptables and iptables commands (seed 002), made repeatable. */
	def private legacyFirewallCommands(Lpar lpar) '''
		«IF arpFilter(lpar) !== null»

			# ARP filter (arptables; seed 002): the rules go in top-down, so they are inserted last-first
			arptables -F INPUT
			arptables -P INPUT «policy(arpFilter(lpar).policy)»
			«FOR rule : arpFilter(lpar).rules.reverseView»
				arptables -I INPUT«arptablesMatch(rule)» -j «policy(rule.action)»
			«ENDFOR»
		«ENDIF»
		«IF forwardFilter(lpar) !== null»

			# forward filter (iptables; seed 002)
			iptables -P FORWARD «policy(forwardFilter(lpar).policy)»
			«FOR rule : forwardFilter(lpar).rules.reverseView»
				iptables -C FORWARD «iptablesMatch(rule)» 2>/dev/null || iptables -t filter -I FORWARD 1 «iptablesMatch(rule)»
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
