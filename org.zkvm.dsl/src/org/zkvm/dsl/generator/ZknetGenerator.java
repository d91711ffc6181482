package org.zkvm.dsl.generator;

import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.generator.AbstractGenerator;
import org.eclipse.xtext.generator.IFileSystemAccess2;
import org.eclipse.xtext.generator.IGeneratorContext;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.ZvmLinks;
import org.zkvm.dsl.zknet.Cec;
import org.zkvm.dsl.zknet.CecMember;
import org.zkvm.dsl.zknet.Distribution;
import org.zkvm.dsl.zknet.Guest;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Model;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.TopElement;
import org.zkvm.dsl.zknet.ZvmCluster;
import org.zkvm.dsl.zknet.ZvmGuest;
import org.zkvm.dsl.zknet.ZvmMember;
import org.zkvm.dsl.zknet.ZvmSystem;

import com.google.inject.Inject;

/**
 * The language's generator: the same files from the command line, Maven, the language server and
 * Eclipse. One folder per host (CEC/LPAR) and per z/VM system, so an administrator copies one
 * folder to one machine. Each output kind has its own template class.
 */
public class ZknetGenerator extends AbstractGenerator {

	@Inject
	private SetupScriptGenerator setup;
	@Inject
	private TeardownScriptGenerator teardown;
	@Inject
	private SysctlConfGenerator sysctl;
	@Inject
	private NftablesGenerator nftables;
	@Inject
	private BootFiltersUnitGenerator bootFilters;
	@Inject
	private LegacyFirewallGenerator legacyFirewall;
	@Inject
	private LibvirtInterfaceGenerator libvirt;
	@Inject
	private GuestRoutesGenerator guestNetwork;
	@Inject
	private IslinkGenerator islink;
	@Inject
	private SuseWickedGenerator suse;
	@Inject
	private NetworkManagerGenerator networkManager;
	@Inject
	private NetplanGenerator netplan;
	@Inject
	private UdevRulesGenerator udev;
	@Inject
	private RoutingTableGenerator routingTable;
	@Inject
	private ZvmDirectoryGenerator directory;
	@Inject
	private ZvmGuestNetworkGenerator zvmGuestNetwork;
	@Inject
	private ZvmLanStatements lans;
	@Inject
	private ProxyNdpGenerator proxyNdp;

	@Override
	public void doGenerate(Resource input, IFileSystemAccess2 fsa, IGeneratorContext context) {
		if (input.getContents().isEmpty() || !(input.getContents().get(0) instanceof Model model)) {
			return;
		}
		String source = input.getURI().lastSegment();
		for (TopElement element : model.getElements()) {
			if (context.getCancelIndicator() != null && context.getCancelIndicator().isCanceled()) {
				return;
			}
			if (element instanceof Cec cec) {
				for (CecMember member : cec.getMembers()) {
					if (member instanceof Lpar lpar && HostFacts.generatesHost(lpar)) {
						generateHost(cec, lpar, source, fsa);
					}
				}
			} else if (element instanceof ZvmCluster cluster) {
				for (ZvmMember member : cluster.getMembers()) {
					if (member instanceof ZvmSystem system) {
						generateZvmSystem(cluster, system, source, fsa);
					}
				}
			}
		}
	}

