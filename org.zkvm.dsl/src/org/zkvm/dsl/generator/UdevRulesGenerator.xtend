package org.zkvm.dsl.generator

/**
 * udev/70-zknet.rules: names the qeth devices as the model does, by their read bus-IDs (the kernel
 * names them by its own scheme, facts §1.2), and sets the transmit queue lengths the model asks for,
 * which no distribution's network configuration carries; and a guest's NICs by their MACs.
 */
class UdevRulesGenerator {

	def boolean needed(HostPlan plan) {
		!plan.qeth.empty || plan.bridges.exists[txqueuelen != 0]
	}

	/**
	 * A guest's NICs by their MACs (GuestNicIdentity): virtio-ccw devices that the kernel calls
	 * enc<devno> get the model's names. Ubuntu guests need none: netplan's match and set-name do it.
	 */
	def String guest(NetworkPlan plan, String source) '''
		# «Header.line('interface names of guest ' + plan.machine, source)»
		# Install as /etc/udev/rules.d/70-zknet.rules in the guest.
		«FOR link : plan.links.filter[mac !== null]»
			SUBSYSTEM=="net", ACTION=="add", ATTR{address}=="«link.mac»", NAME="«link.name»"
		«ENDFOR»
	'''

	/** A z/VM guest's NICs and virtual CTCs by their read devices (the drivers call them eth<N>/enc<devno> and ctc<N>, facts §1.2, §6.2). */
	def String zvmGuest(NetworkPlan plan, String source) '''
		# «Header.line('interface names of z/VM guest ' + plan.machine, source)»
		# Install as /etc/udev/rules.d/70-zknet.rules in the guest.
		«FOR link : plan.links.filter[kind == NetworkPlan.Kind.QETH]»
			SUBSYSTEM=="net", ACTION=="add", DRIVERS=="qeth", KERNELS=="«link.subchannels.split(',').head»", NAME="«link.name»"
		«ENDFOR»
		«FOR link : plan.links.filter[kind == NetworkPlan.Kind.CTC]»
			SUBSYSTEM=="net", ACTION=="add", DRIVERS=="ctcm", KERNELS=="«link.subchannels.split(';').head»", NAME="«link.name»"
		«ENDFOR»
	'''

	def String generate(HostPlan plan, String source) '''
		# «Header.line('interface names and queue lengths of ' + plan.name, source)»
		# Install as /etc/udev/rules.d/70-zknet.rules.
		«FOR q : plan.qeth»
			SUBSYSTEM=="net", ACTION=="add", DRIVERS=="qeth", KERNELS=="«q.readDevice»", NAME="«q.name»"
		«ENDFOR»
		«FOR b : plan.bridges.filter[txqueuelen != 0]»
			SUBSYSTEM=="net", ACTION=="add", KERNEL=="«b.port»", ATTR{tx_queue_len}="«b.txqueuelen»"
		«ENDFOR»
	'''
}
