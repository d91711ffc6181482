package org.zkvm.dsl.generator

import static org.zkvm.dsl.generator.Shell.*

/**
 * setup.sh of a KVM host or Linux LPAR: the host's plan, declared for the safe apply of
 * zknet-apply.sh (check, checkpoint, apply in a safe order, verify, roll back), which brings the
 * host to the modelled state and changes nothing when run again (seed 002, "Host Setup" charts;
 * facts §1-§5).
 */
class SetupScriptGenerator {

	def String generate(HostPlan plan, String source) '''
		#!/bin/bash
		# «Header.line('setup of ' + plan.name, source, plan.scope)»
		# Run as root on «plan.name»; see first what it would do:
		#   ./setup.sh --check       what would change, and what it refuses (it changes nothing)
		#   ./setup.sh               check, checkpoint, apply in a safe order, verify; any failure rolls back
		#   ./setup.sh --try [SECS]  the same, rolled back after SECS (120) unless './setup.sh --confirm' runs
		#   ./setup.sh --verify      the live host against this plan, one line per difference
		#   ./teardown.sh            the host as it was before the first setup (its checkpoint)
		# Running it again on a host that is as planned changes nothing.
		set -euo pipefail
		# shellcheck source-path=SCRIPTDIR source=zknet-apply.sh
		. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/«ApplyLibrary.FILE»"

		zknet_host «quote(plan.name)»
		«FOR m : plan.management»
			# the admin's way in: no step may take it down, rename it, re-address it or enslave it
			zknet_management «quote(m.iface)» «m.address ?: '-'» «m.gateway ?: '-'»
		«ENDFOR»
		«IF !plan.qeth.empty»

			# qeth devices: read bus-ID, read:write:data, the model's name, layer and VNIC characteristics
			# (facts §1.2, §1.3); a live interface keeps its name until the next boot (udev/70-zknet.rules)
			«FOR q : plan.qeth»
				zknet_qeth «quote(q.readDevice)» «quote(q.triplet)» «quote(q.name)» «q.attributes.map[quote(it)].join(' ')»
			«ENDFOR»
			«FOR q : plan.qeth»
				zknet_link «quote(q.name)» «IF q.mtu != 0»«q.mtu»«ELSE»-«ENDIF» -
				«FOR a : q.addresses»
					zknet_addr «quote(q.name)» «a»
				«ENDFOR»
			«ENDFOR»
		«ENDIF»
		«val bonds = plan.network.links.filter[kind == NetworkPlan.Kind.BOND]»
		«val vlans = plan.network.links.filter[kind == NetworkPlan.Kind.VLAN]»
		«IF !bonds.empty || !vlans.empty»

			# bonds (mode and fail_over_mac set before the members join, each member down as it joins) and VLANs
			# (docs/vlans-and-bonds.md); a member carrying the admin's session is refused, not enslaved
			«FOR b : bonds»
				zknet_bond «quote(b.name)» «quote(b.bond.options.join(','))» «b.bond.members.map[quote(it)].join(' ')»
			«ENDFOR»
			«FOR v : vlans»
				zknet_vlan «quote(v.name)» «quote(v.vlan.parent)» «v.vlan.id»
			«ENDFOR»
			«FOR l : bonds + vlans»
				zknet_link «quote(l.name)» «IF l.hasMtu»«l.mtu»«ELSE»-«ENDIF» -
				«FOR a : l.allAddresses»
					zknet_addr «quote(l.name)» «a»
				«ENDFOR»
			«ENDFOR»
		«ENDIF»
		«FOR b : plan.bridges»

			# Open vSwitch bridge «b.name» («IF b.routed»routed: the host routes for its guests«ELSEIF b.bond !== null»attached to its Open vSwitch bond «b.bond.port»«ELSE»attached to «b.uplink»«ENDIF»): bridge, internal port, MTU (mtu_request, facts §5.5), txqueuelen
			zknet_bridge «quote(b.name)» «quote(b.port)» «IF b.mtu != 0»«b.mtu»«ELSE»-«ENDIF» «IF b.txqueuelen != 0»«b.txqueuelen»«ELSE»-«ENDIF»
			«FOR a : b.addresses»
				zknet_addr «quote(b.port)» «a»
			«ENDFOR»
			«IF b.uplink !== null»
				# the uplink's addresses and routes move to «b.port» in the same step as it joins the bridge
				zknet_uplink «quote(b.name)» «quote(b.uplink)» «quote(b.port)»
			«ENDIF»
			«IF b.bond !== null»
				# an Open vSwitch bond of «b.bond.members.join(', ')» is the bridge's way out («b.bond.options.join(' ')», docs/vlans-and-bonds.md)
				zknet_ovs_bond «quote(b.name)» «quote(b.bond.port)» «quote(b.bond.option('bond_mode'))» «b.bond.members.map[quote(it)].join(' ')»
			«ENDIF»
			«IF !b.trunks.empty && b.lanPort !== null»
				# the VLANs the bridge's port to the LAN carries (Open vSwitch's trunks; without them it carries every VLAN)
				zknet_ovs_trunks «quote(b.lanPort)» «b.trunks.join(',')»
			«ENDIF»
			«IF !b.rows.empty»
				# rows of these names that exist already become NetworkManager's: its profile reuses a row only with its UUID (nm-ovsdb.c);
				# setup makes no row itself (docs/outputs.md, "One owner on RHEL")
				«FOR row : b.rows»
					zknet_nm_row «row.table» «quote(row.name)» «row.uuid»
				«ENDFOR»
			«ENDIF»
		«ENDFOR»
		«IF !plan.networkManagerProfiles.empty»

			# NetworkManager applies all of the above from the profiles it boots with (facts §5.3): setup installs them
			# in /etc/NetworkManager/system-connections, loads them and activates them in this order ('up'); the others
			# come up with them (docs/outputs.md, "One owner on RHEL")
			«FOR p : plan.networkManagerProfiles»
				zknet_nm_profile «quote('networkmanager/' + p.file)» «p.uuid» «IF p.activated»up«ELSE»-«ENDIF»
			«ENDFOR»
		«ENDIF»
		«firewall(plan.filters)»
		«IF plan.kernel.any»

			# forwarding, proxy_arp and rp_filter per interface (facts §4.1), applied after the filters
			«IF plan.kernel.forwardsIpv6 || plan.kernel.settings.exists[ipv6] || !plan.kernel.proxies.empty»
				# IPv6: accept_ra before forwarding, proxy_ndp and the proxy NDP entries (docs/ipv6.md)
			«ENDIF»
			«IF plan.kernel.lowersAll»
				zknet_sysctl net.ipv4.conf.all.rp_filter 0
			«ENDIF»
			«IF plan.kernel.forwardsGlobally»
				zknet_sysctl net.ipv4.ip_forward 1
			«ENDIF»
			«FOR s : plan.kernel.settings»
				«IF s.ipv6»zknet_sysctl6«ELSE»zknet_sysctl«ENDIF» «quote(s.iface())» «s.parameter()» «s.value()»
			«ENDFOR»
			«IF plan.kernel.forwardsIpv6»
				# IPv6 forwards only with conf.all.forwarding (every interface a router)«IF !plan.filters.ipv6Forwarding.empty»; the filters above let it in on «plan.filters.ipv6Forwarding.join(', ')» only«ENDIF»
				zknet_ipv6_forwarding
			«ENDIF»
			«FOR p : plan.kernel.proxies»
				zknet_proxy_ndp «quote(p.iface)» «p.address»
			«ENDFOR»
			«IF !ProxyNdpGenerator.installed(plan).empty»
				# the entries again after a link comes up and after a reboot (the kernel drops them with the link; docs/ipv6.md)
				«FOR f : ProxyNdpGenerator.installed(plan)»
					zknet_file «f.file» «f.target» «f.mode»
				«ENDFOR»
			«ENDIF»
		«ENDIF»
		«IF !plan.network.routes.empty»

			# routes («IF plan.network.routes.exists[isDefault]»the model's default route replaces the host's«ELSE»the host's default route stays«ENDIF»)
			«FOR r : plan.network.routes»
				zknet_route «r.ipArguments»
			«ENDFOR»
		«ENDIF»

		zknet_main "$@"
	'''

	def private firewall(HostPlan.Filters filters) {
		if (!filters.any) {
			return ''
		}
		if (filters.legacy) '''

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
