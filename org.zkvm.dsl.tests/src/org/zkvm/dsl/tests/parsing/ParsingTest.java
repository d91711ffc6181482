package org.zkvm.dsl.tests.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.zknet.*;

/** What each construct of the language puts into the model. */
class ParsingTest {

	private static LoadedModel clean(String text) {
		LoadedModel model = Workspace.load(text);
		// the checks have tests of their own: here only parsing and linking must succeed
		assertEquals(List.of(), Workspace.parseErrors(model), () -> Workspace.describe(model.diagnostics()));
		return model;
	}

	@Test
	void networksAndChpids() {
		LoadedModel model = clean("""
				network intranet 172.18.0.0/15 gateway 172.18.0.1 external mtu 1500
				cec Z model z16 {
					chpid 0a osd devices f500-F51f
					chpid F4 iqd HSLAN frame 64K external-bridged
					chpid 5A fc express16s+ speed 8 Gbps
				}
				""");
		Network intranet = Workspace.named(model, Network.class, "intranet");
		assertEquals("172.18.0.0/15", intranet.getCidr());
		assertEquals("172.18.0.1", intranet.getGateway());
		assertTrue(intranet.isExternal());
		assertEquals(1500, intranet.getMtu());
		Cec cec = Workspace.named(model, Cec.class, "Z");
		assertEquals("z16", cec.getMachine());
		OsaChpid osd = (OsaChpid) cec.getMembers().get(0);
		assertEquals("0A", osd.getName());
		assertEquals("F500-F51F", osd.getDevices());
		IqdChpid iqd = (IqdChpid) cec.getMembers().get(1);
		assertEquals("F4", iqd.getId());
		assertEquals("HSLAN", iqd.getName());
		assertEquals(64 * 1024, iqd.getFrame());
		assertTrue(iqd.isExternalBridged());
		FiconChpid fc = (FiconChpid) cec.getMembers().get(2);
		assertEquals("5A", fc.getName());
		assertEquals(FiconGeneration.EXPRESS16S_PLUS, fc.getGeneration());
		assertEquals(8, fc.getSpeed());
	}

	@Test
	void lparsAndInterfaces() {
		LoadedModel model = clean("""
				network production 10.0.0.0/8
				scheme s { vnic "10.136.{id}.254/24" }
				cec Z {
					chpid 10 osd
					chpid F4 iqd HS
					lpar L1 id 0x11 kvm cpus 8 memory 16G distro rhel firewall legacy scheme s {
						osa o1 device 0.0.f500,0.0.f501,0.0.f502 chpid 10 mtu 8992 layer 2 vnicc learning, flooding address 10.131.17.254/8 in production address 10.131.17.253/8
						hipersockets h1 on HS device 0.0.7000 layer 3
						ovs br1 attached o1 mtu 8992 txqueuelen 2500 vnic vnic1 address auto
						ovs br2 routed
					}
					lpar Z1 id 33 zos
				}
				""");
		Lpar l1 = Workspace.named(model, Lpar.class, "L1");
		assertEquals(17, l1.getLparId());
		assertEquals(OperatingSystem.KVM, l1.getOs());
		assertEquals(8, l1.getCpus());
		assertEquals(16L << 30, l1.getMemory());
		assertEquals(Distribution.RHEL, l1.getDistro());
		assertEquals(FirewallTools.LEGACY, l1.getFirewall());
		assertEquals("s", l1.getScheme().getName());
		OsaInterface o1 = (OsaInterface) l1.getMembers().get(0);
		assertEquals("0.0.f500,0.0.f501,0.0.f502", o1.getDevice());
		assertEquals("10", o1.getChpid().getName());
		assertEquals(2, o1.getLayer());
		assertEquals(8992, o1.getMtu());
		assertEquals(List.of(VnicCharacteristic.LEARNING, VnicCharacteristic.FLOODING), o1.getVnicc());
		assertEquals(2, o1.getAddresses().size());
		assertEquals("production", o1.getAddresses().get(0).getNetwork().getName());
		assertNull(o1.getAddresses().get(1).getNetwork());
		HiperSocketsInterface h1 = (HiperSocketsInterface) l1.getMembers().get(1);
		assertEquals("HS", h1.getLan().getName());
		assertEquals(3, h1.getLayer());
		OvsBridge br1 = (OvsBridge) l1.getMembers().get(2);
		assertFalse(br1.isRouted());
		assertSame(o1, br1.getUplink());
		assertEquals("vnic1", br1.getVnic());
		assertEquals(2500, br1.getTxqueuelen());
		assertTrue(org.zkvm.dsl.topology.Addresses.isAuto(br1.getAddresses().get(0)));
		assertTrue(((OvsBridge) l1.getMembers().get(3)).isRouted());
		assertEquals(OperatingSystem.ZOS, Workspace.named(model, Lpar.class, "Z1").getOs());
	}

