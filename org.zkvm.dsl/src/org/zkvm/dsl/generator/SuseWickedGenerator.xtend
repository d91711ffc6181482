package org.zkvm.dsl.generator

import org.zkvm.dsl.topology.Hosts
import org.zkvm.dsl.zknet.HostInterface
import org.zkvm.dsl.zknet.HostRoute
import org.zkvm.dsl.zknet.Lpar
import org.zkvm.dsl.zknet.OvsBridge
import org.zkvm.dsl.topology.Routes

import static org.zkvm.dsl.generator.HostFacts.*
import static org.zkvm.dsl.generator.Shell.*

/**
 * SUSE (wicked) persistent configuration for /etc/sysconfig/network (facts §5.2): ifcfg-IF,
 * ifroute-IF (Destination Gateway Netmask Interface Options, CIDR destinations, '-' for empty),
 * ifsysctl-IF, and OVS bridges as ifcfg with OVS_BRIDGE='yes'.
 */
class SuseWickedGenerator {

	def String ifcfg(HostInterface iface, String source) '''
		# zknet: «iface.name» of «Hosts.lparOf(iface).name», generated from «source». Do not edit: change the model.
		STARTMODE='«IF iface instanceof OvsBridge»nfsroot«ELSE»auto«ENDIF»'
		BOOTPROTO='static'
		«FOR a : addresses(iface) SEPARATOR '\n'»IPADDR«index(iface, a)»='«a»'«ENDFOR»
		«IF iface.mtu != 0»
			MTU='«iface.mtu»'
		«ENDIF»
		«IF iface instanceof OvsBridge»
			OVS_BRIDGE='yes'
			«IF !iface.routed && iface.uplink !== null»
				OVS_BRIDGE_PORT_DEVICE_1='«iface.uplink.name»'
			«ENDIF»
		«ENDIF»
	'''

	def private index(HostInterface iface, org.zkvm.dsl.analysis.Ipv4Prefix a) {
		val i = addresses(iface).indexOf(a)
		if (i == 0) '' else '_' + i
	}

	/** The routes through one interface, in ifroute-IF form. */
	def String ifroute(HostInterface iface, String source) '''
		# zknet: routes via «iface.name» of «Hosts.lparOf(iface).name», generated from «source».
		# Destination	Gateway	Netmask	Interface	Options
		«FOR r : routes(Hosts.lparOf(iface)).filter[device == iface]»
			«line(r)»
		«ENDFOR»
	'''

	def boolean hasRoutes(HostInterface iface) {
		!routes(Hosts.lparOf(iface)).filter[device == iface].empty
	}

	def private line(HostRoute r) {
		destination(r) + '\t' + (Routes.gateway(r).map[toString].orElse('-')) + '\t-\t' + r.device.name
			+ (if (r.metric != 0) '\tmetric ' + r.metric else '')
	}

	def String ifsysctl(HostInterface iface, String source) '''
		# zknet: kernel settings of «iface.name» on «Hosts.lparOf(iface).name», generated from «source».
		«IF Hosts.forwardedInterfaces(Hosts.lparOf(iface)).contains(iface)»
			«sysctl(SetupScriptGenerator.portName(iface), "forwarding")» = 1
		«ENDIF»
		«IF Hosts.proxyArpInterfaces(Hosts.lparOf(iface)).contains(iface)»
			«sysctl(SetupScriptGenerator.portName(iface), "proxy_arp")» = 1
		«ENDIF»
	'''

	def boolean hasSysctl(HostInterface iface) {
		Hosts.forwardedInterfaces(Hosts.lparOf(iface)).contains(iface) || Hosts.proxyArpInterfaces(Hosts.lparOf(iface)).contains(iface)
	}

	/** Names the qeth devices as the model does, by their read bus-IDs (the kernel names them by its own scheme, facts §1.2). */
	def String udevNames(Lpar lpar, String source) '''
		# zknet: interface names of «lpar.name», generated from «source». Install as /etc/udev/rules.d/70-zknet-names.rules.
		«FOR q : qeth(lpar)»
			SUBSYSTEM=="net", ACTION=="add", DRIVERS=="qeth", KERNELS=="«readDevice(q)»", NAME="«q.name»"
		«ENDFOR»
	'''
}
