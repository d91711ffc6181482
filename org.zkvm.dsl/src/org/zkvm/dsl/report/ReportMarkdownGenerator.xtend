package org.zkvm.dsl.report

import org.zkvm.dsl.analysis.IsfcCapacity
import org.zkvm.dsl.analysis.PointToPointRates

import static org.zkvm.dsl.report.ReportText.*

/** The report as Markdown: the same content as the HTML page, tables instead of charts. */
class ReportMarkdownGenerator {

	def String generate(CapacityReport report) '''
		# zknet capacity and connection report

		Generated from «report.sources.join(', ')». Every figure marked *estimate* is computed by the rule named beside it; measured figures name the seed run they come from.

		## ISFC logical links
		«IF report.isfcLinks.empty»

			The model has no ISFC logical links.
		«ENDIF»
		«FOR link : report.isfcLinks»

			### «link.name» («link.cluster», «link.source»)

			- Ordering system: **«link.whole.fromOrdering.from»** scans its devices lowest to highest; **«link.whole.fromOther.from»** scans highest to lowest (seed 004; the system first in the alphabet orders the link).
			- «ctcs(link.whole.ctcs)»; each side streams on «usedText(link.whole)» (stop short: 1 device for 2-8 CTCs, 2 for 9-16; facts §3.3).
			- «direction(link.whole.fromOrdering)»
			- «direction(link.whole.fromOther)»
			«IF link.measured !== null»
				- Measured on this configuration: **«mbps(link.measured.isfcTransportMBps)» MB/s** ISFC Transport and **«mbps(link.measured.appcVmMBps)» MB/s** APPC/VM («link.measured.source»).
			«ENDIF»

			Estimate by CTC count, adding CTCs in «link.whole.fromOrdering.from»'s device order (87.5 MB/s per Gb/s of chpid speed, prorated used/4; *estimate*):

			| CTCs | used in streaming | distribution | one way from «link.whole.fromOrdering.from» (MB/s) | one way from «link.whole.fromOther.from» (MB/s) |
			|---|---|---|---|---|
			«FOR step : link.byCtcCount»
				| «step.ctcs» | «usedText(step)» | «distribution(step.fromOrdering)» | «mbps(step.fromOrdering.mbps)»«IF step.fromOrdering.sharedSingleCtc» (seed's measured figure for one shared CTC)«ENDIF» | «mbps(step.fromOther.mbps)» |
			«ENDFOR»
		«ENDFOR»

		## IUCV and CTC links
		«IF report.pointToPointLinks.empty»

			The model has no IUCV or CTC links.
		«ELSE»

			Expected rates from seed 003's tables (*estimate*), measured on «PointToPointRates.MEASURED_ON». Values between the measured MTUs 1500, 9000 and 32764 are interpolated linearly; outside them the nearest measurement is used and marked as extrapolated. The fraction compares MB per CPU-second with CMS/IUCV at the same transfer size (seed 003 Table 4).

			| link | kind | ends | MTU | MB/s | MB/CPU-sec | CP CPU-sec/MB | virtual CPU-sec/MB | CMS/IUCV MB/s | fraction of CMS/IUCV | basis |
			|---|---|---|---|---|---|---|---|---|---|---|
			«FOR l : report.pointToPointLinks»
				| «l.name» | «l.kind» | «l.left» - «l.right» | «l.mtu» | «rate(l.estimate.mbps)» | «rate(l.estimate.mbPerCpuSecond)» | «cpu(l.estimate.cpCpuPerMb)» | «cpu(l.estimate.virtualCpuPerMb)» | «cmsRate(l.estimate.cmsIucvMbps)» | «fraction(l.estimate.fractionOfCmsIucv)» | «basis(l.estimate)» |
			«ENDFOR»
		«ENDIF»

		## Connection advice
		«IF report.advice.empty»

			The model declares no workloads.
		«ENDIF»
		«FOR a : report.advice»

			### «a.workload»: «a.description»

			From «a.from» to «a.to» («a.source»). Best first:

			«FOR r : a.ranking»
				«a.ranking.indexOf(r) + 1». **«r.connection.label»**: «r.reason». *Finding:* «r.finding».
			«ENDFOR»
		«ENDFOR»
		«IF !report.advice.empty»

			Streaming reads perform better than streaming writes (seed 000, finding 4).
		«ENDIF»

		## Paths and MTUs
		«IF report.paths.empty»

			No workload has a guest at either end.
		«ENDIF»
		«FOR p : report.paths»

			### «p.workload»: «p.path.from» to «p.path.to» (path MTU «p.path.pathMtu»)

			| hop | MTU | what happens |
			|---|---|---|
			«FOR hop : p.path.hops»
				| «hop.element» | «hop.mtu» | «IF hop.event.name == 'CUT_OFF'»**cut off**: «ELSEIF hop.event.name == 'FRAGMENTS'»**fragments**: «ENDIF»«hop.note» |
			«ENDFOR»
		«ENDFOR»

		## Bonds and failover
		«IF report.bonds.empty»

			No host has a bond.
		«ELSE»

			| host | bond | mode | members (chpid, OSA feature) | carries traffic | when its chpid fails |
			|---|---|---|---|---|---|
			«FOR b : report.bonds»
				| «b.host» | «b.name» | «b.mode» | «FOR m : b.members SEPARATOR ', '»«m.name» («m.chpid»«IF m.feature !== null», «m.feature»«ENDIF»)«ENDFOR» | «b.active» | «IF !b.redundant»**no redundancy**: «ENDIF»«b.failover» |
			«ENDFOR»
		«ENDIF»

		## IPv6: where hosts route into a smaller MTU
		«IF report.ipv6Steps.empty»

			No host routes IPv6 from a wider into a narrower MTU.
		«ELSE»

			IPv6 routers never fragment: a packet larger than the next link is dropped and its sender gets "packet too big" (docs/ipv6.md).

			| host | from (MTU) | to (MTU) | what happens |
			|---|---|---|---|
			«FOR s : report.ipv6Steps»
				| «s.host» | «s.from» («s.fromMtu») | «s.to» («s.toMtu») | «s.note» |
			«ENDFOR»
		«ENDIF»
	'''

	def private direction(IsfcCapacity.Direction d) '''**«d.from» to «d.to»**: «mbps(d.mbps)» MB/s one way (*estimate*) on «distribution(d)»'''
}
