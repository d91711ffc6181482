package org.zkvm.dsl.tests.scoping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.headless.ModelDiagnostic;
import org.zkvm.dsl.validation.IssueCodes;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.zknet.Guest;
import org.zkvm.dsl.zknet.HostRoute;
import org.zkvm.dsl.zknet.Network;
import org.zkvm.dsl.zknet.OsaInterface;
import org.zkvm.dsl.zknet.Workload;

/** Models span several files: qualified names, imports and local names resolve through the index. */
class CrossFileReferenceTest {

	private static final String NETWORKS = "network production 10.0.0.0/8\n";
	private static final String CEC = """
			cec Z13A {
				chpid 10 osd
				lpar LPAR11 id 11 kvm {
					osa o5s_10g_1 device 0.0.f500 chpid 10 layer 2 address 10.131.11.254/8 in production
					ovs br-ex routed address 10.136.11.254/24
					guest vm1 { nic eth0 on br-ex address 10.136.11.1/24 }
				}
				lpar LPAR12 id 12 kvm {
					osa o5s_10g_1 device 0.0.f510 chpid 10 layer 2 address 10.131.12.254/8 in production
					route subnet LPAR11.br-ex via 10.131.11.254 dev o5s_10g_1
				}
			}
			""";

	@Test
	void referencesResolveAcrossFiles() {
		LoadedModel model = Workspace.load(Map.of("networks.zknet", NETWORKS, "cec.zknet", CEC, "workloads.zknet", """
				import Z13A.*
				workload w1 uperf "rr1c-200x1000--10" from LPAR11.vm1 to production
				workload w2 uperf "rr1c-200x1000--10" from Z13A.LPAR11.vm1 to LPAR12
				"""));
		assertEquals(List.of(), Workspace.errors(model), () -> Workspace.describe(model.diagnostics()));
		Network production = Workspace.named(model, Network.class, "production");
		Guest vm1 = Workspace.named(model, Guest.class, "vm1");
		assertSame(production, Workspace.all(model, OsaInterface.class).get(0).getAddresses().get(0).getNetwork());
		assertSame(vm1, Workspace.named(model, Workload.class, "w1").getFrom());
		assertSame(production, Workspace.named(model, Workload.class, "w1").getTo());
		assertSame(vm1, Workspace.named(model, Workload.class, "w2").getFrom());
		HostRoute route = Workspace.all(model, HostRoute.class).get(0);
		assertEquals("LPAR11", route.getSubnetOf().eContainer().eGet(route.getSubnetOf().eContainer().eClass().getEStructuralFeature("name")));
		// dev o5s_10g_1 is LPAR12's own interface, not LPAR11's of the same name
		assertEquals("0.0.f510", ((OsaInterface) route.getDevice()).getDevice());
	}

	/** Two files that both declare 'network production': a name.duplicate in each, naming the other file; other names stay clean. */
	@Test
	void theSameNameInTwoFilesIsADuplicateInBoth() {
		LoadedModel model = Workspace.load(Map.of("networks.zknet", NETWORKS, "more-networks.zknet", "network intranet 172.16.0.0/12\nnetwork production 10.0.0.0/8\n",
				"cec.zknet", CEC));
		List<ModelDiagnostic> duplicates = model.diagnostics().stream().filter(d -> IssueCodes.DUPLICATE_NAME.equals(d.code())).toList();
		assertEquals(2, duplicates.size(), () -> Workspace.describe(model.diagnostics()));
		ModelDiagnostic first = duplicates.stream().filter(d -> d.file().endsWith("networks.zknet") && !d.file().endsWith("more-networks.zknet")).findFirst().orElseThrow();
		assertEquals(1, first.line());
		assertEquals(9, first.column());
		assertEquals("the name 'production' is used twice: this network and one in more-networks.zknet cannot both be referred to by it; rename one or remove one file",
				first.message());
		ModelDiagnostic second = duplicates.stream().filter(d -> d.file().endsWith("more-networks.zknet")).findFirst().orElseThrow();
		assertEquals(2, second.line());
		assertTrue(second.message().contains("one in networks.zknet"), second.message());
		// the same simple name under another qualifier (an interface of another LPAR) or another kind is no duplicate
		assertEquals(2, Workspace.errors(model).size(), () -> Workspace.describe(model.diagnostics()));
	}

	/** A network and a CEC may share a name: references name one kind, so nothing is ambiguous. */
	@Test
	void anotherKindUnderTheSameNameIsNoDuplicate() {
		LoadedModel model = Workspace.load(Map.of("networks.zknet", "network Z13A 10.0.0.0/8\n", "cec.zknet", CEC.replace(" in production", "")));
		assertEquals(List.of(), Workspace.errors(model), () -> Workspace.describe(model.diagnostics()));
	}

	@Test
	void aMissingFileLeavesUnresolvedReferencesReportedWhereTheyAre() {
		LoadedModel model = Workspace.load(Map.of("cec.zknet", CEC));
		List<ModelDiagnostic> errors = Workspace.errors(model);
		assertEquals(2, errors.size(), Workspace.describe(errors));
		for (ModelDiagnostic error : errors) {
			assertEquals("link", error.code());
			assertTrue(error.message().startsWith("no network named 'production' is visible here"), error.message());
			assertTrue(error.file().endsWith("cec.zknet"));
		}
		assertEquals(4, errors.get(0).line());
		assertEquals(9, errors.get(1).line());
	}

	@Test
	void anotherLparsInterfacesAreNotVisibleByTheirSimpleName() {
		LoadedModel model = Workspace.load(Map.of("networks.zknet", NETWORKS, "cec.zknet", """
				cec C {
					chpid 10 osd
					lpar A id 1 kvm { osa eth0 device 0.0.f500 chpid 10 layer 2 }
					lpar B id 2 kvm { forwarding on eth0 }
				}
				"""));
		List<ModelDiagnostic> errors = Workspace.errors(model);
		assertEquals(1, errors.size(), Workspace.describe(errors));
		assertEquals("link", errors.get(0).code());
		assertEquals(4, errors.get(0).line());
	}

	@Test
	void aWorkloadEndpointMustBeAGuestLparNetworkOrZvmGuest() {
		LoadedModel model = Workspace.load(Map.of("networks.zknet", NETWORKS, "cec.zknet", CEC, "w.zknet",
				"workload w uperf \"rr1c-1x1--1\" from Z13A.LPAR11.br-ex to production\n"));
		List<ModelDiagnostic> errors = Workspace.errors(model);
		assertEquals(1, errors.size(), Workspace.describe(errors));
		assertEquals("link", errors.get(0).code());
		assertTrue(errors.get(0).message().contains("guest, LPAR, network or z/VM guest"), errors.get(0).message());
	}

	@Test
	void duplicateNamesAreReported() {
		LoadedModel model = Workspace.load("network a 10.0.0.0/8\nnetwork a 11.0.0.0/8\n");
		List<ModelDiagnostic> errors = Workspace.errors(model);
		assertEquals(2, errors.size(), Workspace.describe(errors));
		assertTrue(errors.stream().allMatch(e -> e.code().equals("name.duplicate")), Workspace.describe(errors));
	}
}
