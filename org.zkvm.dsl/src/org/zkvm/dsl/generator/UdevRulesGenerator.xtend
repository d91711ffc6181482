package org.zkvm.dsl.generator

import org.zkvm.dsl.zknet.Lpar

import static org.zkvm.dsl.generator.HostFacts.*

/**
 * udev/70-zknet.rules: names the qeth devices as the model does, by their read bus-IDs (the kernel
 * names them by its own scheme, facts §1.2), and sets the transmit queue lengths the model asks for,
 * which no distribution's network configuration carries; and a guest's NICs by their MACs.
 */
class UdevRulesGenerator {

	def boolean needed(Lpar lpar) {
		!qeth(lpar).empty || bridges(lpar).exists[txqueuelen != 0]
	}

	/**
	 * A guest's NICs by their MACs (GuestNicIdentity): virtio-ccw devices that the kernel calls
	 * enc<devno> get the model's names. Ubuntu guests need none: netplan's match and set-name do it.
	 */
	def String guest(NetworkPlan plan, String source) '''
		# zknet: interface names of guest «plan.machine», generated from «source». Do not edit: change the model.
		# Install as /etc/udev/rules.d/70-zknet.rules in the guest.
		«FOR link : plan.links.filter[mac !== null]»
			SUBSYSTEM=="net", ACTION=="add", ATTR{address}=="«link.mac»", NAME="«link.name»"
		«ENDFOR»
	'''

	def String generate(Lpar lpar, String source) '''
		# zknet: interface names and queue lengths of «lpar.name», generated from «source». Do not edit: change the model.
		# Install as /etc/udev/rules.d/70-zknet.rules.
		«FOR q : qeth(lpar)»
			SUBSYSTEM=="net", ACTION=="add", DRIVERS=="qeth", KERNELS=="«readDevice(q)»", NAME="«q.name»"
		«ENDFOR»
		«FOR b : bridges(lpar).filter[txqueuelen != 0]»
			SUBSYSTEM=="net", ACTION=="add", KERNEL=="«port(b)»", ATTR{tx_queue_len}="«b.txqueuelen»"
		«ENDFOR»
	'''
}