	/** Every file of the host renders its one HostPlan (and each guest's file its NetworkPlan). */
	private void generateHost(Cec cec, Lpar lpar, String source, IFileSystemAccess2 fsa) {
		String folder = Shell.fileName(cec.getName()) + "/" + Shell.fileName(lpar.getName()) + "/";
		HostPlan plan = HostPlan.of(lpar);
		fsa.generateFile(folder + "setup.sh", setup.generate(plan, source));
		fsa.generateFile(folder + ApplyLibrary.FILE, ApplyLibrary.text());
		fsa.generateFile(folder + "teardown.sh", teardown.generate(plan, source));
		fsa.generateFile(folder + "sysctl.d/90-zknet.conf", sysctl.generate(plan, source));
		if (plan.filters().any()) {
			if (plan.filters().legacy()) {
				fsa.generateFile(folder + LegacyFirewallGenerator.FILE, legacyFirewall.generate(plan, source));
			} else {
				fsa.generateFile(folder + "nftables/zknet.nft", nftables.generate(plan, source));
			}
			fsa.generateFile(folder + "systemd/" + BootFiltersUnitGenerator.UNIT, bootFilters.generate(plan, source));
		}
		if (udev.needed(plan)) {
			fsa.generateFile(folder + "udev/70-zknet.rules", udev.generate(plan, source));
		}
		fsa.generateFile(folder + "routes.txt", routingTable.generate(plan.network(), source));
		proxyNdp.files(plan, source).forEach((name, content) -> fsa.generateFile(folder + name, content));
		generatePersistent(plan.network(), folder, source, fsa);
		for (Guest guest : Hosts.members(lpar, Guest.class)) {
			String guestFolder = folder + "guests/" + Shell.fileName(guest.getName()) + "/";
			for (var member : guest.getMembers()) {
				if (member instanceof Nic nic) {
					fsa.generateFile(guestFolder + "interface-" + Shell.fileName(nic.getName()) + ".xml", libvirt.generate(nic, source));
				}
			}
			NetworkPlan guestPlan = NetworkPlan.of(guest);
			fsa.generateFile(guestFolder + "network.sh", guestNetwork.generate(guestPlan, source));
			fsa.generateFile(guestFolder + ApplyLibrary.FILE, ApplyLibrary.text());
			fsa.generateFile(guestFolder + "routes.txt", routingTable.generate(guestPlan, source));
			generatePersistent(guestPlan, guestFolder, source, fsa);
			if (guestPlan.distribution() != Distribution.UBUNTU && guestPlan.links().stream().anyMatch(l -> l.mac() != null)) {
				fsa.generateFile(guestFolder + "udev/70-zknet.rules", udev.guest(guestPlan, source));
			}
		}
	}

	/** A z/VM system's SYSTEM CONFIG statements, its guests' directory statements and each guest's Linux network. */
	private void generateZvmSystem(ZvmCluster cluster, ZvmSystem system, String source, IFileSystemAccess2 fsa) {
		String folder = "zvm/" + Shell.fileName(cluster.getName()) + "/" + Shell.fileName(system.getName()) + "/";
		if (!IslinkGenerator.links(system).isEmpty()) {
			fsa.generateFile(folder + "SYSTEM-CONFIG-ISLINK.txt", islink.systemConfig(system, source));
			fsa.generateFile(folder + "iocp-fctc.txt", islink.iocp(system, source));
		}
		if (!ZvmLanStatements.lans(system).isEmpty()) {
			fsa.generateFile(folder + "SYSTEM-CONFIG-LANS.txt", lans.generate(system, source));
		}
		List<ZvmGuest> guests = ZvmLinks.guests(system).stream().filter(ZvmLinks::hasNetwork).toList();
		if (guests.isEmpty()) {
			return;
		}
		fsa.generateFile(folder + "DIRECTORY-NETWORK.txt", directory.generate(system, source));
		for (ZvmGuest guest : guests) {
			String guestFolder = folder + "guests/" + Shell.fileName(guest.getName()) + "/";
			NetworkPlan plan = NetworkPlan.of(guest);
			fsa.generateFile(guestFolder + "network.sh", zvmGuestNetwork.generate(guest, plan, source));
			fsa.generateFile(guestFolder + ApplyLibrary.FILE, ApplyLibrary.text());
			fsa.generateFile(guestFolder + "routes.txt", routingTable.generate(plan, source));
			if (plan.links().stream().anyMatch(l -> l.kind() == NetworkPlan.Kind.CTC || l.kind() == NetworkPlan.Kind.QETH)) {
				fsa.generateFile(guestFolder + "udev/70-zknet.rules", udev.zvmGuest(plan, source));
			}
			generatePersistent(plan, guestFolder, source, fsa);
		}
	}

	/** The distribution's own configuration files, in a folder named after the tool that reads them. */
	private void generatePersistent(NetworkPlan plan, String folder, String source, IFileSystemAccess2 fsa) {
		DistributionFiles files = switch (plan.distribution()) {
			case SUSE -> suse;
			case RHEL -> networkManager;
			case UBUNTU -> netplan;
		};
		files.files(plan, source).forEach((name, content) -> fsa.generateFile(folder + name, content));
	}
}