	@Test
	void forwardingFiltersRoutesAndNat() {
		LoadedModel model = clean("""
				network intranet 172.18.0.0/15
				cec Z {
					chpid 10 osd
					lpar L id 1 kvm {
						osa a device 0.0.f500 chpid 10 layer 2
						osa b device 0.0.f510 chpid 10 layer 2
						ovs br routed
						forwarding on br, a
						forwarding global
						proxy-arp on br, a
						rp-filter loose on a, b
						arp-filter policy drop { accept to 10.0.0.0/24 in a  accept from 10.1.0.0/16  drop in b }
						forward-filter policy accept { accept in a out br to 10.2.0.0/24 established  drop from 10.3.0.0/16 }
						route default via 172.18.0.1 dev b
						route 10.9.0.0/16 via 10.0.0.1 metric 50
						nat from br via b to intranet
					}
				}
				""");
		Lpar l = Workspace.named(model, Lpar.class, "L");
		List<LparMember> m = l.getMembers();
		Forwarding forwarding = (Forwarding) m.get(3);
		assertEquals(List.of("br", "a"), forwarding.getInterfaces().stream().map(HostInterface::getName).toList());
		assertTrue(((Forwarding) m.get(4)).isGlobal());
		assertEquals(2, ((ProxyArp) m.get(5)).getInterfaces().size());
		assertEquals(RpFilterMode.LOOSE, ((RpFilter) m.get(6)).getMode());
		ArpFilter arp = (ArpFilter) m.get(7);
		assertEquals(FilterAction.DROP, arp.getPolicy());
		assertEquals(3, arp.getRules().size());
		assertEquals("10.0.0.0/24", arp.getRules().get(0).getTarget());
		assertEquals("a", arp.getRules().get(0).getIface().getName());
		assertEquals("10.1.0.0/16", arp.getRules().get(1).getSender());
		assertEquals(FilterAction.DROP, arp.getRules().get(2).getAction());
		ForwardFilter fwd = (ForwardFilter) m.get(8);
		assertEquals(FilterAction.ACCEPT, fwd.getPolicy());
		ForwardRule first = fwd.getRules().get(0);
		assertEquals("a", first.getInInterface().getName());
		assertEquals("br", first.getOutInterface().getName());
		assertEquals("10.2.0.0/24", first.getDestination());
		assertTrue(first.isEstablished());
		assertEquals("10.3.0.0/16", fwd.getRules().get(1).getSource());
		HostRoute def = (HostRoute) m.get(9);
		assertTrue(def.isDefaultRoute());
		assertEquals("172.18.0.1", def.getGateway());
		HostRoute net = (HostRoute) m.get(10);
		assertEquals("10.9.0.0/16", net.getDestination());
		assertEquals(50, net.getMetric());
		Nat nat = (Nat) m.get(11);
		assertEquals("br", nat.getBridge().getName());
		assertEquals("b", nat.getOutInterface().getName());
		assertEquals("intranet", nat.getNetwork().getName());
	}

	@Test
	void guests() {
		LoadedModel model = clean("""
				network production 10.0.0.0/8
				cec Z {
					chpid 10 osd
					lpar L id 1 kvm {
						osa a device 0.0.f500 chpid 10 layer 2
						ovs br routed mtu 57344
						guest g vcpus 2 memory 2G distro ubuntu {
							nic eth0 on br mtu 57344 address 10.136.1.1/24
							nic eth1 macvtap a
							route default via 10.136.1.254 dev eth0
							route 172.18.0.0/15 dev eth0
							service web tcp 443 to production
						}
					}
				}
				""");
		Guest g = Workspace.named(model, Guest.class, "g");
		assertEquals(2, g.getVcpus());
		assertEquals(Distribution.UBUNTU, g.getDistro());
		Nic eth0 = (Nic) g.getMembers().get(0);
		assertEquals("br", eth0.getBridge().getName());
		assertEquals(57344, eth0.getMtu());
		Nic eth1 = (Nic) g.getMembers().get(1);
		assertEquals("a", eth1.getUplink().getName());
		GuestRoute route = (GuestRoute) g.getMembers().get(2);
		assertTrue(route.isDefaultRoute());
		assertSame(eth0, route.getDevice());
		Service web = (Service) g.getMembers().get(4);
		assertEquals(Protocol.TCP, web.getProtocol());
		assertEquals(443, web.getPort());
		assertEquals("production", web.getNetworks().get(0).getName());
	}

