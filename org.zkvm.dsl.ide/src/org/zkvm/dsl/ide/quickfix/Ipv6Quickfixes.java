package org.zkvm.dsl.ide.quickfix;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.editor.quickfix.DiagnosticResolutionAcceptor;
import org.eclipse.xtext.ide.editor.quickfix.QuickFix;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.validation.IssueCodes;
import org.zkvm.dsl.zknet.AcceptRa;
import org.zkvm.dsl.zknet.Forwarding;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.ProxyNdp;
import org.zkvm.dsl.zknet.ZvmNic;

/** Fixes of the IPv6 checks (Ipv6Validator). */
public class Ipv6Quickfixes extends QuickfixBase {

	@QuickFix(IssueCodes.IPV6_MTU)
	public void raiseToMinimum(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Raise the MTU to IPv6's minimum, 1280", edits((diagnostic, element, changes) -> {
			List<String> data = data(diagnostic);
			if (data.isEmpty()) {
				return;
			}
			if (EcoreUtil2.getContainerOfType(element, Nic.class) instanceof Nic nic && nic.getMtu() != 0) {
				changes.replaceFeature(nic, Z.getNic_Mtu(), data.get(0));
			} else if (EcoreUtil2.getContainerOfType(element, ZvmNic.class) instanceof ZvmNic nic && nic.getMtu() != 0) {
				changes.replaceFeature(nic, Z.getZvmNic_Mtu(), data.get(0));
			} else if (EcoreUtil2.getContainerOfType(element, HostInterface.class) instanceof HostInterface iface && iface.getMtu() != 0) {
				changes.replaceFeature(iface, Z.getHostInterface_Mtu(), data.get(0));
			}
		}));
	}

	@QuickFix(IssueCodes.IPV6_FORWARDING_RA)
	public void acceptRouterAdvertisements(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Accept router advertisements while forwarding (accept-ra, accept_ra=2)", edits((diagnostic, element, changes) -> {
			List<String> data = data(diagnostic);
			if (!(element instanceof Forwarding forwarding) || data.isEmpty()) {
				return;
			}
			addToList(Hosts.members(Hosts.lparOf(forwarding), AcceptRa.class), Z.getAcceptRa_Interfaces(), data.get(0), forwarding, "accept-ra on ", changes);
		}));
	}

	@QuickFix(IssueCodes.IPV6_PROXY_NDP_FORWARDING)
	public void forwardIpv6(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Enable IPv6 forwarding on this interface", edits((diagnostic, element, changes) -> {
			List<String> data = data(diagnostic);
			if (!(element instanceof ProxyNdp proxy) || data.isEmpty()) {
				return;
			}
			Lpar lpar = Hosts.lparOf(proxy);
			addToList(Hosts.members(lpar, Forwarding.class).stream().filter(f -> f.isIpv6() && !f.isGlobal()).toList(), Z.getForwarding_Interfaces(),
					data.get(0), anchor(lpar, proxy), "forwarding ipv6 on ", changes);
		}));
	}

	@QuickFix(IssueCodes.IPV6_PROXY_NDP_ENTRY)
	public void listMissingEntries(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("List the missing proxy NDP entries", edits((diagnostic, element, changes) -> {
			List<String> data = data(diagnostic);
			if (element instanceof ProxyNdp proxy && !proxy.getAddresses().isEmpty() && !data.isEmpty()) {
				changes.insertAfterFeature(proxy, Z.getProxyNdp_Addresses(), ", " + String.join(", ", data.get(0).split(",")));
			}
		}));
	}

	/** Adds the name to the first of the statements' lists, or writes a statement of its own after the anchor. */
	private static void addToList(List<? extends EObject> statements, EStructuralFeature list, String name, EObject anchor, String statement, TextChanges changes) {
		if (!statements.isEmpty()) {
			changes.insertAfterFeature(statements.get(0), list, ", " + name);
		} else {
			changes.insertLinesAfter(anchor, List.of(statement + name));
		}
	}

	/** The last IPv4 forwarding statement, where IPv6's belongs beside it, else the proxy statement itself. */
	private static EObject anchor(Lpar lpar, ProxyNdp proxy) {
		List<Forwarding> forwarding = Hosts.members(lpar, Forwarding.class);
		return forwarding.isEmpty() ? proxy : forwarding.get(forwarding.size() - 1);
	}
}
