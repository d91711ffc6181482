package org.zkvm.dsl.validation;

import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;
import org.zkvm.dsl.analysis.InterfaceNames;
import org.zkvm.dsl.analysis.KernelNameTemplates;
import org.zkvm.dsl.analysis.PlainNames;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.topology.ZvmLinks;
import org.zkvm.dsl.zknet.HostInterface;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.PointToPointKind;
import org.zkvm.dsl.zknet.PointToPointLink;
import org.zkvm.dsl.zknet.QethInterface;
import org.zkvm.dsl.zknet.ZvmGuest;
import org.zkvm.dsl.zknet.ZvmNic;

/** Names that become Linux interface names, and so reach scripts, sysctl keys and XML (facts §2.4). */
public class NameValidator extends ZknetCheckBase {

	@Check
	public void checkInterface(HostInterface iface) {
		check(iface.getName(), "interface", iface, Z.getHostInterface_Name());
		if (iface instanceof OvsBridge bridge && bridge.getVnic() != null) {
			check(bridge.getVnic(), "internal port", bridge, Z.getOvsBridge_Vnic());
		}
		String own = iface instanceof QethInterface qeth ? Hosts.predictableName(qeth).orElse(null) : null;
		checkTemplate(iface.getName(), "interface", own, iface, Z.getHostInterface_Name());
		if (iface instanceof OvsBridge bridge) {
			checkTemplate(bridge.getVnic(), "internal port", null, bridge, Z.getOvsBridge_Vnic());
		}
	}

	@Check
	public void checkZvmNic(ZvmNic nic) {
		check(nic.getName(), "interface", nic, Z.getZvmNic_Name());
		checkTemplate(nic.getName(), "interface", null, nic, Z.getZvmNic_Name());
	}

	@Check
	public void checkNic(Nic nic) {
		check(nic.getName(), "guest interface", nic, Z.getNic_Name());
		checkTemplate(nic.getName(), "guest interface", null, nic, Z.getNic_Name());
	}

	private void checkTemplate(String name, String what, String own, EObject element, EStructuralFeature feature) {
		if (name == null || InterfaceNames.problem(name).isPresent() || PlainNames.problem(name).isPresent()) {
			return;
		}
		KernelNameTemplates.race(name, own).ifPresent(why -> report(IssueCodes.NAME_KERNEL_TEMPLATE, "the " + what + " name '" + name + "' " + why
				+ ": renaming to it races with the device the kernel or udev gives that name, and fails half-way when a second device comes"
				+ (own != null ? "; name it " + own + " or a name of your own (e.g. osa_prod)" : "; choose a name of your own (e.g. lan0)"),
				element, feature));
	}


	/** The ctcm and netiucv drivers name their interfaces ctc<N> and iucv<N>, the lowest free N first (CTC_DEVICE_GENE "ctc%d", netiucv "iucv%d"). */
	private static final Pattern LINK_TEMPLATE = Pattern.compile("(ctc|iucv)(\\d{1,4})");

