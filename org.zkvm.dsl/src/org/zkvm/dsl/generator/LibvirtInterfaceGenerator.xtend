package org.zkvm.dsl.generator

import org.zkvm.dsl.topology.Hosts
import org.zkvm.dsl.zknet.Nic

/**
 * The libvirt &lt;interface&gt; of a guest NIC (facts §5.6): on an OVS bridge with the openvswitch
 * virtualport, virtio and &lt;mtu&gt;; on MacVTap as type='direct' in bridge mode, without &lt;mtu&gt;,
 * which libvirt rejects there (the guest sets its MTU itself).
 */
class LibvirtInterfaceGenerator {

	def String generate(Nic nic, String source) '''
		<!-- zknet: NIC «xml(nic.name)» of guest «xml(Hosts.path(nic.eContainer))», generated from «xml(source)». Do not edit: change the model.
		     Add it to the guest's domain with virsh attach-device (persistent: its config option) or virsh edit. -->
		«IF nic.uplink !== null»
			<interface type='direct'>
			  <source dev='«xml(nic.uplink.name)»' mode='bridge'/>
			  <model type='virtio'/>
			</interface>
		«ELSE»
			<interface type='bridge'>
			  <source bridge='«xml(nic.bridge.name)»'/>
			  <virtualport type='openvswitch'/>
			  <model type='virtio'/>
			  <mtu size='«Hosts.mtu(nic)»'/>
			</interface>
		«ENDIF»
	'''

	def static String xml(String text) {
		text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace("'", '&apos;').replace('"', '&quot;').replace('--', '&#45;&#45;')
	}
}
