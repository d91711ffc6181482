package org.zkvm.dsl.generator

import org.zkvm.dsl.topology.Hosts
import org.zkvm.dsl.zknet.Lpar

import static org.zkvm.dsl.generator.HostFacts.*

/** sysctl.d/90-zknet.conf: the per-interface settings at boot; dotted names written with '/' (facts §2.4). */
class SysctlConfGenerator {

	def String generate(Lpar lpar, String source) '''
		# zknet: kernel settings of «lpar.name», generated from «source» (lpar «Hosts.path(lpar)»). Do not edit: change the model.
		# rp_filter: an interface not named here keeps «rpFilterDefault(lpar)»;
		# the kernel applies the larger of conf.all.rp_filter and conf.IFACE.rp_filter.
		«IF Hosts.forwardsGlobally(lpar)»
			net.ipv4.ip_forward = 1
		«ENDIF»
		«FOR s : interfaceSettings(lpar)»
			«s.key» = «s.value»
		«ENDFOR»
	'''

	/** The distributions' own rp_filter defaults (docs/outputs.md, "Boot order"). */
	def static String rpFilterDefault(Lpar lpar) {
		switch lpar.distro {
			case RHEL: "RHEL's default, strict (1: /usr/lib/sysctl.d/50-redhat.conf)"
			case UBUNTU: "Ubuntu's default, loose (2: /etc/sysctl.d/10-network-security.conf)"
			default: "SLES's default, loose (2: /usr/lib/sysctl.d/50-default.conf)"
		}
	}
}