	@Check
	public void checkLink(PointToPointLink link) {
		check(link.getName(), "interface", link, Z.getZvmMember_Name());
		java.util.regex.Matcher template = link.getName() == null ? null : LINK_TEMPLATE.matcher(link.getName());
		if (template != null && template.matches() && template.group(1).equals(link.getKind().getLiteral())) {
			int index = Integer.parseInt(template.group(2));
			for (ZvmGuest guest : java.util.Arrays.asList(link.getLeft(), link.getRight())) {
				long devices = guest == null || guest.eIsProxy() ? 0 : ZvmLinks.sides(guest).stream().filter(s -> s.link().getKind() == link.getKind()).count();
				// one device is named ctc0 by the kernel already: only two or more can swap names
				if (devices > 1 && index < devices) {
					report(IssueCodes.NAME_KERNEL_TEMPLATE, "the interface name '" + link.getName() + "' is one the " + (link.getKind() == PointToPointKind.CTC
							? "ctcm" : "netiucv") + " driver gives " + guest.getName() + "'s " + devices + " " + template.group(1) + " interfaces (" + template.group(1)
							+ "0 to " + template.group(1) + (devices - 1) + ", in the order they come up): renaming to it races with another link's device; "
							+ "choose a name outside that range (e.g. " + template.group(1) + (link.getMtu() > 0 ? link.getMtu() : 100) + ")", link, Z.getZvmMember_Name());
					break;
				}
			}
		}
		if (link.getKind() == PointToPointKind.IUCV) {
			for (ZvmGuest guest : java.util.Arrays.asList(link.getLeft(), link.getRight())) {
				if (guest != null && !guest.eIsProxy() && guest.getName() != null && USERID.matcher(guest.getName()).matches()
						&& !guest.getName().matches("[A-Za-z0-9$]+")) {
					reportError(IssueCodes.ZVM_USERID, "netiucv takes only letters, digits and $ in the partner's user ID (netiucv.c, "
							+ "netiucv_check_user), not '" + guest.getName() + "': rename the guest", link,
							guest == link.getLeft() ? Z.getPointToPointLink_Left() : Z.getPointToPointLink_Right());
				}
			}
		}
	}

	/** A CP user ID: 1 to 8 letters, digits, @, # or $ (z/VM CP Planning and Administration, USER directory statement). */
	private static final Pattern USERID = Pattern.compile("[A-Za-z0-9@#$]{1,8}");

	@Check
	public void checkUserid(ZvmGuest guest) {
		String name = guest.getName();
		if (name == null || USERID.matcher(name).matches() || PlainNames.problem(name).isPresent()) {
			return;
		}
		String why = name.length() > 8 ? "has " + name.length() + " characters" : "has characters other than letters, digits, @, # and $";
		reportError(IssueCodes.ZVM_USERID, "the z/VM guest name '" + name + "' " + why + ": it is the guest's CP user ID (1 to 8 letters, digits, "
				+ "@, # or $; z/VM CP Planning and Administration, USER directory statement), which its directory entry, COUPLE and IUCV name",
				guest, Z.getZvmMember_Name());
	}

	/** Every name of every element, whatever it names (see PlainNames). */
	@Check
	public void checkPlainName(EObject element) {
		EStructuralFeature feature = element.eClass().getEStructuralFeature("name");
		if (feature != null && element.eGet(feature) instanceof String name) {
			checkPlain(name, element, feature);
		}
		if (element instanceof OvsBridge bridge) {
			checkPlain(bridge.getVnic(), element, Z.getOvsBridge_Vnic());
		}
	}

	/** Names become file and folder names of the generated output (a file name has at most 255 bytes). */
	static final int LONGEST_NAME = 64;

	private void checkPlain(String name, EObject element, EStructuralFeature feature) {
		if (name != null && name.length() > LONGEST_NAME) {
			reportError(IssueCodes.NAME_UNSAFE, "the name '" + name.substring(0, 20).replaceAll("\\p{Cntrl}", "?") + "...' has " + name.length()
					+ " characters: names become file and folder names of the generated output; use at most " + LONGEST_NAME, element, feature);
			return;
		}
		PlainNames.problem(name).ifPresent(character -> reportError(IssueCodes.NAME_UNSAFE, "the name '" + name.replaceAll("\\p{Cntrl}", "?")
				+ "' contains " + character + ", which zknet never writes into generated files that run as root; use letters, digits, space and _ . : @ # $ + / = , - only",
				element, feature));
	}

	private void check(String name, String what, EObject element, EStructuralFeature feature) {
		// a name with unsafe characters is reported once, as name.unsafe
		if (name == null || PlainNames.problem(name).isPresent()) {
			return;
		}
		InterfaceNames.problem(name).ifPresent(problem -> report(IssueCodes.NAME_INTERFACE, "the " + what + " name '" + name + "' " + problem
				+ ": the kernel rejects it ('not a valid ifname'), and zknet will not put it into a root script; choose another name",
				element, feature));
	}
}
