package org.zkvm.dsl.generator

import org.zkvm.dsl.topology.Hosts
import org.zkvm.dsl.topology.ReversePathFilter
import org.zkvm.dsl.zknet.Distribution
import org.zkvm.dsl.zknet.Lpar
import org.zkvm.dsl.zknet.Management
import org.zkvm.dsl.zknet.Nat

import static org.zkvm.dsl.generator.HostFacts.*
import static org.zkvm.dsl.generator.Shell.*

/**
 * setup.sh of a KVM host or Linux LPAR: the host's plan, declared for the safe apply of
 * zknet-apply.sh (check, checkpoint, apply in a safe order, verify, roll back), which brings the
 * host to the modelled state and changes nothing when run again (seed 002, "Host Setup" charts;
 * facts §1-§5).
 */
class SetupScriptGenerator {

	def String generate(Lpar lpar, String source) '''
		#!/bin/bash
		# zknet: setup of «lpar.name», generated from «source» (lpar «Hosts.path(lpar)»). Do not edit: change the model.
		# Run as root on «lpar.name»; see first what it would do:
		#   ./setup.sh --check       what would change, and what it refuses (it changes nothing)
		#   ./setup.sh               check, checkpoint, apply in a safe order, verify; any failure rolls back
		#   ./setup.sh --try [SECS]  the same, rolled back after SECS (120) unless './setup.sh --confirm' runs
		#   ./setup.sh --verify      the live host against this plan, one line per difference
		#   ./teardown.sh            the host as it was before the first setup (its checkpoint)
		# Running it again on a host that is as planned changes nothing.
		set -euo pipefail
		# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
		. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/«ApplyLibrary.FILE»"

		zknet_host «quote(lpar.name)»
		«FOR m : Hosts.members(lpar, Management)»
			# the admin's way in: no step may take it down, rename it, re-address it or enslave it
			zknet_management «quote(m.iface)» «m.address ?: '-'» «m.gateway ?: '-'»
		«ENDFOR»
		«IF !qeth(lpar).empty»

			# qeth devices: read bus-ID, read:write:data, the model's name, layer and VNIC characteristics
			# (facts §1.2, §1.3); a live interface keeps its name until the next boot (udev/70-zknet.rules)
			«FOR q : qeth(lpar)»
				zknet_qeth «quote(readDevice(q))» «quote(triplet(q))» «quote(q.name)» «chzdevAttributes(q).map[quote(it)].join(' ')»
			«ENDFOR»
			«FOR q : qeth(lpar)»
				zknet_link «quote(q.name)» «IF q.mtu != 0»«q.mtu»«ELSE»-«ENDIF» -
				«FOR a : addresses(q)»
					zknet_addr «quote(q.name)» «a»
				«ENDFOR»
			«ENDFOR»
		«ENDIF»
		«FOR b : bridges(lpar)»

			# Open vSwitch bridge «b.name» («IF b.routed»routed: the host routes for its guests«ELSE»attached to «b.uplink.name»«ENDIF»): bridge, internal port, MTU (mtu_request, facts §5.5), txqueuelen
			zknet_bridge «quote(b.name)» «quote(port(b))» «IF b.mtu != 0»«b.mtu»«ELSE»-«ENDIF» «IF b.txqueuelen != 0»«b.txqueuelen»«ELSE»-«ENDIF»
			«FOR a : addresses(b)»
				zknet_addr «quote(port(b))» «a»
			«ENDFOR»
			«IF !b.routed && b.uplink !== null»
				# the uplink's addresses and routes move to «port(b)» in the same step as it joins the bridge
				zknet_uplink «quote(b.name)» «quote(b.uplink.name)» «quote(port(b))»
			«ENDIF»
			«IF lpar.distro == Distribution.RHEL»
				# rows of these names that exist already become NetworkManager's: its profile reuses a row only with its UUID (nm-ovsdb.c);
				# setup makes no row itself (docs/outputs.md, "One owner on RHEL")
				zknet_nm_row bridge «quote(b.name)» «NetworkManagerIds.uuid(NetworkManagerIds.path(lpar), b.name)»
				zknet_nm_row port «quote(port(b))» «NetworkManagerIds.uuid(NetworkManagerIds.path(lpar), 'ovs-port-' + port(b))»
				zknet_nm_row interface «quote(port(b))» «NetworkManagerIds.uuid(NetworkManagerIds.path(lpar), 'ovs-if-' + port(b))»
				«IF !b.routed && b.uplink !== null»
					zknet_nm_row port «quote(b.uplink.name)» «NetworkManagerIds.uuid(NetworkManagerIds.path(lpar), 'ovs-port-' + b.uplink.name)»
					zknet_nm_row interface «quote(b.uplink.name)» «NetworkManagerIds.uuid(NetworkManagerIds.path(lpar), b.uplink.name)»
				«ENDIF»
			«ENDIF»
		«ENDFOR»
		«IF lpar.distro == Distribution.RHEL»

			# NetworkManager applies all of the above from the profiles it boots with (facts §5.3): setup installs them
			# in /etc/NetworkManager/system-connections, loads them and activates them in this order ('up'); the others
			# come up with them (docs/outputs.md, "One owner on RHEL")
			«FOR p : NetworkManagerIds.profiles(NetworkPlan.of(lpar))»
				zknet_nm_profile «quote('networkmanager/' + p.file)» «p.uuid» «IF p.activated»up«ELSE»-«ENDIF»
			«ENDFOR»
		«ENDIF»
		«firewall(lpar)»
		«IF Hosts.forwardsGlobally(lpar) || !interfaceSettings(lpar).empty»

			# forwarding, proxy_arp and rp_filter per interface (facts §4.1), applied after the filters
			«IF ReversePathFilter.lowersAll(lpar)»
				zknet_sysctl net.ipv4.conf.all.rp_filter 0
			«ENDIF»
			«IF Hosts.forwardsGlobally(lpar)»
				zknet_sysctl net.ipv4.ip_forward 1
			«ENDIF»
			«FOR s : interfaceSettings(lpar)»
				zknet_sysctl «quote(s.iface())» «s.parameter()» «s.value()»
			«ENDFOR»
		«ENDIF»
		«IF !routes(lpar).empty»

			# routes («IF routes(lpar).exists[defaultRoute]»the model's default route replaces the host's«ELSE»the host's default route stays«ENDIF»)
			«FOR r : routes(lpar)»
				zknet_route «routeSpec(r)»
			«ENDFOR»
		«ENDIF»

		zknet_main "$@"
	'''

	def private firewall(Lpar lpar) {
		if (arpFilter(lpar) === null && forwardFilter(lpar) === null && Hosts.members(lpar, Nat).empty) {
			return ''
		}
		if (legacyFirewall(lpar)) '''

			# ARP filter and forward filter with arptables/iptables (seed 002) for the model's interfaces
			# only, loaded before forwarding and proxy_arp come on; at boot too, by a unit ordered before
			# network-pre.target and systemd-sysctl
			zknet_legacy_firewall «LegacyFirewallGenerator.FILE»
			zknet_boot_unit systemd/«BootFiltersUnitGenerator.UNIT» «LegacyFirewallGenerator.FILE» «BootFiltersUnitGenerator.LEGACY_SCRIPT»
		''' else '''

			# ARP filter, forward filter and NAT as one native nftables ruleset for the model's interfaces
			# only (facts §4.4), loaded before forwarding and proxy_arp come on; at boot too, by a unit
			# ordered before network-pre.target and systemd-sysctl
			zknet_nftables nftables/zknet.nft
			zknet_boot_unit systemd/«BootFiltersUnitGenerator.UNIT» nftables/zknet.nft «BootFiltersUnitGenerator.RULESET»
		'''
	}
}
