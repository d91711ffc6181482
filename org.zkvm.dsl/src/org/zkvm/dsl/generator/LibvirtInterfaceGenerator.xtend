package org.zkvm.dsl.generator

import org.zkvm.dsl.analysis.GuestNicIdentity
import org.zkvm.dsl.topology.Hosts
import org.zkvm.dsl.zknet.Nic

/**
 * The libvirt &lt;interface&gt; of a guest NIC (facts §5.6): on an OVS bridge with the openvswitch
 * virtualport, virtio and &lt;mtu&gt; (and &lt;vlan&gt;&lt;tag&gt; for an access port of a VLAN); on MacVTap as type='direct' in bridge mode, without &lt;mtu&gt;,
 * which libvirt rejects there (the guest sets its MTU itself). Each has the NIC's MAC and its
 * virtio-ccw device number (GuestNicIdentity), by which the guest's files find it.
 */
class LibvirtInterfaceGenerator {

	def String generate(Nic nic, String source) '''
		<!-- «xml(Header.line('NIC ' + nic.name + ' of guest ' + Hosts.path(nic.eContainer), source))»
		     Add it to the guest's domain with virsh attach-device (persistent: its config option) or virsh edit.
		     Inside the guest the NIC is enc«Integer.toHexString(GuestNicIdentity.FIRST_DEVNO + Hosts.nicPosition(nic))» until its files name it «xml(nic.name)» by its MAC. -->
		«IF nic.uplink !== null»
			<interface type='direct'>
			  <mac address='«Hosts.mac(nic)»'/>
			  <source dev='«xml(nic.uplink.name)»' mode='bridge'/>
			  <model type='virtio'/>
			  «address(nic)»
			</interface>
		«ELSE»
			<interface type='bridge'>
			  <mac address='«Hosts.mac(nic)»'/>
			  <source bridge='«xml(nic.bridge.name)»'/>
			  «IF nic.vlan != 0»
			  	<vlan>
			  	  <tag id='«nic.vlan»'/>
			  	</vlan>
			  «ENDIF»
			  <virtualport type='openvswitch'/>
			  <model type='virtio'/>
			  <mtu size='«Hosts.mtu(nic)»'/>
			  «address(nic)»
			</interface>
		«ENDIF»
	'''

	/** The virtio-ccw address: the guest's kernel names the NIC enc<devno> (enc100 for 0x0100). */
	def private address(Nic nic) '''<address type='ccw' cssid='0xfe' ssid='0x0' devno='«GuestNicIdentity.devno(Hosts.nicPosition(nic))»'/>'''

	def static String xml(String text) {
		text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace("'", '&apos;').replace('"', '&quot;').replace('--', '&#45;&#45;')
	}
}
