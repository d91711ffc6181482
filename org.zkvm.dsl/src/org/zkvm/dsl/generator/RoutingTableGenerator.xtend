package org.zkvm.dsl.generator

import java.util.ArrayList
import java.util.List
import org.zkvm.dsl.analysis.Ipv4Prefix

/**
 * The kernel routing table a machine has once its configuration is up, in the seed's 'route -n'
 * view (seed 002, "Host routing table" and "Sample guest routing table"): the static routes of the
 * model, then the routes the kernel derives from each address.
 */
class RoutingTableGenerator {

	def String generate(NetworkPlan plan, String source) '''
		# zknet: routing table of «plan.machine» once its network is up, generated from «source». As 'route -n' shows it.
		Destination	Gateway	Genmask	Flags	Iface	# Comment
		«FOR row : rows(plan)»
			«row»
		«ENDFOR»
	'''

	def List<String> rows(NetworkPlan plan) {
		val rows = new ArrayList<String>
		for (r : plan.routes.filter[!isIpv6]) {
			val p = r.prefix as Ipv4Prefix
			rows.add(p.networkAddress + '\t' + r.gateway.map[toString].orElse('0.0.0.0') + '\t' + p.netmask + '\t'
				+ (if (r.gateway.present) 'UG' else 'U') + '\t' + (r.device ?: '-') + '\t# '
				+ (if (r.isDefault) 'default route' else 'static route') + (if (r.metric != 0) ', metric ' + r.metric else ''))
		}
		for (link : plan.links) {
			// a /32 (a point-to-point link's own address) derives no route in the main table
			for (a : link.addresses.filter[length < 32]) {
				rows.add(connected(a, link.port))
			}
		}
		for (r : plan.routes.filter[isIpv6]) {
			rows.add(r.prefix + '\t' + r.gateway.map[toString].orElse('::') + '\t-\t' + (if (r.gateway.present) 'UG' else 'U') + '\t' + (r.device ?: '-')
				+ '\t# IPv6 ' + (if (r.isDefault) 'default route' else 'static route') + (if (r.metric != 0) ', metric ' + r.metric else ''))
		}
		for (link : plan.links) {
			for (a : link.ipv6.addresses.filter[length < 128]) {
				rows.add(a.subnet() + '\t::\t-\tU\t' + link.port + '\t# IPv6, from address ' + a)
			}
		}
		rows
	}

	def private connected(Ipv4Prefix address, String device) {
		address.networkAddress + '\t0.0.0.0\t' + address.netmask + '\tU\t' + device + '\t# from address ' + address
	}
}
