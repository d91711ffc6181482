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
 * SYSTEM CONFIG is a file of fixed 80-column records; a statement continues on the next record
 * when a record ends with a comma. Records stay within columns 1-71 (the columns IOCP and
 * assembler-style decks read; CP's own limit is not narrower), so a 16-device ACTIVATE ISLINK is
 * continued.
 */
class IslinkGenerator {

	/** The widest record written: fixed 80-column records, kept within columns 1-71. */
	public static val RECORD = 71

	def String systemConfig(ZvmSystem system, String source) '''
		«FOR record : comment('/* ', ' */', Header.line('ISFC logical links of ' + system.name, source, 'zvm ' + (system.eContainer as ZvmCluster).name) + ' Devices are listed in the ordering system\'s scan order.')»
			«record»
		«ENDFOR»
		«FOR link : links(system)»
			«FOR record : comment('/* ', ' */', (if (link.name !== null) link.name + ': ' else '') + link.left.name + ' <-> ' + link.right.name + ', ' + IsfcLinks.layout(link).ctcs.size + ' CTCs, ordered by ' + IsfcLinks.layout(link).orderingSystem)»
				«record»
			«ENDFOR»
			«FOR record : records(system.name + ': ACTIVATE ISLINK', devices(IsfcLinks.layout(link), link.left == system) + #['NODE ' + partner(link, system).name])»
				«record»
			«ENDFOR»
		«ENDFOR»
	'''

	def String iocp(ZvmSystem system, String source) '''
		«FOR record : comment('* ', '', 'zknet: the FICON CTCs the ISFC links of ' + system.name + ' assume, generated from ' + source + '.')»
			«record»
		«ENDFOR»
		* Compare with the real IOCDS: FCTC control units on TYPE=FC chpids,
		* the same unit addresses at both ends, CUADD the MIF image ID of the
		* partner's partition (zknet facts 3.4; IBM IOCP User's Guide,
		* "Defining CTC control units"). Statements in IOCP syntax, as
		* comments: this listing is not an IOCP deck (it has no PCHIDs,
		* control unit numbers or CUADD values).
		*
		«FOR link : links(system)»
			«FOR group : link.ctcs»
				«val range = DeviceRange.parse(if (link.left == system) group.devices else group.remoteDevices)»
				*   CHPID PATH=(«IF link.left == system»«group.chpid?.name»«ELSE»«(group.remoteChpid ?: group.chpid)?.name»«ENDIF»),TYPE=FC
				*     CNTLUNIT UNIT=FCTC,UNITADD=((«String.format('%02X', range.first.bitwiseAnd(255))»,«range.count»))   CUADD: MIF ID of «partner(link, system).lpar?.name ?: partner(link, system).name»
				*     IODEVICE ADDRESS=(«DeviceRange.format(range.first)»,«range.count»),UNIT=FCTC   -> «partner(link, system).name»
			«ENDFOR»
		«ENDFOR»
	'''

	/** A statement as records of at most RECORD columns: each record but the last ends with a comma, which continues it. */
	def static records(String head, Iterable<String> words) {
		val result = <String>newArrayList
		var line = new StringBuilder(head)
		for (word : words) {
			if (line.length + 1 + word.length + 1 > RECORD) {
				result.add(line.append(',').toString)
				line = new StringBuilder('  ').append(word)
			} else {
				line.append(' ').append(word)
			}
		}
		result.add(line.toString)
		result
	}

	/** A comment as records of at most RECORD columns, broken between words. */
	def static comment(String open, String close, String text) {
		val result = <String>newArrayList
		var line = new StringBuilder
		for (word : text.split(' ')) {
			if (line.length > 0 && open.length + line.length + 1 + word.length + close.length > RECORD) {
				result.add(open + line + close)
				line = new StringBuilder
			}
			if (line.length > 0) line.append(' ')
			line.append(word)
		}
		result.add(open + line + close)
		result
	}

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
