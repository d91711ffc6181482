package org.zkvm.dsl.generator

import java.util.Map
import java.util.TreeMap
import org.zkvm.dsl.generator.NetworkPlan.Kind
import org.zkvm.dsl.generator.NetworkPlan.Link
import org.zkvm.dsl.generator.NetworkPlan.Route

/**
 * SUSE (wicked) persistent configuration for /etc/sysconfig/network (facts §5.2): ifcfg-IF,
 * ifroute-IF and the global routes file (Destination Gateway Netmask Interface Options, CIDR
 * destinations, '-' for empty), and OVS bridges as ifcfg with OVS_BRIDGE='yes'. No ifsysctl-IF:
 * ifsysctl(5) lists the system's sysctl.d files first and the ifsysctl files as deprecated; the
 * per-interface keys are in the host's sysctl.d/90-zknet.conf, which udev applies again as each
 * interface appears.
 */
class SuseWickedGenerator implements DistributionFiles {

	/** wicked/FILE (FILE relative to /etc/sysconfig/network) to content. */
	override Map<String, String> files(NetworkPlan plan, String source) {
		val files = new TreeMap<String, String>
		for (link : plan.links) {
			files.put('wicked/ifcfg-' + Shell.fileName(link.name), ifcfg(plan, link, source).toString)
			if (link.port != link.name) {
				files.put('wicked/ifcfg-' + Shell.fileName(link.port), internalPort(plan, link, source).toString)
			}
			if (!plan.routesVia(link).empty) {
				files.put('wicked/ifroute-' + Shell.fileName(link.port), ifroute(plan, link, source).toString)
			}
		}
		if (!plan.routesWithoutDevice.empty) {
			files.put('wicked/routes', globalRoutes(plan, source).toString)
		}
		files
	}

	def private ifcfg(NetworkPlan plan, Link link, String source) '''
		# «Header.line(link.name + ' of ' + plan.machine + ' (' + link.description + ')', source)»
		«IF link.kind == Kind.OVS_BRIDGE»
			# 'nfsroot' keeps the bridge up at shutdown, as ifcfg-ovs-bridge(5) advises when ports are added with ovs-vsctl
			STARTMODE='nfsroot'
		«ELSEIF link.enslaved»
			# a member of bond «link.master»: the bond brings it up (ifcfg-bonding(5))
			STARTMODE='hotplug'
		«ELSE»
			STARTMODE='auto'
		«ENDIF»
		«IF link.enslaved»
			BOOTPROTO='none'
		«ELSEIF link.ipv6.slaac»
			# static, and the IPv6 addresses and default route the kernel takes from router advertisements (ifcfg(5): auto6)
			BOOTPROTO='static+auto6'
		«ELSE»
			BOOTPROTO='static'
		«ENDIF»
		«IF link.kind == Kind.BOND»
			BONDING_MASTER='yes'
			BONDING_MODULE_OPTS='«link.bond.options.join(' ')»'
			«FOR m : link.bond.members»
				BONDING_SLAVE_«link.bond.members.indexOf(m)»='«m»'
			«ENDFOR»
		«ENDIF»
		«IF link.vlan !== null»
			ETHERDEVICE='«link.vlan.parent»'
			VLAN_ID='«link.vlan.id»'
		«ENDIF»
		«IF link.port == link.name»
			«addressLines(link)»
			«postUp(link)»
		«ENDIF»
		«IF link.hasMtu && link.port == link.name»
			MTU='«link.mtu»'
		«ENDIF»
		«IF link.kind == Kind.OVS_BRIDGE»
			OVS_BRIDGE='yes'
			«IF link.uplink !== null»
				OVS_BRIDGE_PORT_DEVICE_1='«link.uplink»'
			«ENDIF»
			«IF link.bond !== null»
				# the Open vSwitch bond «link.bond.port» («link.bond.options.join(' ')») of «link.bond.members.join(', ')»: ifcfg-ovs-bridge(5)
				# has no bond ports, so setup.sh adds it with ovs-vsctl and Open vSwitch keeps it in its database across reboots
			«ENDIF»
		«ENDIF»
	'''

	/** An internal port with its own name: setup.sh creates it and Open vSwitch keeps it; wicked sets its addresses when it appears. */
	def private internalPort(NetworkPlan plan, Link link, String source) '''
		# «Header.line(link.port + ', internal port of ' + link.name + ' on ' + plan.machine, source)»
		# setup.sh creates the port (ovs-vsctl); Open vSwitch keeps it across reboots.
		STARTMODE='hotplug'
		BOOTPROTO='static'
		«addressLines(link)»
		«postUp(link)»
		«IF link.hasMtu»
			MTU='«link.mtu»'
		«ENDIF»
	'''

	/** The proxy NDP entries again after the interface comes up: the kernel drops them with the link (ProxyNdpGenerator). */
	def private postUp(Link link) '''
		«IF !link.ipv6.proxies.empty»
			POST_UP_SCRIPT='systemd:zknet-proxy-ndp@«link.port».service'
		«ENDIF»
	'''

	/** IPv4 then IPv6 addresses (ifcfg(5): IPADDR, IPADDR_1, ... of either family, the prefix length after '/'). */
	def private addressLines(Link link) '''
		«val all = (link.addresses.map[toString] + link.ipv6.addresses.map[toString]).toList»
		«FOR a : all»
			IPADDR«IF all.indexOf(a) > 0»_«all.indexOf(a)»«ENDIF»='«a»'
		«ENDFOR»
	'''

	def private ifroute(NetworkPlan plan, Link link, String source) '''
		# «Header.line('routes via ' + link.port + ' of ' + plan.machine, source)»
		# Destination	Gateway	Netmask	Interface	Options
		«FOR r : plan.routesVia(link)»
			«line(r)»
		«ENDFOR»
	'''

	def private globalRoutes(NetworkPlan plan, String source) '''
		# «Header.line('routes of ' + plan.machine + ' that the model ties to no interface', source)»
		# Destination	Gateway	Netmask	Interface	Options
		«FOR r : plan.routesWithoutDevice»
			«line(r)»
		«ENDFOR»
	'''

	def private line(Route r) {
		r.destination + '\t' + r.gateway.map[toString].orElse('-') + '\t-\t' + (r.device ?: '-')
			+ (if (r.metric != 0) '\tmetric ' + r.metric else '')
	}
}
