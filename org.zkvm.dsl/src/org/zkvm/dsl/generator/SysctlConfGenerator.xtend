package org.zkvm.dsl.generator

/** sysctl.d/90-zknet.conf: the per-interface settings at boot; dotted names written with '/' (facts §2.4). */
class SysctlConfGenerator {

	def String generate(HostPlan plan, String source) '''
		# «Header.line('kernel settings of ' + plan.name, source, plan.scope)»
		# rp_filter, as the distribution sets it: «plan.kernel.rpFilterDefault»;
		# the kernel applies the larger of conf.all and conf.IFACE, so an interface not named here is «plan.kernel.rpFilterUnnamed».
		«IF plan.kernel.lowersAll»
			# conf.all goes to 0, or it would override the lower values the model sets below; the model's other
			# interfaces get the distribution's conf.all, and so keep the mode they had
			net.ipv4.conf.all.rp_filter = 0
		«ENDIF»
		«IF plan.kernel.forwardsGlobally»
			net.ipv4.ip_forward = 1
		«ENDIF»
		«FOR s : plan.kernel.settings»
			«s.key» = «s.value»
		«ENDFOR»
		«IF plan.kernel.forwardsIpv6»
			# IPv6 forwarding: Linux forwards IPv6 only with conf.all.forwarding, which makes every interface a router,
			# after accept_ra«IF !plan.filters.ipv6Forwarding.empty»; the forward filter drops IPv6 arriving on other interfaces than «plan.filters.ipv6Forwarding.join(', ')»«ENDIF» (docs/ipv6.md)
			net.ipv6.conf.all.forwarding = 1
		«ENDIF»
	'''
}
