package org.zkvm.dsl.generator

import java.util.ArrayList
import java.util.List
import java.util.Map
import java.util.TreeMap
import org.zkvm.dsl.zknet.Distribution

/**
 * Proxy NDP entries after a link comes up and after a reboot (docs/ipv6.md, "Proxy NDP"): the kernel
 * drops a device's entries when the device goes down and keeps none across a reboot, and neither
 * NetworkManager nor wicked has a setting for them. One script adds the host's entries again
 * (ip -6 neigh replace proxy, for one interface or all); NetworkManager runs it from its dispatcher
 * as each device comes up (RHEL), wicked from the interface's POST_UP_SCRIPT through a template unit
 * (SUSE); on Ubuntu systemd-networkd installs the entries itself (IPv6ProxyNDPAddress=) from a drop-in
 * beside netplan's file for the interface. setup.sh installs the files it lists (zknet_file).
 */
class ProxyNdpGenerator {

	public static val SCRIPT = 'proxy-ndp/zknet-proxy-ndp.sh'
	public static val UNIT = 'zknet-proxy-ndp@.service'

	/** The host's files for its proxy NDP entries: path in the output folder to content; none without entries. */
	def Map<String, String> files(HostPlan plan, String source) {
		val files = new TreeMap<String, String>
		if (plan.kernel.proxies.empty) {
			return files
		}
		files.put(SCRIPT, script(plan, source).toString)
		switch plan.distribution {
			case Distribution.RHEL: files.put('networkmanager-dispatcher/50-zknet-proxy-ndp', dispatcher(plan, source).toString)
			case Distribution.SUSE: files.put('systemd/' + UNIT, unit(plan, source).toString)
			case Distribution.UBUNTU: for (iface : interfaces(plan)) {
				files.put('networkd/' + dropInFolder(iface) + '/90-zknet-proxy-ndp.conf', dropIn(plan, iface, source).toString)
			}
		}
		files
	}

	/** Where setup.sh installs each file, with its mode: output path, installed path, mode. */
	def static List<HostPlan.InstalledFile> installed(HostPlan plan) {
		val result = new ArrayList<HostPlan.InstalledFile>
		if (plan.kernel.proxies.empty) {
			return result
		}
		result += new HostPlan.InstalledFile(SCRIPT, '/etc/zknet/zknet-proxy-ndp.sh', '0755')
		switch plan.distribution {
			case Distribution.RHEL: result += new HostPlan.InstalledFile('networkmanager-dispatcher/50-zknet-proxy-ndp', '/etc/NetworkManager/dispatcher.d/50-zknet-proxy-ndp', '0755')
			case Distribution.SUSE: result += new HostPlan.InstalledFile('systemd/' + UNIT, '/etc/systemd/system/' + UNIT, '0644')
			case Distribution.UBUNTU: for (iface : interfaces(plan)) {
				result += new HostPlan.InstalledFile('networkd/' + dropInFolder(iface) + '/90-zknet-proxy-ndp.conf',
					'/etc/systemd/network/' + dropInFolder(iface) + '/90-zknet-proxy-ndp.conf', '0644')
			}
		}
		result
	}

	/** netplan names the networkd file of an interface 10-netplan-ID.network; a drop-in folder beside it extends it. */
	def private static dropInFolder(String iface) {
		'10-netplan-' + Shell.fileName(iface) + '.network.d'
	}

	def private static interfaces(HostPlan plan) {
		plan.kernel.proxies.map[iface].toSet.toList.sort
	}

	def private script(HostPlan plan, String source) '''
		#!/bin/bash
		# «Header.line('proxy NDP entries of ' + plan.name, source, plan.scope)»
		# Adds the host's proxy NDP entries again, on INTERFACE only when one is given (ip -6 neigh replace
		# proxy): the kernel drops a device's entries when it goes down and keeps none across a reboot.
		# Installed as /etc/zknet/zknet-proxy-ndp.sh; run by «runBy(plan.distribution)».
		set -u
		only="${1:-}"
		zk_entry() {
			[ -z "$only" ] || [ "$only" = "$1" ] || return 0
			[ -e "/sys/class/net/$1" ] || return 0
			ip -6 neigh replace proxy "$2" dev "$1"
		}
		«FOR p : plan.kernel.proxies»
			zk_entry «Shell.quote(p.iface)» «p.address»
		«ENDFOR»
	'''

	def private runBy(Distribution distribution) {
		switch distribution {
			case Distribution.RHEL: "NetworkManager's dispatcher as each device comes up"
			case Distribution.SUSE: "wicked after each interface comes up (POST_UP_SCRIPT, unit " + UNIT + ")"
			default: "setup.sh; systemd-networkd adds the entries itself from its drop-ins"
		}
	}

	def private dispatcher(HostPlan plan, String source) '''
		#!/bin/sh
		# «Header.line('NetworkManager dispatcher script of ' + plan.name, source, plan.scope)»
		# NetworkManager runs it with the device and the action (NetworkManager-dispatcher(8)): as a device comes
		# up, its proxy NDP entries go back in. Installed as /etc/NetworkManager/dispatcher.d/50-zknet-proxy-ndp.
		[ "$2" = up ] || exit 0
		exec /bin/bash /etc/zknet/zknet-proxy-ndp.sh "$1"
	'''

	def private unit(HostPlan plan, String source) '''
		# «Header.line('proxy NDP entries of ' + plan.name + ' on one interface', source, plan.scope)»
		# wicked starts zknet-proxy-ndp@IFACE.service after IFACE comes up (ifcfg-IFACE: POST_UP_SCRIPT='systemd:...', ifcfg(5)).
		[Unit]
		Description=zknet: proxy NDP entries on %i (the kernel drops them with the link)

		[Service]
		Type=oneshot
		ExecStart=/bin/bash /etc/zknet/zknet-proxy-ndp.sh %i
	'''

	def private dropIn(HostPlan plan, String iface, String source) '''
		# «Header.line('proxy NDP entries of ' + plan.name + ' on ' + iface, source, plan.scope)»
		# A drop-in for netplan's networkd file of «iface» (systemd.network(5): IPv6ProxyNDPAddress=, which also
		# turns proxy_ndp on); networkd adds the entries each time it configures the interface.
		[Network]
		IPv6ProxyNDP=yes
		«FOR p : plan.kernel.proxies.filter[it.iface == iface]»
			IPv6ProxyNDPAddress=«p.address»
		«ENDFOR»
	'''
}
