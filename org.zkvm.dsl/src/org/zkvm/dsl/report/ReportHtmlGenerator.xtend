package org.zkvm.dsl.report

import org.zkvm.dsl.analysis.IsfcCapacity
import org.zkvm.dsl.analysis.PointToPointRates

import static org.zkvm.dsl.report.ReportText.*

/**
 * The report as one self-contained HTML page: inline CSS and SVG charts, no scripts, fonts or
 * images fetched from anywhere. Every model-derived text is escaped.
 */
class ReportHtmlGenerator {

	def String generate(CapacityReport report) '''
		<!DOCTYPE html>
		<html lang="en">
		<head>
		<meta charset="utf-8">
		<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
		<title>zknet capacity and connection report</title>
		<style>
		body { font-family: sans-serif; margin: 2em auto; max-width: 70em; color: #1d2733; line-height: 1.45; }
		h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #c6ccd2; padding-bottom: .2em; margin-top: 2em; }
		table { border-collapse: collapse; margin: .8em 0; } th, td { border: 1px solid #c6ccd2; padding: .3em .6em; text-align: left; }
		th { background: #eef1f4; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
		.estimate { color: #7a4b00; font-style: italic; } .measured { color: #1d5a1d; font-weight: bold; }
		.source { color: #5a6570; font-size: .9em; } svg text { font-family: sans-serif; font-size: 11px; }
		</style>
		</head>
		<body>
		<h1>zknet capacity and connection report</h1>
		<p class="source">Generated from «h(report.sources.join(', '))». Figures marked <span class="estimate">estimate</span> are computed by the rule named beside them; <span class="measured">measured</span> figures name the seed run they come from.</p>

		<h2>ISFC logical links</h2>
		«IF report.isfcLinks.empty»
			<p>The model has no ISFC logical links.</p>
		«ENDIF»
		«FOR link : report.isfcLinks»
			<h3>«h(link.name)» <span class="source">(«h(link.cluster)», «h(link.source)»)</span></h3>
			<ul>
			<li>Ordering system: <b>«h(link.whole.fromOrdering.from)»</b> scans its devices lowest to highest; <b>«h(link.whole.fromOther.from)»</b> scans highest to lowest (seed 004: the system first in the alphabet orders the link).</li>
			<li>«ctcs(link.whole.ctcs)»; each side streams on «usedText(link.whole)» (stop short: 1 device for 2-8 CTCs, 2 for 9-16; facts §3.3).</li>
			<li>«direction(link.whole.fromOrdering)»</li>
			<li>«direction(link.whole.fromOther)»</li>
			«IF link.measured !== null»
				<li><span class="measured">Measured</span> on this configuration: <span class="measured">«mbps(link.measured.isfcTransportMBps)» MB/s</span> ISFC Transport, <span class="measured">«mbps(link.measured.appcVmMBps)» MB/s</span> APPC/VM <span class="source">(«h(link.measured.source)»)</span>.</li>
			«ENDIF»
			</ul>
			«chart(link)»
			<table>
			<tr><th>CTCs</th><th>used in streaming</th><th>distribution</th><th>one way from «h(link.whole.fromOrdering.from)» (MB/s, <span class="estimate">estimate</span>)</th><th>one way from «h(link.whole.fromOther.from)» (MB/s, <span class="estimate">estimate</span>)</th></tr>
			«FOR step : link.byCtcCount»
				<tr><td class="n">«step.ctcs»</td><td>«usedText(step)»</td><td>«h(distribution(step.fromOrdering))»</td><td class="n">«mbps(step.fromOrdering.mbps)»«IF step.fromOrdering.sharedSingleCtc» <span class="source">(seed's measured figure for one shared CTC, scaled by link speed)</span>«ENDIF»</td><td class="n">«mbps(step.fromOther.mbps)»</td></tr>
			«ENDFOR»
			</table>
			<p class="source">Rule: 87.5 MB/s one way per Gb/s of chpid link speed (seed 004's table: FICON Express2 175, Express4 350 MB/s), prorated by the CTCs each chpid carries in streaming (used/4), summed over the chpids; CTCs added in «h(link.whole.fromOrdering.from)»'s device order.</p>
		«ENDFOR»

		<h2>IUCV and CTC links</h2>
		«IF report.pointToPointLinks.empty»
			<p>The model has no IUCV or CTC links.</p>
		«ELSE»
			<p>Expected rates from seed 003's tables (<span class="estimate">estimate</span>), measured on «h(PointToPointRates.MEASURED_ON)». Between the measured MTUs 1500, 9000 and 32764 the values are interpolated linearly; outside them the nearest measurement is used and marked as extrapolated. The fraction compares MB per CPU-second with CMS/IUCV at the same transfer size (seed 003, Table 4).</p>
			<table>
			<tr><th>link</th><th>kind</th><th>ends</th><th>MTU</th><th>MB/s</th><th>MB/CPU-sec</th><th>CP CPU-sec/MB</th><th>virtual CPU-sec/MB</th><th>CMS/IUCV MB/s</th><th>fraction of CMS/IUCV</th><th>basis</th></tr>
			«FOR l : report.pointToPointLinks»
				<tr><td>«h(l.name)»</td><td>«l.kind»</td><td>«h(l.left)» - «h(l.right)»</td><td class="n">«l.mtu»</td><td class="n">«rate(l.estimate.mbps)»</td><td class="n">«rate(l.estimate.mbPerCpuSecond)»</td><td class="n">«cpu(l.estimate.cpCpuPerMb)»</td><td class="n">«cpu(l.estimate.virtualCpuPerMb)»</td><td class="n">«cmsRate(l.estimate.cmsIucvMbps)»</td><td class="n">«fraction(l.estimate.fractionOfCmsIucv)»</td><td>«basis(l.estimate)»</td></tr>
			«ENDFOR»
			</table>
		«ENDIF»

		<h2>Connection advice</h2>
		«IF report.advice.empty»
			<p>The model declares no workloads.</p>
		«ENDIF»
		«FOR a : report.advice»
			<h3>«h(a.workload)»: «h(a.description)»</h3>
			<p>From «h(a.from)» to «h(a.to)» <span class="source">(«h(a.source)»)</span>. Best first:</p>
			<ol>
			«FOR r : a.ranking»
				<li><b>«h(r.connection.label)»</b>: «h(r.reason)». <span class="source">Finding: «h(r.finding)».</span></li>
			«ENDFOR»
			</ol>
		«ENDFOR»
		«IF !report.advice.empty»
			<p class="source">Streaming reads perform better than streaming writes (seed 000, finding 4).</p>
		«ENDIF»

		<h2>Paths and MTUs</h2>
		«IF report.paths.empty»
			<p>No workload has a guest at either end.</p>
		«ENDIF»
		«FOR p : report.paths»
			<h3>«h(p.workload)»: «h(p.path.from)» to «h(p.path.to)» <span class="source">(path MTU «p.path.pathMtu»; «h(p.source)»)</span></h3>
			<table>
			<tr><th>hop</th><th>MTU</th><th>what happens</th></tr>
			«FOR hop : p.path.hops»
				<tr><td>«h(hop.element)»</td><td class="n">«hop.mtu»</td><td>«IF hop.event.name == 'CUT_OFF'»<b>cut off</b>: «ELSEIF hop.event.name == 'FRAGMENTS'»<b>fragments</b>: «ENDIF»«h(hop.note)»</td></tr>
			«ENDFOR»
			</table>
		«ENDFOR»
		<h2>Bonds and failover</h2>
		«IF report.bonds.empty»
			<p>No host has a bond.</p>
		«ELSE»
			<table>
			<tr><th>host</th><th>bond</th><th>mode</th><th>members (chpid, OSA feature)</th><th>carries traffic</th><th>when its chpid fails</th></tr>
			«FOR b : report.bonds»
				<tr><td>«h(b.host)»</td><td>«h(b.name)» <span class="source">(«h(b.source)»)</span></td><td>«h(b.mode)»</td><td>«FOR m : b.members SEPARATOR ', '»«h(m.name)» («h(m.chpid)»«IF m.feature !== null», «h(m.feature)»«ENDIF»)«ENDFOR»</td><td>«h(b.active)»</td><td>«IF !b.redundant»<b>no redundancy</b>: «ENDIF»«h(b.failover)»</td></tr>
			«ENDFOR»
			</table>
		«ENDIF»
		<h2>IPv6: where hosts route into a smaller MTU</h2>
		«IF report.ipv6Steps.empty»
			<p>No host routes IPv6 from a wider into a narrower MTU.</p>
		«ELSE»
			<p>IPv6 routers never fragment: a packet larger than the next link is dropped and its sender gets "packet too big" (docs/ipv6.md).</p>
			<table>
			<tr><th>host</th><th>from (MTU)</th><th>to (MTU)</th><th>what happens</th></tr>
			«FOR s : report.ipv6Steps»
				<tr><td>«h(s.host)» <span class="source">(«h(s.source)»)</span></td><td>«h(s.from)» («s.fromMtu»)</td><td>«h(s.to)» («s.toMtu»)</td><td>«h(s.note)»</td></tr>
			«ENDFOR»
			</table>
		«ENDIF»
		</body>
		</html>
	'''

