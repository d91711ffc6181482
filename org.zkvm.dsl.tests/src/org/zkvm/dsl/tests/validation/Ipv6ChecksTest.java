package org.zkvm.dsl.tests.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zkvm.dsl.analysis.IpPrefix;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.headless.ModelDiagnostic;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.topology.Addresses;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.ProxyNeighbours;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.OsaInterface;

/**
 * The IPv6 checks on variants, not only on their pitfall files: the three distributions, interfaces
 * named in 'forwarding ipv6' or not, the management interface in 'accept-ra', proxy NDP entries derived
 * and listed on other prefix lengths, link-local gateways of hosts, guests and z/VM guests, IPv6
 * duplicates and overlaps across LPARs, and the IPv4 checks left alone by IPv6 routes.
 */
class Ipv6ChecksTest {

	private static final String SITE = """
			network production6 2001:db8:10::/48
			cec Z17A model z17 {
				chpid 10 osd devices 1000-101F
				chpid 11 osd devices 1100-111F
				lpar KVM1 id 11 kvm distro %s {
					osa p10 device 0.0.1000 chpid 10 layer 2 address %s
					osa p11 device 0.0.1100 chpid 11 layer 2 address slaac
					ovs br0 routed address 2001:db8:10:136:11::254/80
					%s
					guest g1 {
						nic lan0 on br0 address 2001:db8:10:136:11::1/80
						route default via 2001:db8:10:136:11::254 dev lan0
					}
				}
				lpar KVM2 id 12 kvm distro suse {
					osa q10 device 0.0.1010 chpid 10 layer 2 address 2001:db8:10:131::12/48 in production6
				}
			}
			""";

	@ParameterizedTest(name = "{0} | {1} | {2}")
	@CsvSource(delimiter = '|', value = {
			// distro | p10's address | KVM1's statements | expected codes (errors and warnings)
			"suse | 2001:db8:10:131::11/48 in production6 | forwarding ipv6 on br0, p10 ; accept-ra on p11 ; proxy-ndp on p10 | fwd.policy-accept",
			// IPv6 forwarding is all or nothing: p11 takes router advertisements although not named
			"suse | 2001:db8:10:131::11/48 in production6 | forwarding ipv6 on br0, p10 ; proxy-ndp on p10 | fwd.policy-accept ipv6.forwarding-ra",
			"suse | 2001:db8:10:131::11/48 in production6 | forwarding ipv6 global ; proxy-ndp on p10 | fwd.global fwd.policy-accept ipv6.forwarding-ra",
			"rhel | 2001:db8:10:131::11/48 in production6 | forwarding ipv6 on br0, p10 ; proxy-ndp on p10 | fwd.policy-accept",
			"ubuntu | 2001:db8:10:131::11/48 in production6 | forwarding ipv6 on br0, p10 ; proxy-ndp on p10 | fwd.policy-accept",
			"suse | 2001:db8:10:131::11/48 in production6 | management mgmt0 ; forwarding ipv6 on br0, p10 ; accept-ra on p11, mgmt0 ; proxy-ndp on p10 | fwd.policy-accept",
			"suse | 2001:db8:10:131::11/48 in production6 | forwarding ipv6 on br0, p10 ; accept-ra on p11, eth9 ; proxy-ndp on p10 | fwd.policy-accept ipv6.unsupported",
			// proxy NDP: derived, listed in another order, one short, one foreign, on a /64 that holds none of the guests
			"suse | 2001:db8:10:131::11/48 in production6 | forwarding ipv6 on br0, p10 ; accept-ra on p11 ; proxy-ndp on p10 for 2001:db8:10:136:11::1, 2001:db8:10:136:11::254 | fwd.policy-accept",
			"suse | 2001:db8:10:131::11/48 in production6 | forwarding ipv6 on br0, p10 ; accept-ra on p11 ; proxy-ndp on p10 for 2001:db8:10:136:11::1 | fwd.policy-accept ipv6.proxy-ndp-entry",
			"suse | 2001:db8:10:131::11/48 in production6 | forwarding ipv6 on br0, p10 ; accept-ra on p11 ; proxy-ndp on p10 for 2001:db8:10:136:11::1, 2001:db8:10:136:11::254, 2001:db8:10:131::12 | fwd.policy-accept ipv6.proxy-ndp-steal",
			"suse | 2001:db8:10:131::11/64 | forwarding ipv6 on br0, p10 ; accept-ra on p11 ; proxy-ndp on p10 | fwd.policy-accept ipv6.proxy-ndp-entry",
			"suse | 2001:db8:10:131::11/48 in production6 | forwarding ipv6 on br0 ; accept-ra on p11 ; proxy-ndp on p10 | fwd.policy-accept ipv6.proxy-ndp-forwarding",
			// routes: a link-local gateway with and without its device; IPv6 routes leave IPv4's checks alone
			"suse | 2001:db8:10:131::11/48 in production6 | route default via fe80::1 dev p10 | ",
			"suse | 2001:db8:10:131::11/48 in production6 | route default via fe80::1 | ipv6.link-local-gateway",
			"suse | 2001:db8:10:131::11/48 in production6 | management mgmt0 address 192.168.50.10/24 via 192.168.50.1 ; route default via fe80::1 dev p10 | ",
			// gateways outside the connected IPv6 subnets, of the host and of a guest; a guest's gateway that is not the routed bridge's
			"suse | 2001:db8:10:131::11/48 in production6 | route fd00:99::/64 via 2001:db8:10::1 | ",
			"suse | 2001:db8:10:131::11/48 in production6 | route fd00:99::/64 via 2001:db8:11::1 | route.unreachable-gateway",
			"suse | 2001:db8:10:131::11/48 in production6 | guest g2 { nic lan0 on br0 address 2001:db8:10:136:11::2/80 ; route default via 2001:db8:10:136:12::254 dev lan0 } | route.unreachable-gateway",
			"suse | 2001:db8:10:131::11/48 in production6 | guest g2 { nic lan0 on br0 address 2001:db8:10:136:11::2/80 ; route default via 2001:db8:10:136:11::253 dev lan0 } | route.gateway",
			"suse | 2001:db8:10:131::11/48 in production6 | guest g2 { nic lan0 on br0 address 2001:db8:10:136:11::2/80 ; route default via fe80::1 dev lan0 } | ",
			// addresses: a duplicate of another LPAR's, one outside its network, one of the other family's network
			"suse | 2001:db8:10:131::12/48 in production6 | | addr.duplicate addr.duplicate",
			"suse | 2001:db8:11:131::11/48 in production6 | | addr.duplicate",
			"suse | 10.131.11.254/8 in production6 | | addr.duplicate",
			// MTU: IPv6 needs 1280
			"suse | 2001:db8:10:131::11/48 in production6 | osa p12 device 0.0.1004 chpid 10 layer 2 mtu 1279 address fd00::1/64 | ipv6.mtu",
			"suse | 2001:db8:10:131::11/48 in production6 | osa p12 device 0.0.1004 chpid 10 layer 2 mtu 1279 address 10.9.9.9/24 | ",
			"suse | 2001:db8:10:131::11/48 in production6 | osa p12 device 0.0.1004 chpid 10 layer 2 mtu 1280 address fd00::1/64 | ",
			// ARP is IPv4's
			"suse | 2001:db8:10:131::11/48 in production6 | arp-filter policy accept { drop to 2001:db8:10::/48 } | ipv6.arp-filter",
			// iptables has no IPv6
			"suse firewall legacy | 2001:db8:10:131::11/48 in production6 | forwarding ipv6 global ; accept-ra on p11 | fwd.global fwd.policy-accept",
			"suse firewall legacy | 2001:db8:10:131::11/48 in production6 | forwarding ipv6 on br0 ; accept-ra on p11 | fwd.policy-accept ipv6.unsupported",
			"suse firewall legacy | 2001:db8:10:131::11/48 in production6 | forwarding ipv6 global ; accept-ra on p11 ; forward-filter policy drop | fwd.global ipv6.unsupported",
	})
	void variant(String distro, String address, String statements, String expected) {
		String text = SITE.formatted(distro, address, statements == null ? "" : statements.replace(" ; ", "\n"));
		LoadedModel model = Workspace.load(Map.of("site.zknet", text));
		List<String> codes = model.diagnostics().stream().filter(d -> d.severity() != ModelDiagnostic.Severity.INFO).map(ModelDiagnostic::code).sorted().toList();
		List<String> wanted = expected == null ? List.of() : List.of(expected.split(" ")).stream().sorted().toList();
		assertEquals(wanted, codes, () -> text + "\n" + Workspace.describe(model.diagnostics()));
	}

