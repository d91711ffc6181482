package org.zkvm.dsl.tests.hover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.ide.hover.HoverFacts;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.OsaInterface;
import org.zkvm.dsl.zknet.ProxyNdp;

/** The hover facts of examples/seed-network-dualstack: proxy NDP with the entries zknet derives, an interface's two families, an LPAR's IPv6 forwarding. */
class Ipv6HoverTest {

	private static final LoadedModel DUAL = Workspace.loadPaths(Workspace.root().resolve("examples/seed-network-dualstack"));

	@Test
	void proxyNdpShowsTheEntriesItDerives() {
		ProxyNdp proxy = Workspace.all(DUAL, ProxyNdp.class).get(0);
		assertEquals("""
				**Proxy NDP on o5s_10g_1**: answers neighbour solicitations for 3 addresses, derived
				- 2001:db8:10:136:11::254
				- 2001:db8:10:136:11::1
				- 2001:db8:10:136:11::2

				_IPv6 has no blanket proxy: each address needs its entry (`ip -6 neigh add proxy`), and the interface must forward IPv6._""",
				HoverFacts.of(proxy).orElseThrow());
	}

	@Test
	void anInterfaceShowsBothFamiliesAndTheLparItsIpv6Forwarding() {
		String osa = HoverFacts.of(Workspace.all(DUAL, OsaInterface.class).get(0)).orElseThrow();
		assertTrue(osa.contains("- address 10.131.11.254/8, 2001:db8:10:131::11/48"), osa);
		String lpar = HoverFacts.of(Workspace.all(DUAL, Lpar.class).get(0)).orElseThrow();
		assertTrue(lpar.contains("- IPv6 forwarding: in on br-ex, o5s_10g_1, hs56k_0 (conf.all.forwarding, confined by the forward filter)"), lpar);
	}
}