	def private direction(IsfcCapacity.Direction d) '''<b>«h(d.from)» to «h(d.to)»</b>: «mbps(d.mbps)» MB/s one way (<span class="estimate">estimate</span>) on «h(distribution(d))»'''

	/** Estimated one-way MB/s against CTC count, both directions, as bars. */
	def private chart(CapacityReport.IsfcLink link) {
		val steps = link.byCtcCount
		val max = Math.max(100.0, steps.map[Math.max(fromOrdering.mbps, fromOther.mbps)].reduce[a, b|Math.max(a, b)])
		val width = 60 + steps.size * 36
		val b = new StringBuilder
		b.append('''<svg xmlns="http://www.w3.org/2000/svg" width="«width + 150»" height="240" role="img" aria-label="estimated one-way capacity of «h(link.name)» by CTC count">''').append('\n')
		b.append('''<line x1="50" y1="200" x2="«width»" y2="200" stroke="#1d2733"/><line x1="50" y1="20" x2="50" y2="200" stroke="#1d2733"/>''').append('\n')
		for (tick : 0 ..< 5) {
			val value = max * tick / 4
			val y = 200 - 180 * tick / 4
			b.append('''<text x="45" y="«y + 4»" text-anchor="end">«mbps(value)»</text><line x1="50" y1="«y»" x2="«width»" y2="«y»" stroke="#e1e5e9"/>''').append('\n')
		}
		for (i : 0 ..< steps.size) {
			val step = steps.get(i)
			val x = 56 + i * 36
			val h1 = 180 * step.fromOrdering.mbps / max
			val h2 = 180 * step.fromOther.mbps / max
			b.append('''<rect x="«x»" y="«200 - h1»" width="14" height="«h1»" fill="#3b6ea8"><title>«step.ctcs» CTCs, from «h(step.fromOrdering.from)»: «mbps(step.fromOrdering.mbps)» MB/s (estimate)</title></rect>''')
			b.append('''<rect x="«x + 15»" y="«200 - h2»" width="14" height="«h2»" fill="#d08a2e"><title>«step.ctcs» CTCs, from «h(step.fromOther.from)»: «mbps(step.fromOther.mbps)» MB/s (estimate)</title></rect>''')
			b.append('''<text x="«x + 14»" y="214" text-anchor="middle">«step.ctcs»</text>''').append('\n')
		}
		if (link.measured !== null) {
			val y = 200 - 180 * Math.min(link.measured.isfcTransportMBps, max) / max
			b.append('''<line x1="50" y1="«y»" x2="«width»" y2="«y»" stroke="#1d5a1d" stroke-dasharray="4 3"/><text x="«width + 4»" y="«y + 4»" fill="#1d5a1d">measured «mbps(link.measured.isfcTransportMBps)» MB/s</text>''').append('\n')
		}
		b.append('''<text x="«(width + 50) / 2»" y="232" text-anchor="middle">CTCs (added in «h(link.whole.fromOrdering.from)»'s device order)</text>''')
		b.append('''<rect x="«width + 10»" y="30" width="10" height="10" fill="#3b6ea8"/><text x="«width + 24»" y="39">from «h(link.whole.fromOrdering.from)»</text>''')
		b.append('''<rect x="«width + 10»" y="48" width="10" height="10" fill="#d08a2e"/><text x="«width + 24»" y="57">from «h(link.whole.fromOther.from)»</text>''').append('\n')
		b.append('</svg>\n')
		b.toString
	}

	def static String h(String text) {
		String.valueOf(text).replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;').replace("'", '&#39;')
	}
}
