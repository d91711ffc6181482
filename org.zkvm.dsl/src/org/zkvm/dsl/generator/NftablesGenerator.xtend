package org.zkvm.dsl.generator

import org.zkvm.dsl.generator.HostPlan.ArpMatch
import org.zkvm.dsl.generator.HostPlan.ForwardMatch

/**
 * nftables/zknet.nft: the ARP filter (table arp), forward filter (table inet) and NAT (table ip) as
 * one native ruleset (facts §4.4). Each table is declared, deleted and defined again, so that
 * 'nft -f' replaces it atomically and a second run changes nothing. The filters apply to the
 * model's interfaces only: the hook chains accept by default and jump to the model's rules for
 * traffic on those interfaces, so an interface the model never names (a management LAN) keeps
 * answering ARP and forwarding as before.
 */
class NftablesGenerator {

	def String generate(HostPlan plan, String source) '''
		#!/usr/sbin/nft -f
		# «Header.line('firewall of ' + plan.name, source, plan.scope)»
		«IF plan.filters.arp !== null»

			table arp zknet
			delete table arp zknet
			table arp zknet {
				chain input {
					type filter hook input priority 0; policy accept;
					iifname «ports(plan.filters)» jump zknet_rules
				}
				chain zknet_rules {
					«FOR rule : plan.filters.arp.rules»
						«arpRule(rule)»
					«ENDFOR»
					«verdict(plan.filters.arp.drop)»
				}
			}
		«ENDIF»
		«IF plan.filters.forward !== null || !plan.filters.ipv6Forwarding.empty»

			table inet zknet
			delete table inet zknet
			table inet zknet {
				chain forward {
					type filter hook forward priority 0; policy accept;
					«IF !plan.filters.ipv6Forwarding.empty»
						# IPv6 forwarding per interface: Linux forwards IPv6 on every interface once it forwards it at all
						# (conf.all.forwarding), so IPv6 arriving on an interface without 'forwarding ipv6' stops here (docs/ipv6.md)
						meta nfproto ipv6 iifname != { «FOR port : plan.filters.ipv6Forwarding SEPARATOR ', '»"«port»"«ENDFOR» } drop
					«ENDIF»
					«IF plan.filters.forward !== null»
						iifname «ports(plan.filters)» jump zknet_rules
						oifname «ports(plan.filters)» jump zknet_rules
					«ENDIF»
				}
				«IF plan.filters.forward !== null»
				chain zknet_rules {
					«IF plan.filters.ipv6»
						# IPv6 routers never fragment: path MTU discovery needs 'packet too big', and IPv6 its other
						# error messages, whatever the model's rules say (RFC 4890 §4.3.1; docs/ipv6.md)
						icmpv6 type { destination-unreachable, packet-too-big, time-exceeded, parameter-problem } accept
					«ENDIF»
					«FOR rule : plan.filters.forward.rules»
						«forwardRule(rule)»
					«ENDFOR»
					«verdict(plan.filters.forward.drop)»
				}
				«ENDIF»
			}
		«ENDIF»
		«IF !plan.filters.nat.empty»

			table ip zknet
			delete table ip zknet
			table ip zknet {
				chain postrouting {
					type nat hook postrouting priority srcnat; policy accept;
					«FOR nat : plan.filters.nat»
						oifname "«nat.out»"«FOR a : nat.sources BEFORE ' ip saddr { ' SEPARATOR ', ' AFTER ' }'»«a»«ENDFOR» masquerade
					«ENDFOR»
				}
			}
		«ENDIF»
	'''

	/** The model's interfaces as an nftables set of names. */
	def private ports(HostPlan.Filters filters) '''{ «FOR port : filters.ports SEPARATOR ', '»"«port»"«ENDFOR» }'''

	/** nftables' payload family of a prefix: ip, or ip6 for IPv6. */
	def private family(String prefix) {
		if (prefix.contains(':')) 'ip6' else 'ip'
	}

	def private verdict(boolean drop) {
		if (drop) 'drop' else 'accept'
	}

	def private arpRule(ArpMatch rule) '''
		«IF rule.iface !== null»iifname "«rule.iface»" «ENDIF»«IF rule.target !== null»arp daddr ip «rule.target» «ENDIF»«IF rule.sender !== null»arp saddr ip «rule.sender» «ENDIF»«verdict(rule.drop)»'''

	def private forwardRule(ForwardMatch rule) '''
		«IF rule.in !== null»iifname "«rule.in»" «ENDIF»«IF rule.out !== null»oifname "«rule.out»" «ENDIF»«IF rule.source !== null»«family(rule.source)» saddr «rule.source» «ENDIF»«IF rule.destination !== null»«family(rule.destination)» daddr «rule.destination» «ENDIF»«IF rule.established»ct state established,related «ENDIF»«verdict(rule.drop)»'''
}
