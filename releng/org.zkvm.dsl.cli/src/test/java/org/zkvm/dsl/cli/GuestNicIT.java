package org.zkvm.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.zkvm.dsl.cli.ZknetProcess.ROOT;
import static org.zkvm.dsl.cli.ZknetProcess.zknet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkvm.dsl.cli.ZknetProcess.Run;

/**
 * A guest's network.sh on a guest as the KVM host starts it: the virtio-ccw NIC is enc100 to the
 * guest's kernel, with the MAC of the generated interface XML; network.sh finds it by that MAC
 * and gives it the model's name (lan0), keeps the name of one that carries addresses, and says
 * what it lacks when no NIC has the MAC. A network namespace stands for examples/distros' guest
 * RH1.rh1a. As root (CI runs as root).
 */
class GuestNicIT {

	@TempDir
	Path dir;
	private String guest;
	private Path folder;
	private String mac;

	@BeforeEach
	void aGuestAsItBoots() throws Exception {
		assumeTrue(TestHosts.isRoot(), "the guest NIC tests need root: run the tests as root (CI does)");
		Run generate = zknet(ROOT, "generate", "examples/distros", "-o", dir.resolve("out").toString(), "-q");
		assertEquals(0, generate.exit(), generate.err());
		folder = dir.resolve("out/Z16B/RH1/guests/rh1a");
		Matcher nic = Pattern.compile("(?m)^zknet_nic (\\S+) lan0$").matcher(Files.readString(folder.resolve("network.sh")));
		assertTrue(nic.find(), "network.sh declares its NIC by MAC");
		mac = nic.group(1);
		assertTrue(Files.readString(folder.resolve("interface-lan0.xml")).contains("<mac address='" + mac + "'/>"), "the XML gives the NIC that MAC");
		guest = "zkguest-" + ProcessHandle.current().pid();
		sh("ip netns add " + guest + "; ip -n " + guest + " link set lo up");
	}

	@AfterEach
	void removeTheGuest() throws Exception {
		if (guest != null) {
			sh("ip netns del " + guest + " 2>/dev/null; true");
		}
	}

	@Test
	void theNicFoundByItsMacGetsTheModelsNameAndTeardownGivesItsOwnBack() throws Exception {
		sh("ip -n " + guest + " link add enc100 address " + mac + " type veth peer name peer0");
		Run check = network("--check");
		assertEquals(0, check.exit(), check.out() + check.err());
		assertTrue(check.out().contains("zknet: rh1a: change: rename enc100 to lan0 (found by its MAC)"), check.out());
		Run apply = network();
		assertEquals(0, apply.exit(), apply.out() + apply.err());
		assertTrue(apply.out().endsWith("zknet: rh1a: applied and verified\n"), apply.out());
		assertTrue(sh("ip -n " + guest + " -o link show lan0").contains("link/ether " + mac), "lan0 is the NIC with the model's MAC");
		assertTrue(sh("ip -n " + guest + " -o -4 addr show dev lan0").contains("10.20.1.11/16"));
		assertTrue(sh("ip -n " + guest + " -4 route show default").contains("default via 10.20.0.1 dev lan0"));
		Run again = network();
		assertEquals("zknet: rh1a: already as planned: nothing to change\n", again.out());
		Run teardown = network("--teardown");
		assertEquals(0, teardown.exit(), teardown.out() + teardown.err());
		assertTrue(teardown.out().contains("zknet: rh1a: renamed lan0 back to enc100"), teardown.out());
		assertTrue(sh("ip -n " + guest + " -o link show").contains(" enc100@"), "the NIC has its kernel name again");
	}

	@Test
	void aNicThatAlreadyCarriesAddressesKeepsItsNameUntilTheNextBoot() throws Exception {
		sh("ip -n " + guest + " link add enc100 address " + mac + " type veth peer name peer0; ip -n " + guest + " link set enc100 up; ip -n " + guest
				+ " addr add 10.20.1.11/16 dev enc100");
		Run apply = network();
		assertEquals(0, apply.exit(), apply.out() + apply.err());
		assertTrue(apply.out().contains("note: enc100 keeps its name now (it is up and carries addresses); its persistent files name it lan0 at the next boot"),
				apply.out());
		assertTrue(sh("ip -n " + guest + " -4 route show default").contains("default via 10.20.0.1 dev enc100"));
		assertEquals(0, network("--verify").exit());
	}

	@Test
	void withoutANicOfTheModelsMacTheCheckSaysWhatIsMissingAndNothingChanges() throws Exception {
		sh("ip -n " + guest + " link add enc100 type veth peer name peer0");
		Run check = network();
		assertEquals(2, check.exit(), check.out() + check.err());
		assertTrue(check.out().contains("zknet: rh1a: lacks: an interface with the MAC " + mac + " for lan0"), check.out());
		assertTrue(sh("ip -n " + guest + " -o link show").contains(" enc100@"), "nothing renamed");
	}

	@Test
	void aNicOfAnotherMacThatHasTheModelsNameIsRefused() throws Exception {
		sh("ip -n " + guest + " link add lan0 address 02:00:00:00:00:01 type veth peer name peer0");
		Run check = network("--check");
		assertEquals(1, check.exit(), check.out() + check.err());
		assertTrue(check.out().contains("zknet: rh1a: refused: lan0 has the MAC 02:00:00:00:00:01, not the model's NIC lan0's " + mac), check.out());
	}

	private Run network(String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", guest, "env", "ZKNET_STATE_DIR=" + dir.resolve("state"),
				"ZKNET_ROOT=" + dir.resolve("root"), "bash", folder.resolve("network.sh").toString()));
		command.addAll(List.of(arguments));
		return ZknetProcess.run(dir, command);
	}

	private String sh(String script) throws IOException, InterruptedException {
		Run run = ZknetProcess.run(dir, List.of("bash", "-euo", "pipefail", "-c", script));
		assertEquals(0, run.exit(), () -> script + "\n" + run.out() + run.err());
		return run.out();
	}
}
