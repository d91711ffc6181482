package org.zkvm.dsl.generator

/**
 * systemd/zknet-filters.service: loads the host's filters (the nftables ruleset, or with 'firewall
 * legacy' the arptables/iptables commands) at boot before anything can
 * bring an interface up or switch forwarding on. network-pre.target is the point "before any
 * network interface is configured" (systemd.special(7)), which a unit reaches with
 * Before= and Wants=, as the distributions' own nftables.service does; ordering it before
 * systemd-sysctl.service and udev's coldplug as well means the sysctl.d keys (forwarding,
 * proxy_arp) are written after the filters are in place. setup.sh installs the ruleset as
 * /etc/zknet/zknet.nft (or the commands as /etc/zknet/zknet-legacy-filters.sh) and enables the
 * unit (sysinit.target.wants).
 */
class BootFiltersUnitGenerator {

	public static val UNIT = 'zknet-filters.service'
	public static val RULESET = '/etc/zknet/zknet.nft'
	/** The legacy firewall's commands (firewall legacy), installed by setup.sh for the unit to run. */
	public static val LEGACY_SCRIPT = '/etc/zknet/zknet-legacy-filters.sh'

	def String generate(HostPlan plan, String source) '''
		# «Header.line('boot filters of ' + plan.name, source, plan.scope)»
		# setup.sh installs it in /etc/systemd/system and enables it; teardown.sh removes it.
		[Unit]
		Description=zknet filters of «plan.name» (ARP, forward, NAT), loaded before the network
		Documentation=«IF plan.filters.legacy»man:arptables(8) man:iptables(8)«ELSE»man:nft(8)«ENDIF»
		DefaultDependencies=no
		RequiresMountsFor=/etc/zknet
		Wants=network-pre.target
		Before=network-pre.target systemd-sysctl.service systemd-udev-trigger.service shutdown.target
		Conflicts=shutdown.target

		[Service]
		Type=oneshot
		RemainAfterExit=yes
		StandardInput=null
		«IF plan.filters.legacy»
			ExecStart=/bin/bash «LEGACY_SCRIPT»
		«ELSE»
			ExecStart=/usr/sbin/nft -f «RULESET»
		«ENDIF»

		[Install]
		WantedBy=sysinit.target
	'''
}
