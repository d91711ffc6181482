package org.zkvm.dsl.generator

import java.util.Map
import org.zkvm.dsl.generator.NetworkPlan.Kind
import org.zkvm.dsl.generator.NetworkPlan.Link

/**
 * Ubuntu netplan YAML for /etc/netplan/90-zknet.yaml (facts §5.4): qeth devices and guest NICs as
 * ethernets, bonds (a Linux bond's parameters; an Open vSwitch bond with the openvswitch mapping) and
 * VLANs as netplan names them, Open vSwitch bridges as bridges with the openvswitch mapping (netplan
 * 0.100 and later).
 * netplan has no object for an internal port with a name of its own: setup.sh creates it, Open
 * vSwitch keeps it, and it appears here as an ethernet that networkd configures when it shows up.
 * Every name and address is single-quoted, so no value can change the YAML's structure. Written
 * line by line with explicit indentation, because YAML's structure is its indentation.
 */
class NetplanGenerator implements DistributionFiles {

	override Map<String, String> files(NetworkPlan plan, String source) {
		#{'netplan/90-zknet.yaml' -> generate(plan, source)}
	}

	def String generate(NetworkPlan plan, String source) {
		val out = new StringBuilder
		out.append('# ').append(Header.line('network of ' + plan.machine, source)).append('\n')
		out.append("# Install as /etc/netplan/90-zknet.yaml (mode 600), then run 'netplan apply'.\n")
		out.append("# Precedence: netplan reads /etc/netplan/*.yaml in lexical order; this file comes after the installer's\n")
		out.append("# (00-installer-config.yaml, 50-cloud-init.yaml) and overrides their scalars (mtu, renderer), but lists\n")
		out.append("# (addresses, routes) are appended across files: 'setup.sh --check' names other files that configure\n")
		out.append("# these interfaces, so that their addresses and routes can be removed there.\n")
		out.append('network:\n  version: 2\n  renderer: networkd\n')
		val ethernets = plan.links.filter[kind != Kind.BOND && kind != Kind.VLAN && (kind != Kind.OVS_BRIDGE || port != name)].toList
		if (!ethernets.empty) {
			out.append('  ethernets:\n')
			for (link : ethernets) {
				if (!link.hasMtu && link.addresses.empty && !link.ipv6.any && plan.routesVia(link).empty && link.mac === null) {
					out.append('    ').append(yaml(link.port)).append(': {}  # ').append(link.description).append('\n')
				} else {
					out.append('    ').append(yaml(link.port)).append(':\n')
					if (link.kind == Kind.OVS_BRIDGE) {
						out.append('      # internal port of Open vSwitch bridge ').append(link.name).append(', created by setup.sh\n')
					} else {
						out.append('      # ').append(link.description).append('\n')
					}
					settings(out, plan, link)
				}
			}
		}
		val bonds = plan.links.filter[kind == Kind.BOND].toList
		val ovsBonds = plan.links.filter[kind == Kind.OVS_BRIDGE && bond !== null].toList
		if (!bonds.empty || !ovsBonds.empty) {
			out.append('  bonds:\n')
			for (link : bonds) {
				out.append('    ').append(yaml(link.name)).append(':\n')
				out.append('      # ').append(link.description).append('\n')
				out.append('      interfaces: [').append(link.bond.members.map[yaml(it)].join(', ')).append(']\n')
				out.append('      parameters:\n')
				out.append('        mode: ').append(yaml(link.bond.option('mode'))).append('\n')
				out.append('        mii-monitor-interval: ').append(link.bond.option('miimon')).append('\n')
				if (link.bond.option('fail_over_mac') !== null) {
					out.append('        fail-over-mac-policy: ').append(yaml(link.bond.option('fail_over_mac'))).append('\n')
				}
				if (link.bond.option('primary') !== null) {
					out.append('        primary: ').append(yaml(link.bond.option('primary'))).append('\n')
				}
				settings(out, plan, link)
			}
			for (link : ovsBonds) {
				out.append('    ').append(yaml(link.bond.port)).append(':\n')
				out.append('      # Open vSwitch bond of bridge ').append(link.name).append('\n')
				out.append('      interfaces: [').append(link.bond.members.map[yaml(it)].join(', ')).append(']\n')
				out.append('      openvswitch: {}\n')
				out.append('      parameters:\n')
				out.append('        mode: ').append(yaml(link.bond.option('bond_mode'))).append('\n')
			}
		}
		val vlans = plan.links.filter[kind == Kind.VLAN].toList
		if (!vlans.empty) {
			out.append('  vlans:\n')
			for (link : vlans) {
				out.append('    ').append(yaml(link.name)).append(':\n')
				out.append('      # ').append(link.description).append('\n')
				out.append('      id: ').append(link.vlan.id).append('\n')
				out.append('      link: ').append(yaml(link.vlan.parent)).append('\n')
				settings(out, plan, link)
			}
		}
		val bridges = plan.links.filter[kind == Kind.OVS_BRIDGE].toList
		if (!bridges.empty) {
			out.append('  bridges:\n')
			for (link : bridges) {
				out.append('    ').append(yaml(link.name)).append(':\n')
				out.append('      # ').append(link.description).append('\n')
				out.append('      interfaces: [').append(if (link.uplink !== null) yaml(link.uplink) else if (link.bond !== null) yaml(link.bond.port) else '').append(']\n')
				out.append('      openvswitch: {}\n')
				if (link.port == link.name) {
					settings(out, plan, link)
				}
			}
		}
		out.toString
	}

	def private settings(StringBuilder out, NetworkPlan plan, Link link) {
		if (link.mac !== null) {
			// a virtio-ccw NIC is enc<devno> to the kernel: found by its MAC and given the model's name
			out.append('      match:\n        macaddress: ').append(yaml(link.mac)).append('\n')
			out.append('      set-name: ').append(yaml(link.name)).append('\n')
		}
		if (link.hasMtu) {
			out.append('      mtu: ').append(link.mtu).append('\n')
		}
		if (!link.addresses.empty || !link.ipv6.addresses.empty) {
			out.append('      addresses: [').append((link.addresses + link.ipv6.addresses).map[yaml(toString)].join(', ')).append(']\n')
		}
		if (link.ipv6.slaac) {
			// networkd takes router advertisements itself (IPv6AcceptRA=yes), even where the host forwards IPv6 (docs/ipv6.md)
			out.append('      accept-ra: true\n')
		}
		val routes = plan.routesVia(link)
		if (!routes.empty) {
			out.append('      routes:\n')
			for (r : routes) {
				out.append('        - to: ').append(yaml(r.destination)).append('\n')
				if (r.gateway.present) {
					out.append('          via: ').append(yaml(r.gateway.get.toString)).append('\n')
				} else {
					out.append('          scope: link\n')
				}
				if (r.metric != 0) {
					out.append('          metric: ').append(r.metric).append('\n')
				}
			}
		}
	}

	def static String yaml(String text) {
		"'" + text.replace("'", "''") + "'"
	}
}
