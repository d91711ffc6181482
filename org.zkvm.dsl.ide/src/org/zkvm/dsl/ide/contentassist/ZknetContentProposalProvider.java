package org.zkvm.dsl.ide.contentassist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.zkvm.dsl.analysis.FiconSpeeds;
import org.zkvm.dsl.analysis.HiperSocketsFrame;
import org.zkvm.dsl.analysis.MtuLimits;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.zknet.FiconChpid;
import org.zkvm.dsl.zknet.HiperSocketsInterface;
import org.zkvm.dsl.zknet.QethInterface;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.Lpar;

/**
 * Completion beyond keywords and references: the values a planner would otherwise look up, each
 * with what it means (HiperSockets frame sizes with their MTU, the MTUs that fit an interface,
 * qeth layers, FICON link speeds up to the generation's top rate).
 */
public class ZknetContentProposalProvider extends IdeContentProposalProvider {

	@Override
	protected void _createProposals(Assignment assignment, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		ParserRule rule = GrammarUtil.containingParserRule(assignment);
		Map<String, String> values = values(rule.getName(), assignment.getFeature(), context.getCurrentModel());
		if (values.isEmpty()) {
			super._createProposals(assignment, context, acceptor);
			return;
		}
		for (Map.Entry<String, String> value : values.entrySet()) {
			ContentAssistEntry entry = getProposalCreator().createProposal(value.getKey(), context, e -> {
				e.setKind(ContentAssistEntry.KIND_VALUE);
				e.setDescription(value.getValue());
			});
			if (entry != null) {
				acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry));
			}
		}
	}

	/** The colons and slash inside an IPv6 address are part of a value, not words to propose. */
	@Override
	protected boolean filterKeyword(org.eclipse.xtext.Keyword keyword, ContentAssistContext context) {
		return !IPV6_PUNCTUATION.contains(keyword.getValue()) && super.filterKeyword(keyword, context);
	}

	private static final java.util.Set<String> IPV6_PUNCTUATION = java.util.Set.of(":", "::", "/");

	/**
	 * A reference written with a plain name ([Type|Name], such as the interfaces of 'proxy-arp on')
	 * accepts only names without dots: the scope also holds other LPARs' qualified names, which the
	 * parser would take as more tokens, so those are not proposed there.
	 */
	@Override
	protected com.google.common.base.Predicate<org.eclipse.xtext.resource.IEObjectDescription> getCrossrefFilter(
			org.eclipse.xtext.CrossReference reference, ContentAssistContext context) {
		com.google.common.base.Predicate<org.eclipse.xtext.resource.IEObjectDescription> filter = super.getCrossrefFilter(reference, context);
		org.eclipse.xtext.Assignment assignment = org.eclipse.xtext.GrammarUtil.containingAssignment(reference);
		if (assignment != null && "lpar".equals(assignment.getFeature())
				&& "ZvmSystem".equals(org.eclipse.xtext.GrammarUtil.containingRule(reference).getName())) {
			// a z/VM system runs in a z/VM LPAR (zvm.lpar)
			return description -> filter.apply(description)
					&& org.eclipse.emf.ecore.util.EcoreUtil.resolve(description.getEObjectOrProxy(), context.getResource()) instanceof Lpar lpar
					&& lpar.getOs() == org.zkvm.dsl.zknet.OperatingSystem.ZVM;
		}
		if (reference.getTerminal() instanceof org.eclipse.xtext.RuleCall call && "Name".equals(call.getRule().getName())) {
			return description -> description.getName().getSegmentCount() == 1 && filter.apply(description);
		}
		return filter;
	}

	/** The values proposed for a feature of a rule, with a description each; empty for the other features. */
	static Map<String, String> values(String rule, String feature, EObject current) {
		Map<String, String> values = new LinkedHashMap<>();
		switch (rule + "." + feature) {
			case "IqdChpid.frame" -> {
				for (HiperSocketsFrame frame : HiperSocketsFrame.values()) {
					values.put(frame.toString(), "maximum frame " + frame + " (IOCP OS=" + frame.iocpOs() + "): MTU " + frame.mtu()
							+ (frame == HiperSocketsFrame.DEFAULT ? ", the default" : ""));
				}
			}
			case "OsaInterface.layer", "HiperSocketsInterface.layer" -> {
				values.put("2", "layer 2: Ethernet frames with MAC addresses; needed to attach an OVS bridge or MacVTap");
				values.put("3", "layer 3: IP packets only, as z/OS and z/VM partners use");
			}
			case "OsaInterface.mtu" -> osaMtus(values, current instanceof QethInterface q ? Hosts.layer(q) : 2);
			case "HiperSocketsInterface.mtu" -> {
				HiperSocketsFrame frame = current instanceof HiperSocketsInterface hs ? Hosts.frame(hs.getLan()) : HiperSocketsFrame.FRAME_64K;
				for (HiperSocketsFrame f : HiperSocketsFrame.values()) {
					if (f.mtu() <= frame.mtu()) {
						values.put(String.valueOf(f.mtu()), "the largest MTU of a " + f + " frame" + (f == frame ? ", this LAN's" : ""));
					}
				}
			}
			case "OvsBridge.mtu", "Nic.mtu" -> {
				values.put(String.valueOf(MtuLimits.ETHERNET), "Ethernet");
				values.put("8992", "OSA jumbo frames, layer 3");
				values.put("9000", "OSA jumbo frames, layer 2");
				values.put("57344", "HiperSockets with a 64K frame (routed bridges only)");
			}
			case "Management.iface" -> {
				Lpar lpar = org.eclipse.xtext.EcoreUtil2.getContainerOfType(current, Lpar.class);
				if (lpar != null) {
					for (HostInterface iface : Hosts.interfaces(lpar)) {
						String port = iface instanceof OvsBridge bridge && bridge.getVnic() != null ? bridge.getVnic() : iface.getName();
						values.put(port, "the admin reaches " + lpar.getName() + " through " + port + (port.equals(iface.getName()) ? "" : " (" + iface.getName() + "'s port)"));
					}
				}
			}
			case "FiconChpid.speed" -> {
				int top = current instanceof FiconChpid fc && fc.getGeneration() != null ? FiconSpeeds.topGbps(fc.getGeneration().getLiteral()) : 32;
				for (int gbps : List.of(1, 2, 4, 8, 16, 32)) {
					if (gbps <= top) {
						values.put(String.valueOf(gbps), gbps + " Gb/s negotiated" + (gbps == top ? " (the generation's top rate)" : ""));
					}
				}
			}
			default -> {
			}
		}
		return values;
	}

	private static void osaMtus(Map<String, String> values, int layer) {
		values.put(String.valueOf(MtuLimits.osaDefault(layer)), "the Linux default on layer " + layer);
		values.putIfAbsent(String.valueOf(MtuLimits.ETHERNET), "Ethernet");
		values.put(String.valueOf(MtuLimits.osa(layer).max()), "jumbo frames, the largest on layer " + layer);
	}
}
