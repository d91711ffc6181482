package org.zkvm.dsl.generator

import org.zkvm.dsl.topology.Hosts
import org.zkvm.dsl.topology.ReversePathFilter
import org.zkvm.dsl.zknet.Lpar

import static org.zkvm.dsl.generator.HostFacts.*

/** sysctl.d/90-zknet.conf: the per-interface settings at boot; dotted names written with '/' (facts §2.4). */
class SysctlConfGenerator {

	def String generate(Lpar lpar, String source) '''
		# zknet: kernel settings of «lpar.name», generated from «source» (lpar «Hosts.path(lpar)»). Do not edit: change the model.
		# rp_filter, as the distribution sets it: «ReversePathFilter.describe(lpar.distro)»;
		# the kernel applies the larger of conf.all and conf.IFACE, so an interface not named here is «ReversePathFilter.text(ReversePathFilter.unnamed(lpar))».
		«IF ReversePathFilter.lowersAll(lpar)»
			# conf.all goes to 0, or it would override the lower values the model sets below; the model's other
			# interfaces get the distribution's conf.all, and so keep the mode they had
			net.ipv4.conf.all.rp_filter = 0
		«ENDIF»
		«IF Hosts.forwardsGlobally(lpar)»
			net.ipv4.ip_forward = 1
		«ENDIF»
		«FOR s : interfaceSettings(lpar)»
			«s.key» = «s.value»
		«ENDFOR»
	'''
}
