package org.zkvm.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.zkvm.dsl.cli.ZknetProcess.ROOT;
import static org.zkvm.dsl.cli.ZknetProcess.zknet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zkvm.dsl.cli.ZknetProcess.Run;

/**
 * IPv6 forwarding on a live host (docs/ipv6.md): Linux forwards IPv6 only with conf.all.forwarding,
 * which makes every interface a router and drops the default routes the kernel learned from router
 * advertisements where accept_ra is not 2. The host's management NIC mgmt0, which the model does not
 * configure, took its default route from a real router advertisement (ra-sender.py on the LAN): setup
 * refuses until the model says 'accept-ra on mgmt0', then keeps it and the router advertisements
 * keep coming in; IPv6 is confined to the planned interfaces by nftables; teardown puts every key back.
 */
class SafeApplyIpv6IT {

	private static final String MODEL = """
			network a6 fd00:a::/64
			network b6 fd00:b::/64
			cec C model z16 {
				chpid 10 osd
				chpid 11 osd
				lpar H1 id 1 kvm distro suse {
					management mgmt0
					osa osaa device 0.0.a000 chpid 10 layer 2 address fd00:a::1/64 in a6
					osa osab device 0.0.b000 chpid 11 layer 2 address fd00:b::1/64 in b6
					forwarding ipv6 on osaa, osab
					%s
				}
			}
			""";

	@TempDir
	Path dir;
	private String host;
	private Path h1;

	@BeforeEach
	void aLiveHostWithADefaultRouteFromRouterAdvertisements() throws Exception {
		assumeTrue(TestHosts.isRoot(), "the safe apply's tests need root: run the tests as root (CI does)");
		host = "zkapply6-" + ProcessHandle.current().pid();
		sh("""
				ip netns add $H; ip netns add $H-sw
				ip -n $H link set lo up
				for d in mgmt0 osaa osab; do
					ip -n $H link add $d type veth peer name p-$d netns $H-sw
					ip netns exec $H sysctl -qw net.ipv6.conf.$d.accept_dad=0; ip netns exec $H-sw sysctl -qw net.ipv6.conf.p-$d.accept_dad=0
					ip -n $H link set $d up; ip -n $H-sw link set p-$d up
				done
				ip -n $H addr add fd00:99::10/64 dev mgmt0 nodad
				""");
		advertise();
		assertTrue(sh("ip -n $H -6 route show default").contains("dev mgmt0 proto ra"), "the host took its default route from the router advertisement");
	}

	/** The LAN's router advertises itself once (the lab's ra-sender.py, from the switch's end of mgmt0's link). */
	private void advertise() throws Exception {
		sh("ip netns exec $H-sw /usr/bin/python3 " + ROOT.resolve("org.zkvm.dsl.ide/src/org/zkvm/dsl/ide/lab/ra-sender.py") + " p-mgmt0; sleep 1");
	}

	/** What the refusal prevents (ip-sysctl.rst; addrconf.c, rt6_purge_dflt_routers): on this kernel, IPv6 forwarding drops the route at once. */
	@Test
	void forwardingWithoutAcceptRaDropsTheRouteAtOnce() throws Exception {
		sh("ip netns exec $H sysctl -qw net.ipv6.conf.all.forwarding=1");
		assertFalse(sh("ip -n $H -6 route show default").contains("dev mgmt0"), "the kernel purged the default route");
		advertise();
		assertFalse(sh("ip -n $H -6 route show default").contains("dev mgmt0"), "and ignores the next router advertisement");
	}

	@AfterEach
	void removeTheHost() throws Exception {
		if (host != null) {
			sh("ip netns del $H 2>/dev/null; ip netns del $H-sw 2>/dev/null; true");
		}
	}

