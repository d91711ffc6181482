package org.zkvm.dsl.generator

import org.zkvm.dsl.topology.ZvmLans
import org.zkvm.dsl.topology.ZvmLinks
import org.zkvm.dsl.zknet.GuestLan
import org.zkvm.dsl.zknet.GuestLanType
import org.zkvm.dsl.zknet.Vswitch
import org.zkvm.dsl.zknet.ZvmLan
import org.zkvm.dsl.zknet.ZvmCluster
import org.zkvm.dsl.zknet.ZvmGuest
import org.zkvm.dsl.zknet.ZvmSystem

import static org.zkvm.dsl.generator.IslinkGenerator.comment
import static org.zkvm.dsl.topology.ZvmLinks.vdev

/**
 * The CP user directory statements of the network devices of a z/VM system's guests
 * (docs/outputs.md, "Per z/VM system"): per guest its IUCV authorisations (netiucv connects to the
 * partner), the COUPLE of its virtual CTCs at logon (the directory's COMMAND statement) and the
 * virtual CTCs themselves (SPECIAL ... CTCA, restricted to the partner), and its NICs on the
 * system's VSWITCHes and guest LANs (NICDEF ... LAN SYSTEM name). Each side's read device is
 * coupled to the partner's write device and vice versa (facts §6.2). Fixed 80-column records, as
 * SYSTEM CONFIG (IslinkGenerator).
 */
class ZvmDirectoryGenerator {

	def String generate(ZvmSystem system, String source) '''
		«FOR record : comment('* ', '', Header.line('CP directory statements of the network devices of the guests on ' + system.name, source, 'zvm ' + (system.eContainer as ZvmCluster).name))»
			«record»
		«ENDFOR»
		* Each guest's statements belong in its USER entry, control statements
		* (IUCV, COMMAND) before device statements (SPECIAL, NICDEF), e.g.
		* through DirMaint or your directory manager. COUPLE needs the partner
		* logged on: both guests couple at logon, and the one that logs on
		* second connects the pair (z/VM CP Planning and Administration:
		* SPECIAL, COMMAND, IUCV, NICDEF; CP Commands and Utilities Reference:
		* COUPLE).
		«FOR guest : ZvmLinks.guests(system).filter[ZvmLinks.hasNetwork(it)]»
			*
			* ---- «ZvmLinks.userid(guest)»
			«statements(guest)»
		«ENDFOR»
	'''

	def private statements(ZvmGuest guest) '''
		«FOR partner : ZvmLinks.sides(guest).filter[!ctc].map[it.partner].toSet»
			* netiucv connects to «ZvmLinks.userid(partner)»: authority to connect to it
			IUCV «ZvmLinks.userid(partner)»
		«ENDFOR»
		«FOR side : ZvmLinks.sides(guest).filter[ctc]»
			* «side.link.name»: virtual CTC to «ZvmLinks.userid(side.partner)», read «vdev(side.readDevice)» write «vdev(side.writeDevice)»
			COMMAND COUPLE «vdev(side.readDevice)» TO «ZvmLinks.userid(side.partner)» «vdev(side.partnerWriteDevice)»
			COMMAND COUPLE «vdev(side.writeDevice)» TO «ZvmLinks.userid(side.partner)» «vdev(side.partnerReadDevice)»
		«ENDFOR»
		«FOR side : ZvmLinks.sides(guest).filter[ctc]»
			SPECIAL «vdev(side.readDevice)» CTCA «ZvmLinks.userid(side.partner)»
			SPECIAL «vdev(side.writeDevice)» CTCA «ZvmLinks.userid(side.partner)»
		«ENDFOR»
		«FOR nic : ZvmLans.nics(guest).filter[lan !== null && !lan.eIsProxy && ZvmLans.device(it).present]»
			* «nic.name»: NIC on «IF nic.lan instanceof Vswitch»VSWITCH«ELSE»guest LAN«ENDIF» «nic.lan.name», devices «vdev(ZvmLans.device(nic).get)»-«vdev(ZvmLans.device(nic).get + 2)»
			NICDEF «vdev(ZvmLans.device(nic).get)» TYPE «nicType(nic.lan)» DEVICES 3 LAN SYSTEM «nic.lan.name.toUpperCase»
		«ENDFOR»
	'''

	/** HIPERSOCKETS for a HiperSockets guest LAN, QDIO for a VSWITCH or QDIO guest LAN (NICDEF TYPE). */
	def private nicType(ZvmLan lan) {
		if (lan instanceof GuestLan && (lan as GuestLan).type == GuestLanType.HIPERS) 'HIPERSOCKETS' else 'QDIO'
	}
}
