package org.zkvm.dsl.generator

import org.zkvm.dsl.topology.Hosts
import org.zkvm.dsl.zknet.Lpar

import static org.zkvm.dsl.generator.HostFacts.*

/** sysctl.d/90-zknet.conf: the per-interface settings at boot; dotted names written with '/' (facts §2.4). */
class SysctlConfGenerator {

	def String generate(Lpar lpar, String source) '''
		# zknet: kernel settings of «lpar.name», generated from «source» (lpar «Hosts.path(lpar)»). Do not edit: change the model.
		«IF Hosts.forwardsGlobally(lpar)»
			net.ipv4.ip_forward = 1
		«ENDIF»
		«FOR s : interfaceSettings(lpar)»
			«s.key» = «s.value»
		«ENDFOR»
	'''
}
