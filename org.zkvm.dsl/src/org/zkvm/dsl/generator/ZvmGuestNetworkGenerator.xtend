package org.zkvm.dsl.generator

import java.util.Locale
import org.zkvm.dsl.analysis.PointToPointRates
import org.zkvm.dsl.analysis.PointToPointRates.Driver
import org.zkvm.dsl.topology.ZvmLinks
import org.zkvm.dsl.zknet.ZvmGuest

import static org.zkvm.dsl.generator.Shell.*

/**
 * A z/VM guest's network inside the Linux guest, declared for the same safe apply as the hosts'
 * setup.sh (zknet-apply.sh): its NICs on VSWITCHes and guest LANs (qeth through chzdev), its virtual CTCs through chzdev (ctcm: read and write subchannel,
 * protocol 1 for a Linux peer, buffer = MTU + 8, facts §6.2), its netiucv connections (facts §6.1),
 * each named after its link, with the guest's address and a route to the partner's on the link.
 */
class ZvmGuestNetworkGenerator {

	def String generate(ZvmGuest guest, NetworkPlan plan, String source) '''
		#!/bin/bash
		# «Header.line('network of z/VM guest ' + plan.machine, source, 'zvm ' + plan.scope)»
		# Run as root inside «plan.machine», once its directory entry has the statements of
		# DIRECTORY-NETWORK.txt (two folders up): --check, --try [SECS], --confirm, --verify and
		# --teardown as for a host's setup.sh. Running it again on a guest that is as planned changes nothing.
		set -euo pipefail
		# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
		. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/«ApplyLibrary.FILE»"

		zknet_host «quote(plan.machine)»
		«IF plan.links.exists[kind == NetworkPlan.Kind.QETH]»
			# NICs on z/VM's LANs (NICDEF): each a qeth device of three virtual devices, layer 2 on an ETHERNET
			# VSWITCH or guest LAN; chzdev -e keeps it at boot, udev/70-zknet.rules names it
			«FOR link : plan.links.filter[kind == NetworkPlan.Kind.QETH]»
				zknet_qeth «link.subchannels.split(',').head» «link.subchannels.replace(',', ':')» «quote(link.name)» «link.s390Options.join(' ')»
			«ENDFOR»
		«ENDIF»
		«IF ZvmLinks.sides(guest).exists[ctc]»
			# virtual CTCs (ctcm): read:write subchannels, protocol 1 (a Linux peer), buffer = MTU + 8; chzdev -e
			# keeps them at boot, udev/70-zknet.rules names them
			«FOR side : ZvmLinks.sides(guest).filter[ctc]»
				zknet_ctc «ZvmLinks.busId(side.readDevice)» «ZvmLinks.busId(side.readDevice)»:«ZvmLinks.busId(side.writeDevice)» «quote(side.link.name)» protocol=1 buffer=«side.link.mtu + 8»
			«ENDFOR»
		«ENDIF»
		«IF ZvmLinks.sides(guest).exists[!ctc]»
			# netiucv connections to PEER.DATA, the link's name as IUCV user data so that several links to one
			# peer stay apart (netiucv.c). netiucv is gone from Linux 6.17 (facts §6.1); no distribution
			# recreates a connection at boot: run this script at boot on the kernels that still have it
			«FOR side : ZvmLinks.sides(guest).filter[!ctc]»
				zknet_iucv «ZvmLinks.iucvConnection(side)» «quote(side.link.name)» «side.link.mtu»
			«ENDFOR»
		«ENDIF»
		«FOR link : plan.links»
			# «IF link.kind == NetworkPlan.Kind.QETH»«link.name»: «link.description»«ELSE»«rate(link)»«ENDIF»
			zknet_link «quote(link.name)» «link.mtu» -
			«FOR a : link.allAddresses»
				zknet_addr «quote(link.name)» «a»
			«ENDFOR»
		«ENDFOR»
		«FOR r : plan.routes»
			zknet_route «r.ipArguments»
		«ENDFOR»

		zknet_main "$@"
	'''

	/** The link's expected rate beside it (seed 003, PointToPointRates; the report has the CPU cost). */
	def private rate(NetworkPlan.Link link) {
		val e = PointToPointRates.estimate(if (link.kind == NetworkPlan.Kind.CTC) Driver.CTC else Driver.IUCV, link.mtu)
		val how = if (e.measured) 'measured' else if (e.extrapolated) 'the nearest measurement' else 'interpolated'
		link.name + ': ' + link.description + ', ' + String.format(Locale.ROOT, '%.2f', e.mbps) + ' MB/s at MTU ' + link.mtu + ' (' + how
			+ ', seed 003 on a 9672-XZ7 with Linux 2.2.16)'
	}
}
