package org.zkvm.dsl.generator

import org.zkvm.dsl.analysis.DeviceRange
import org.zkvm.dsl.analysis.IsfcLayout
import org.zkvm.dsl.topology.IsfcLinks
import org.zkvm.dsl.zknet.IsfcLink
import org.zkvm.dsl.zknet.ZvmCluster
import org.zkvm.dsl.zknet.ZvmSystem

/**
 * The SYSTEM CONFIG statements of a z/VM system's ISFC logical links (facts §3.1), the devices in
 * the ordering system's scan order, and a commented IOCP view of the FICON CTCs they assume.
 */
class IslinkGenerator {

	def String systemConfig(ZvmSystem system, String source) '''
		/* zknet: ISFC logical links of «system.name», generated from «source» (zvm «(system.eContainer as ZvmCluster).name»). */
		/* Do not edit: change the model. Devices are listed in the ordering system's scan order. */
		«FOR link : links(system)»
			/* «IF link.name !== null»«link.name»: «ENDIF»«link.left.name» <-> «link.right.name», «IsfcLinks.layout(link).ctcs.size» CTCs, ordered by «IsfcLinks.layout(link).orderingSystem» */
			«system.name»: ACTIVATE ISLINK «devices(IsfcLinks.layout(link), link.left == system).join(' ')» NODE «partner(link, system).name»
		«ENDFOR»
	'''

	def String iocp(ZvmSystem system, String source) '''
		* zknet: the FICON CTCs the ISFC links of «system.name» assume, generated from «source».
		* Compare with the real IOCDS: FCTC control units on TYPE=FC chpids, the same unit
		* addresses at both ends (facts §3.4). This listing is not an IOCP deck.
		*
		«FOR link : links(system)»
			«FOR group : link.ctcs»
				*   CHPID «IF link.left == system»«group.chpid?.name»«ELSE»«(group.remoteChpid ?: group.chpid)?.name»«ENDIF» TYPE=FC   IODEVICE ADDRESS=(«IF link.left == system»«group.devices»«ELSE»«group.remoteDevices»«ENDIF»),UNIT=FCTC   -> «partner(link, system).name»
			«ENDFOR»
		«ENDFOR»
	'''

	def static links(ZvmSystem system) {
		(system.eContainer as ZvmCluster).members.filter(IsfcLink).filter[left == system || right == system].toList
	}

	def private partner(IsfcLink link, ZvmSystem system) {
		if (link.left == system) link.right else link.left
	}

	/** This system's device numbers, in the ordering system's scan order. */
	def private devices(IsfcLayout layout, boolean leftSide) {
		layout.scanOrder.map[DeviceRange.format(if (leftSide) leftDevice else rightDevice)]
	}
}