	private void generate(String statements) throws Exception {
		Path model = dir.resolve("model/h1.zknet");
		Files.createDirectories(model.getParent());
		Files.writeString(model, MODEL.formatted(statements));
		Run generate = zknet(ROOT, "generate", model.getParent().toString(), "-o", dir.resolve("out").toString(), "-q");
		assertEquals(0, generate.exit(), generate.out() + generate.err());
		h1 = dir.resolve("out/C/H1");
		Path setup = h1.resolve("setup.sh");
		Files.writeString(setup, Files.readString(setup).replaceAll("(?m)^zknet_qeth .*\n", ""));
	}

	@Test
	void theCheckRefusesToDropTheManagementNicsDefaultRouteFromRouterAdvertisements() throws Exception {
		generate("");
		Run check = script("setup.sh", "--check");
		assertEquals(1, check.exit(), check.out() + check.err());
		assertTrue(check.out().contains("zknet: H1: refused: mgmt0 has its IPv6 default route from router advertisements (default via fe80::"),
				check.out());
		assertTrue(check.out().contains("add 'accept-ra on mgmt0' to the model (accept_ra=2)"), check.out());
		Run apply = script("setup.sh");
		assertEquals(1, apply.exit(), apply.out() + apply.err());
		assertEquals("0", sh("ip netns exec $H sysctl -n net.ipv6.conf.all.forwarding").strip(), "nothing changed");
	}

	@Test
	void withAcceptRaTheRouteStaysAndIpv6IsConfinedToThePlannedInterfaces() throws Exception {
		generate("accept-ra on mgmt0");
		Run check = script("setup.sh", "--check");
		assertEquals(0, check.exit(), check.out() + check.err());
		assertTrue(check.out().contains("change: sysctl net.ipv6.conf.mgmt0.accept_ra = 2"), check.out());
		assertTrue(check.out().contains("change: sysctl net.ipv6.conf.all.forwarding = 1"), check.out());
		Run apply = script("setup.sh");
		assertEquals(0, apply.exit(), apply.out() + apply.err());
		assertEquals("1", sh("ip netns exec $H sysctl -n net.ipv6.conf.all.forwarding").strip());
		assertEquals("2", sh("ip netns exec $H sysctl -n net.ipv6.conf.mgmt0.accept_ra").strip());
		assertTrue(sh("ip -n $H -6 route show default").contains("dev mgmt0 proto ra"), "the management NIC keeps its default route");
		advertise();
		assertTrue(sh("ip -n $H -6 route show default").contains("dev mgmt0 proto ra"), "and still takes router advertisements while forwarding");
		assertTrue(sh("ip netns exec $H nft list table inet zknet").contains("meta nfproto ipv6 iifname != { \"osaa\", \"osab\" } drop"),
				"IPv6 forwarded only from the planned interfaces");
		Run verify = script("setup.sh", "--verify");
		assertEquals(0, verify.exit(), verify.out() + verify.err());
		Run again = script("setup.sh", "--check");
		assertFalse(again.out().contains("change:"), again.out());
		Run teardown = script("teardown.sh");
		assertEquals(0, teardown.exit(), teardown.out() + teardown.err());
		assertEquals("0", sh("ip netns exec $H sysctl -n net.ipv6.conf.all.forwarding").strip());
		assertEquals("1", sh("ip netns exec $H sysctl -n net.ipv6.conf.mgmt0.accept_ra").strip());
		assertFalse(sh("ip netns exec $H nft list tables").contains("zknet"), "the filter is gone");
		assertTrue(sh("ip -n $H -o addr show dev osaa").lines().noneMatch(l -> l.contains("fd00:a::1")), "the planned address is gone");
	}

	private Run script(String name, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", host, "env", "ZKNET_STATE_DIR=" + dir.resolve("state"), "ZKNET_ROOT=" + dir.resolve("root"),
				"bash", h1.resolve(name).toString()));
		command.addAll(List.of(arguments));
		return ZknetProcess.run(dir, command);
	}

	private String sh(String script) throws Exception {
		Run run = ZknetProcess.run(dir, List.of("env", "H=" + host, "bash", "-euo", "pipefail", "-c", script));
		assertEquals(0, run.exit(), () -> script + "\n" + run.out() + run.err());
		return run.out();
	}
}