	/** Without 'for', the entries are the addresses behind the host in the interface's IPv6 subnets: the bridge's and its guests', in the model's order. */
	@Test
	void derivedProxyEntries() {
		LoadedModel model = Workspace.load(Map.of("site.zknet", SITE.formatted("suse", "2001:db8:10:131::11/48 in production6",
				"forwarding ipv6 on br0, p10\naccept-ra on p11\nproxy-ndp on p10")));
		Lpar lpar = Workspace.all(model, Lpar.class).get(0);
		OsaInterface p10 = Workspace.all(model, OsaInterface.class).get(0);
		assertEquals(List.of("2001:db8:10:136:11::254", "2001:db8:10:136:11::1"), ProxyNeighbours.entries(lpar, p10).stream().map(Object::toString).toList());
		assertEquals(List.of(), ProxyNeighbours.entries(lpar, Hosts.interfaces(lpar).get(1)), "p11 has no proxy-ndp");
	}

	/** 'address auto' gives one address of each family the scheme has a rule for. */
	@Test
	void aSchemeWithBothFamiliesMakesGuestsDualStack() {
		LoadedModel model = Workspace.load(Map.of("site.zknet", """
				scheme dual {
					vnic "10.136.{id}.254"
					vnic "2001:db8:10:136:{id}::254/80"
					guests "10.136.{id}.{n}"
					guests "2001:db8:10:136:{id}::{n}/80"
				}
				cec Z17A model z17 {
					lpar KVM1 id 11 kvm scheme dual {
						ovs br0 routed address auto
						guest g1 { nic lan0 on br0 address auto }
						guest g2 { nic lan0 on br0 address auto }
					}
				}
				"""));
		assertEquals(List.of(), Workspace.errors(model), () -> Workspace.describe(model.diagnostics()));
		List<Nic> nics = Workspace.all(model, Nic.class);
		assertEquals(List.of("10.136.11.2/24", "2001:db8:10:136:11::2/80"), Addresses.all(nics.get(1)).stream().map(IpPrefix::toString).toList());
		assertEquals("[10.136.11.254/24, 2001:db8:10:136:11::254/80]", Addresses.all(Workspace.all(model, org.zkvm.dsl.zknet.OvsBridge.class).get(0)).toString());
	}
}
