package org.zkvm.dsl.topology;

import java.util.ArrayList;
import java.util.List;

import org.zkvm.dsl.analysis.DeviceRange;
import org.zkvm.dsl.analysis.FiconSpeeds;
import org.zkvm.dsl.analysis.IsfcLayout;
import org.zkvm.dsl.analysis.MalformedValueException;
import org.zkvm.dsl.zknet.Chpid;
import org.zkvm.dsl.zknet.CtcGroup;
import org.zkvm.dsl.zknet.FiconChpid;
import org.zkvm.dsl.zknet.IsfcLink;
import org.zkvm.dsl.zknet.ZvmSystem;

/** An ISFC logical link of the model read as the analysis sees it (IsfcLayout), for checks, fixes, generator and report alike. */
public final class IsfcLinks {
	private IsfcLinks() {
	}

	/** The link as the analysis sees it, from the CTC groups that can be read. */
	public static IsfcLayout layout(IsfcLink link) {
		List<IsfcLayout.Ctc> ctcs = new ArrayList<>();
		for (CtcGroup group : link.getCtcs()) {
			List<Integer> local = devices(group.getDevices());
			List<Integer> remote = devices(group.getRemoteDevices());
			int gbps = speed(group.getChpid());
			if (gbps == 0) {
				continue; // not a FICON chpid (isfc.not-ficon), or not resolved
			}
			String chpid = group.getChpid() == null || group.getChpid().eIsProxy() ? "?" : group.getChpid().getName();
			for (int i = 0; i < Math.min(local.size(), remote.size()); i++) {
				ctcs.add(new IsfcLayout.Ctc(local.get(i), remote.get(i), chpid, gbps));
			}
		}
		return new IsfcLayout(name(link.getLeft()), name(link.getRight()), ctcs);
	}

	/** The link's name, or LEFT<->RIGHT for an unnamed one. */
	public static String name(IsfcLink link) {
		return link.getName() != null ? link.getName() : name(link.getLeft()) + "<->" + name(link.getRight());
	}

	public static String name(ZvmSystem system) {
		return system == null || system.eIsProxy() || system.getName() == null ? "?" : system.getName();
	}

	/** The device numbers of a range as written; empty when it is malformed (reported as syntax). */
	public static List<Integer> devices(String range) {
		try {
			return range == null ? List.of() : DeviceRange.parse(range).devices();
		} catch (MalformedValueException e) {
			return List.of();
		}
	}

	/** The negotiated speed, else the generation's top speed; 0 for a chpid that is not FICON. */
	public static int speed(Chpid chpid) {
		if (chpid instanceof FiconChpid fc) {
			// a speed the generation cannot negotiate is isfc.ficon-speed; the estimate keeps to the generation's top rate
			return fc.getSpeed() != 0 && FiconSpeeds.negotiated(fc.getGeneration().getLiteral()).contains(fc.getSpeed()) ? fc.getSpeed()
					: FiconSpeeds.topGbps(fc.getGeneration().getLiteral());
		}
		return 0;
	}
}
