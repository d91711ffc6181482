package org.zkvm.dsl.generator

import java.util.List
import java.util.Map
import java.util.TreeMap
import org.zkvm.dsl.generator.NetworkPlan.Kind
import org.zkvm.dsl.generator.NetworkPlan.Link

/**
 * RHEL 9+ NetworkManager keyfiles for /etc/NetworkManager/system-connections (facts §5.3): qeth
 * devices with s390-nettype, s390-subchannels and [ethernet-s390-options]; an OVS bridge as the
 * ovs-bridge, ovs-port and ovs-interface connections NetworkManager's Open vSwitch support needs,
 * with the uplink as an ethernet port of the bridge. UUIDs derive from the model, so the same model
 * gives the same files; controllers are referred to by UUID, because a bridge, its port and its
 * internal interface may share one name. Routes without a metric in the model get metric 0
 * (route-metric=0), as setup.sh, netplan and wicked give them: NetworkManager's own default for an
 * ethernet is 100, and the host after a reboot would differ from the host setup.sh left (the lab's reboot, `zknet lab --boot`).
 */
class NetworkManagerGenerator implements DistributionFiles {

	/** networkmanager/FILE to content; setup.sh installs them with mode 600, loads and activates them (NetworkManagerIds.profiles). */
	override Map<String, String> files(NetworkPlan plan, String source) {
		val files = new TreeMap<String, String>
		for (link : plan.links) {
			switch link.kind {
				case Kind.OVS_BRIDGE: {
					files.put(file(link.name), ovsBridge(plan, link, source).toString)
					files.put(file('ovs-port-' + link.port), ovsPort(plan, link.port, link.name, null, #[], source).toString)
					files.put(file('ovs-if-' + link.port), ovsInterface(plan, link, source).toString)
					if (link.lanPort !== null) {
						// the port to the LAN: the Open vSwitch bond's mode (nm-ovsdb.c writes bond_mode only from the profile) and the trunks
						files.put(file('ovs-port-' + link.lanPort), ovsPort(plan, link.lanPort, link.name, link.bond?.option('bond_mode'), link.trunks, source).toString)
					}
				}
				case Kind.CTC,
				case Kind.IUCV:
					files.put(file(link.name), pointToPoint(plan, link, source).toString)
				default:
					files.put(file(link.name), ethernet(plan, link, source).toString)
			}
		}
		files
	}

	def private file(String id) {
		'networkmanager/' + NetworkManagerIds.fileName(id)
	}

	/**
	 * The profile a link is a port of, with its type, or null: its bond's, or the Open vSwitch port of
	 * the bridge it is the uplink of (the bridge's bond port for a member of an Open vSwitch bond).
	 */
	def private controllerOf(NetworkPlan plan, Link link) {
		if (link.master !== null) {
			return uuid(plan, link.master) -> 'bond'
		}
		val bridge = plan.links.findFirst[kind == Kind.OVS_BRIDGE && (uplink == link.name || bond !== null && bond.members.contains(link.name))]
		if (bridge === null) {
			return null
		}
		uuid(plan, 'ovs-port-' + (if (bridge.uplink == link.name) link.name else bridge.bond.port)) -> 'ovs-port'
	}

	/** The connection type of a link's own profile. */
	def private type(Link link) {
		switch link.kind {
			case Kind.BOND: 'bond'
			case Kind.VLAN: 'vlan'
			default: 'ethernet'
		}
	}

	def String uuid(NetworkPlan plan, String id) {
		NetworkManagerIds.uuid(plan.path, id)
	}

	def private header(NetworkPlan plan, Link link, String source) '''
		# «Header.line(link.name + ' of ' + plan.machine + ' (' + link.description + ')', source)»
	'''

	/** An ethernet, a bond (its options as the bonding driver names them) or a VLAN; a port of a bond or bridge has no IP settings. */
	def private ethernet(NetworkPlan plan, Link link, String source) {
		val controller = controllerOf(plan, link)
		ethernet(plan, link, controller?.key, controller?.value, source)
	}

	def private ethernet(NetworkPlan plan, Link link, String master, String portType, String source) '''
		«header(plan, link, source)»
		[connection]
		id=«link.name»
		uuid=«uuid(plan, link.name)»
		type=«type(link)»
		interface-name=«link.name»
		«IF master !== null»
			master=«master»
			slave-type=«portType»
		«ENDIF»
		«IF link.bond !== null»

			[bond]
			«FOR o : link.bond.options»
				«o»
			«ENDFOR»
		«ENDIF»
		«IF link.vlan !== null»

			[vlan]
			parent=«link.vlan.parent»
			id=«link.vlan.id»
		«ENDIF»

		[ethernet]
		«IF link.mac !== null»
			mac-address=«link.mac»
		«ENDIF»
		«IF link.hasMtu»
			mtu=«link.mtu»
		«ENDIF»
		«IF link.kind == Kind.QETH»
			s390-nettype=qeth
			s390-subchannels=«link.subchannels.replace(',', ';')»;

			[ethernet-s390-options]
			«FOR o : link.s390Options»
				«o»
			«ENDFOR»
		«ENDIF»
		«IF master === null»

			«ip(plan, link)»
		«ENDIF»
	'''

	/**
	 * A z/VM guest's virtual CTC or netiucv interface: a point-to-point device without Ethernet
	 * (ARPHRD_SLIP), which NetworkManager handles as a generic device, matched by its name; the device
	 * itself is chzdev's (ctcm, with its buffer and so its MTU) or network.sh's (netiucv).
	 */
	def private pointToPoint(NetworkPlan plan, Link link, String source) '''
		«header(plan, link, source)»
		[connection]
		id=«link.name»
		uuid=«uuid(plan, link.name)»
		type=generic
		interface-name=«link.name»

		[generic]

		«ip(plan, link)»
	'''

	def private ovsBridge(NetworkPlan plan, Link link, String source) '''
		«header(plan, link, source)»
		[connection]
		id=«link.name»
		uuid=«uuid(plan, link.name)»
		type=ovs-bridge
		interface-name=«link.name»

		[ovs-bridge]
	'''

	def private ovsPort(NetworkPlan plan, String port, String bridge, String bondMode, List<Integer> trunks, String source) '''
		# «Header.line('port ' + port + ' of Open vSwitch bridge ' + bridge + ' on ' + plan.machine, source)»
		[connection]
		id=ovs-port-«port»
		uuid=«uuid(plan, 'ovs-port-' + port)»
		type=ovs-port
		interface-name=«port»
		master=«uuid(plan, bridge)»
		slave-type=ovs-bridge

		[ovs-port]
		«IF bondMode !== null»
			bond-mode=«bondMode»
		«ENDIF»
		«IF !trunks.empty»
			trunks=«trunks.join(',')»
		«ENDIF»
	'''

	/** The internal port with the addresses; the MTU is asked for explicitly (facts §5.5). */
	def private ovsInterface(NetworkPlan plan, Link link, String source) '''
		# «Header.line(link.port + ', internal port of ' + link.name + ' on ' + plan.machine, source)»
		[connection]
		id=ovs-if-«link.port»
		uuid=«uuid(plan, 'ovs-if-' + link.port)»
		type=ovs-interface
		interface-name=«link.port»
		master=«uuid(plan, 'ovs-port-' + link.port)»
		slave-type=ovs-port

		[ovs-interface]
		type=internal
		«IF link.hasMtu»

			[ethernet]
			mtu=«link.mtu»
		«ENDIF»

		«ip(plan, link)»
	'''

	def private ip(NetworkPlan plan, Link link) '''
		[ipv4]
		«IF link.addresses.empty»
			method=disabled
		«ELSE»
			method=manual
			«FOR a : link.addresses»
				address«link.addresses.indexOf(a) + 1»=«a»
			«ENDFOR»
			route-metric=0
		«ENDIF»
		«FOR r : plan.routesVia(link, false)»
			route«plan.routesVia(link, false).indexOf(r) + 1»=«r.prefix»«IF r.gateway.present»,«r.gateway.get»«ELSEIF r.metric != 0»,0.0.0.0«ENDIF»«IF r.metric != 0»,«r.metric»«ENDIF»
		«ENDFOR»

		[ipv6]
		«IF link.ipv6.slaac»
			# addresses and the default route from the LAN's router advertisements: NetworkManager takes them itself
			# (its own ndisc; kernel accept_ra=0), forwarding or not (docs/ipv6.md)
			method=auto
		«ELSEIF !link.ipv6.addresses.empty»
			method=manual
		«ELSEIF !plan.routesVia(link, true).empty»
			# IPv6 routes (via a link-local gateway) without an address of the link's own: 'ignore' would drop them
			method=link-local
		«ELSE»
			method=ignore
		«ENDIF»
		«FOR a : link.ipv6.addresses»
			address«link.ipv6.addresses.indexOf(a) + 1»=«a»
		«ENDFOR»
		«IF link.ipv6.any || !plan.routesVia(link, true).empty»
			# the kernel's metric for an IPv6 route given without one (IP6_RT_PRIO_USER), as setup.sh, netplan and wicked leave it
			route-metric=1024
		«ENDIF»
		«FOR r : plan.routesVia(link, true)»
			route«plan.routesVia(link, true).indexOf(r) + 1»=«r.prefix»«IF r.gateway.present»,«r.gateway.get»«ELSEIF r.metric != 0»,::«ENDIF»«IF r.metric != 0»,«r.metric»«ENDIF»
		«ENDFOR»
	'''
}
