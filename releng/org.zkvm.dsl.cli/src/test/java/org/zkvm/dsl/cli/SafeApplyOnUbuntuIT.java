package org.zkvm.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.zkvm.dsl.cli.ZknetProcess.ROOT;
import static org.zkvm.dsl.cli.ZknetProcess.zknet;

import java.nio.file.Files;
import java.nio.file.Path;

import org.zkvm.dsl.cli.ZknetProcess.Run;

/**
 * The safe apply where setup makes the links, addresses and the Open vSwitch bridge itself (ip and
 * ovs-vsctl), as on Ubuntu and SUSE: examples/distros with RH1's distribution changed to Ubuntu.
 */
class SafeApplyOnUbuntuIT extends SafeApplyCases {

	@Override
	void generate(Path out) throws Exception {
		Path model = dir.resolve("model/distros.zknet");
		Files.createDirectories(model.getParent());
		String shipped = Files.readString(ROOT.resolve("examples/distros/distros.zknet"));
		String ubuntu = shipped.replace("lpar RH1 id 1 kvm cpus 4 memory 16G distro rhel {", "lpar RH1 id 1 kvm cpus 4 memory 16G distro ubuntu {");
		assertFalse(ubuntu.equals(shipped), "RH1's line in examples/distros changed: change this test with it");
		Files.writeString(model, ubuntu);
		Run generate = zknet(ROOT, "generate", model.getParent().toString(), "-o", out.toString(), "-q");
		assertEquals(0, generate.exit(), generate.err());
		assertFalse(Files.readString(out.resolve("Z16B/RH1/setup.sh")).contains("zknet_nm_profile"), "no NetworkManager on Ubuntu");
	}

	@Override
	void assertApplied(Run apply) throws Exception {
		assertEquals("br0,netdev,\n", sh("ip netns exec $H ovs-vsctl --format=csv --data=bare --no-headings --columns=name,datapath_type,external_ids list bridge"),
				"setup keeps the admin's bridge as it was and adds its ports");
	}

	@Override
	String bridgeUndone() {
		return "zknet: RH1: removed port vnic0 from br0";
	}
}
