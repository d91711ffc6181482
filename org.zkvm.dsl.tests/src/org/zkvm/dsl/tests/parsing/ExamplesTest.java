package org.zkvm.dsl.tests.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.zkvm.dsl.analysis.DeviceRange;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.zknet.FiconChpid;
import org.zkvm.dsl.zknet.Guest;
import org.zkvm.dsl.zknet.HostRoute;
import org.zkvm.dsl.zknet.IsfcLink;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Network;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.PointToPointLink;
import org.zkvm.dsl.zknet.PointToPointKind;
import org.zkvm.dsl.zknet.Workload;

/** The reference models of language.md parse and link without errors, and mean what the seeds say. */
class ExamplesTest {

	private static LoadedModel load(String example) {
		LoadedModel model = Workspace.loadPaths(Workspace.root().resolve("examples").resolve(example));
		assertEquals(List.of(), Workspace.errors(model), () -> example + " has errors:\n" + Workspace.describe(Workspace.errors(model)));
		return model;
	}

	@Test
	void seedNetworkLinksAcrossItsFiles() {
		LoadedModel model = load("seed-network");
		assertEquals(3, model.resources().size());
		Lpar lpar11 = Workspace.named(model, Lpar.class, "LPAR11");
		assertEquals(11, lpar11.getLparId());
		HostRoute toLpar12 = lpar11.getMembers().stream().filter(HostRoute.class::isInstance).map(HostRoute.class::cast)
				.filter(r -> r.getSubnetOf() != null).findFirst().orElseThrow();
		OvsBridge lpar12Bridge = (OvsBridge) toLpar12.getSubnetOf();
		assertEquals("LPAR12", ((Lpar) lpar12Bridge.eContainer()).getName());
		assertEquals("10.136.12.254/24", lpar12Bridge.getAddresses().get(0).getAddress());
		assertEquals("172.31.56.2", toLpar12.getGateway());
		assertEquals("hs56k_0", toLpar12.getDevice().getName());

		Workload orders = Workspace.named(model, Workload.class, "orders");
		assertSame(Workspace.named(model, Guest.class, "vm11a"), orders.getFrom());
		assertSame(Workspace.named(model, Lpar.class, "ZOS1"), orders.getTo());
		Workload portal = Workspace.named(model, Workload.class, "portal");
		assertSame(Workspace.named(model, Network.class, "production"), portal.getFrom());
		assertTrue(portal.isTransactional());
	}

	@Test
	void seedIsfcHasTheMeasuredLinkAndItsSevenVariants() {
		LoadedModel model = load("seed-isfc");
		List<IsfcLink> links = Workspace.all(model, IsfcLink.class);
		assertEquals(8, links.size());
		IsfcLink link16 = Workspace.named(model, IsfcLink.class, "LINK16");
		assertEquals(16, link16.getCtcs().stream().mapToInt(g -> DeviceRange.parse(g.getDevices()).count()).sum());
		assertEquals("ATLANTA", link16.getLeft().getName());
		FiconChpid first = (FiconChpid) link16.getCtcs().get(0).getChpid();
		assertEquals("50", first.getName());
		assertEquals(2, first.getSpeed());
		for (int ctcs : new int[] {1, 4, 8, 10, 12, 14, 16}) {
			IsfcLink variant = Workspace.named(model, IsfcLink.class, String.format("LINK%02d", ctcs));
			assertEquals(ctcs, variant.getCtcs().stream().mapToInt(g -> DeviceRange.parse(g.getDevices()).count()).sum(), variant.getName());
		}
	}

	@Test
	void seedIucvHasIucvAndCtcLinksAtTheSeedsMtus() {
		LoadedModel model = load("seed-iucv");
		List<PointToPointLink> links = Workspace.all(model, PointToPointLink.class);
		assertEquals(6, links.size());
		for (int mtu : new int[] {1500, 9000, 32764}) {
			assertTrue(links.stream().anyMatch(l -> l.getKind() == PointToPointKind.IUCV && l.getMtu() == mtu), "IUCV at " + mtu);
			assertTrue(links.stream().anyMatch(l -> l.getKind() == PointToPointKind.CTC && l.getMtu() == mtu), "CTC at " + mtu);
		}
	}
}