	@Test
	void zvmIsfcAndPointToPointLinks() {
		LoadedModel model = clean("""
				cec Z { chpid 50 fc express4  lpar VA id 1 zvm }
				zvm P ssi {
					system "SYS@1" in Z.VA
					system B
					isfc "SYS@1" <-> B as L carries relocation, appc {
						ctc 6000-6003 chpid Z.50 remote 7000-7003 chpid Z.50
					}
					guest LX1 on B vcpus 2 memory 512M
					guest LX2 on B
					iucv i1 LX1 <-> LX2 mtu 9000 address 10.0.0.1 <-> 10.0.0.2
					ctc c1 LX1 <-> LX2 mtu 32764
				}
				""");
		ZvmCluster p = Workspace.named(model, ZvmCluster.class, "P");
		assertTrue(p.isSsi());
		ZvmSystem sys1 = (ZvmSystem) p.getMembers().get(0);
		assertEquals("SYS@1", sys1.getName());
		assertEquals("VA", sys1.getLpar().getName());
		IsfcLink link = (IsfcLink) p.getMembers().get(2);
		assertSame(sys1, link.getLeft());
		assertEquals(List.of(IsfcTraffic.RELOCATION, IsfcTraffic.APPC), link.getCarries());
		CtcGroup group = link.getCtcs().get(0);
		assertEquals("6000-6003", group.getDevices());
		assertEquals("7000-7003", group.getRemoteDevices());
		assertEquals("50", group.getChpid().getName());
		assertSame(group.getChpid(), group.getRemoteChpid());
		ZvmGuest lx1 = (ZvmGuest) p.getMembers().get(3);
		assertEquals(512L << 20, lx1.getMemory());
		PointToPointLink iucv = (PointToPointLink) p.getMembers().get(5);
		assertEquals(PointToPointKind.IUCV, iucv.getKind());
		assertEquals(9000, iucv.getMtu());
		assertEquals("10.0.0.2", iucv.getRightAddress());
		assertEquals(PointToPointKind.CTC, ((PointToPointLink) p.getMembers().get(6)).getKind());
	}

	@Test
	void workloads() {
		LoadedModel model = clean("""
				network n 10.0.0.0/8
				workload a uperf "str-writex30k--50" from n to n
				workload b transactional request 200 response 1K connections 10 from n to n
				workload c streaming read message 30K connections 1 from n to n
				""");
		assertEquals("str-writex30k--50", Workspace.named(model, Workload.class, "a").getUperf());
		Workload b = Workspace.named(model, Workload.class, "b");
		assertTrue(b.isTransactional());
		assertEquals(200, b.getRequest());
		assertEquals(1024, b.getResponse());
		assertEquals(10, b.getConnections());
		Workload c = Workspace.named(model, Workload.class, "c");
		assertTrue(c.isStreaming());
		assertEquals(StreamDirection.READ, c.getDirection());
		assertEquals(30 * 1024, c.getMessage());
	}

	@Test
	void addressSchemes() {
		LoadedModel model = clean("""
				network production 10.0.0.0/8
				scheme seed {
					host in production "10.131.{id}.254/8"
					vnic "10.136.{id}.254/24"
					guests "10.136.{id}.{n}/24" from 1 to 253
				}
				""");
		AddressScheme seed = Workspace.named(model, AddressScheme.class, "seed");
		HostAddressRule host = (HostAddressRule) seed.getRules().get(0);
		assertEquals("production", host.getNetwork().getName());
		assertEquals("10.131.{id}.254/8", host.getTemplate());
		GuestAddressRule guests = (GuestAddressRule) seed.getRules().get(2);
		assertEquals(1, guests.getFirst());
		assertEquals(253, guests.getLast());
	}
}
