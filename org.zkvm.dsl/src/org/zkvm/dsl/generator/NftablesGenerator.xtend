package org.zkvm.dsl.generator

import org.zkvm.dsl.topology.Addresses
import org.zkvm.dsl.topology.Hosts
import org.zkvm.dsl.zknet.ArpRule
import org.zkvm.dsl.zknet.FilterAction
import org.zkvm.dsl.zknet.ForwardRule
import org.zkvm.dsl.zknet.Lpar
import org.zkvm.dsl.zknet.Nat

import static org.zkvm.dsl.generator.HostFacts.*

/**
 * nftables/zknet.nft: the ARP filter (table arp), forward filter (table inet) and NAT (table ip) as
 * one native ruleset (facts §4.4). Each table is declared, deleted and defined again, so that
 * 'nft -f' replaces it atomically and a second run changes nothing. The filters apply to the
 * model's interfaces only: the hook chains accept by default and jump to the model's rules for
 * traffic on those interfaces, so an interface the model never names (a management LAN) keeps
 * answering ARP and forwarding as before.
 */
class NftablesGenerator {

	def boolean needed(Lpar lpar) {
		arpFilter(lpar) !== null || forwardFilter(lpar) !== null || !Hosts.members(lpar, Nat).empty
	}

	def String generate(Lpar lpar, String source) '''
		#!/usr/sbin/nft -f
		# zknet: firewall of «lpar.name», generated from «source» (lpar «Hosts.path(lpar)»). Do not edit: change the model.
		«IF arpFilter(lpar) !== null»

			table arp zknet
			delete table arp zknet
			table arp zknet {
				chain input {
					type filter hook input priority 0; policy accept;
					iifname «ports(lpar)» jump zknet_rules
				}
				chain zknet_rules {
					«FOR rule : arpFilter(lpar).rules»
						«arpRule(rule)»
					«ENDFOR»
					«verdict(arpFilter(lpar).policy)»
				}
			}
		«ENDIF»
		«IF forwardFilter(lpar) !== null»

			table inet zknet
			delete table inet zknet
			table inet zknet {
				chain forward {
					type filter hook forward priority 0; policy accept;
					iifname «ports(lpar)» jump zknet_rules
					oifname «ports(lpar)» jump zknet_rules
				}
				chain zknet_rules {
					«FOR rule : forwardFilter(lpar).rules»
						«forwardRule(rule)»
					«ENDFOR»
					«verdict(forwardFilter(lpar).policy)»
				}
			}
		«ENDIF»
		«IF !Hosts.members(lpar, Nat).empty»

			table ip zknet
			delete table ip zknet
			table ip zknet {
				chain postrouting {
					type nat hook postrouting priority srcnat; policy accept;
					«FOR nat : Hosts.members(lpar, Nat)»
						oifname "«nat.outInterface.name»"«FOR a : Addresses.of(nat.bridge) BEFORE ' ip saddr { ' SEPARATOR ', ' AFTER ' }'»«a.subnet()»«ENDFOR» masquerade
					«ENDFOR»
				}
			}
		«ENDIF»
	'''

	/** The model's interfaces as an nftables set of names. */
	def private ports(Lpar lpar) {
		'{ ' + HostFacts.filteredPorts(lpar).map['"' + it + '"'].join(', ') + ' }'
	}

	def private verdict(FilterAction action) {
		if (action == FilterAction.DROP) 'drop' else 'accept'
	}

	def private arpRule(ArpRule rule) {
		val b = new StringBuilder
		if (rule.iface !== null) b.append('iifname "').append(HostFacts.portName(rule.iface)).append('" ')
		if (rule.target !== null) b.append('arp daddr ip ').append(rule.target).append(' ')
		if (rule.sender !== null) b.append('arp saddr ip ').append(rule.sender).append(' ')
		b.append(verdict(rule.action))
		b.toString
	}

	def private forwardRule(ForwardRule rule) {
		val b = new StringBuilder
		if (rule.inInterface !== null) b.append('iifname "').append(HostFacts.portName(rule.inInterface)).append('" ')
		if (rule.outInterface !== null) b.append('oifname "').append(HostFacts.portName(rule.outInterface)).append('" ')
		if (rule.source !== null) b.append('ip saddr ').append(rule.source).append(' ')
		if (rule.destination !== null) b.append('ip daddr ').append(rule.destination).append(' ')
		if (rule.established) b.append('ct state established,related ')
		b.append(verdict(rule.action))
		b.toString
	}
}
