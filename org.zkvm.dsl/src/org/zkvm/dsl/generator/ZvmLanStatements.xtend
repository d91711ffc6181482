package org.zkvm.dsl.generator

import java.util.List
import org.zkvm.dsl.analysis.DeviceRange
import org.zkvm.dsl.topology.ZvmLans
import org.zkvm.dsl.topology.ZvmLinks
import org.zkvm.dsl.zknet.GuestLan
import org.zkvm.dsl.zknet.GuestLanType
import org.zkvm.dsl.zknet.Vswitch
import org.zkvm.dsl.zknet.ZvmCluster
import org.zkvm.dsl.zknet.ZvmGuest
import org.zkvm.dsl.zknet.ZvmLan
import org.zkvm.dsl.zknet.ZvmSystem

import static org.zkvm.dsl.generator.IslinkGenerator.comment
import static org.zkvm.dsl.generator.IslinkGenerator.records

/**
 * The SYSTEM CONFIG statements of a z/VM system's own LANs (z/VM CP Planning and Administration,
 * "DEFINE VSWITCH Statement", "MODIFY VSWITCH Statement", "DEFINE LAN Statement"): each VSWITCH with
 * its OSA uplink ports (RDEV: CP uses the first and fails over to the others; or a link aggregation
 * group, its ports joined with MODIFY PORT GROUP ... JOIN, the statement form of SET PORT GROUP),
 * its transport and VLAN awareness, and the guests it grants (with their VLAN); each guest LAN owned by SYSTEM, so
 * that it persists. Fixed 80-column records within 71, continued with a comma (IslinkGenerator).
 */
class ZvmLanStatements {

	def static List<ZvmLan> lans(ZvmSystem system) {
		(system.eContainer as ZvmCluster).members.filter(ZvmLan).filter[it.system == system].toList
	}

	def String generate(ZvmSystem system, String source) '''
		«FOR record : comment('/* ', ' */', Header.line('VSWITCHes and guest LANs of ' + system.name, source, 'zvm ' + (system.eContainer as ZvmCluster).name))»
			«record»
		«ENDFOR»
		«FOR lan : lans(system)»
			«IF lan instanceof Vswitch»
				«IF lan.group !== null»
					«FOR record : records('MODIFY PORT GROUP ' + lan.group.toUpperCase + ' JOIN', rdevs(lan))»
						«record»
					«ENDFOR»
				«ENDIF»
				«FOR record : records('DEFINE VSWITCH ' + lan.name.toUpperCase, vswitchWords(lan))»
					«record»
				«ENDFOR»
				«FOR grant : grants(system, lan)»
					MODIFY VSWITCH «lan.name.toUpperCase» GRANT «grant»
				«ENDFOR»
			«ELSE»
				DEFINE LAN «lan.name.toUpperCase» OWNERID SYSTEM TYPE «lanType(lan as GuestLan)»
			«ENDIF»
		«ENDFOR»
	'''

	def private lanType(GuestLan lan) {
		if (lan.type == GuestLanType.HIPERS) 'HIPERS MFS ' + ZvmLans.frame(lan).kilobytes + 'K'
		else if (ZvmLans.layer(lan) == 2) 'QDIO ETHERNET'
		else 'QDIO'
	}

	def private vswitchWords(Vswitch vswitch) {
		val words = <String>newArrayList
		if (vswitch.group === null) {
			words.add('RDEV')
			words.addAll(rdevs(vswitch))
		}
		words.add(if (ZvmLans.layer(vswitch) == 2) 'ETHERNET' else 'IP')
		if (vswitch.group !== null) {
			words.addAll('GROUP', vswitch.group.toUpperCase)
		}
		if (vswitch.vlanAware) {
			words.addAll('VLAN', 'AWARE')
			if (vswitch.nativeVlan != 0) {
				words.addAll('NATIVE', String.valueOf(vswitch.nativeVlan))
			}
		} else {
			words.addAll('VLAN', 'UNAWARE')
		}
		words
	}

	def private rdevs(Vswitch vswitch) {
		vswitch.uplinks.map[ZvmLinks.vdev(DeviceRange.parseDeviceNumber(rdev))]
	}

	/** 'USERID [VLAN n]' for each of the system's guests with a NIC on the VSWITCH, once per VLAN, in declaration order. */
	def private grants(ZvmSystem system, Vswitch vswitch) {
		val result = <String>newLinkedHashSet
		for (guest : ZvmLinks.guests(system)) {
			for (nic : ZvmLans.nics(guest).filter[lan == vswitch]) {
				result.add(ZvmLinks.userid(nic.eContainer as ZvmGuest) + if (nic.vlan != 0) ' VLAN ' + nic.vlan else '')
			}
		}
		result
	}
}
