package org.zkvm.dsl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic site as a planner would split it over files: networks.zknet, one file per CEC (up to
 * ten Ubuntu KVM hosts, each with an OSA into production, a HiperSockets interface on the CEC's
 * 64K LAN, a routed OVS bridge, routes to its neighbours' guests over HiperSockets, forwarding
 * under a DROP forward filter, NAT, and its guests; two z/VM LPARs on four FICON chpids), one z/VM
 * cluster file per CEC with a 16-CTC ISFC link, and workloads.zknet. Error-free by construction;
 * the benchmark checks that. The process tests (a model big enough to interrupt) and the benchmark
 * (releng/bench/run compiles this file with its own) share it.
 */
public final class SyntheticNetwork {
	public static final int LPARS_PER_CEC = 10;

	private SyntheticNetwork() {
	}

	/** Writes the model for {@code lpars} KVM hosts of {@code guests} guests each into {@code dir}; returns its files. */
	public static List<Path> write(Path dir, int lpars, int guests) throws IOException {
		if (lpars > 250 || guests > 250) {
			throw new IllegalArgumentException("at most 250 hosts of 250 guests");
		}
		Files.createDirectories(dir);
		List<Path> files = new ArrayList<>();
		int cecs = (lpars + LPARS_PER_CEC - 1) / LPARS_PER_CEC;
		StringBuilder networks = new StringBuilder("network production 10.0.0.0/8\n");
		StringBuilder workloads = new StringBuilder();
		for (int c = 1; c <= cecs; c++) {
			int first = (c - 1) * LPARS_PER_CEC + 1;
			int count = Math.min(LPARS_PER_CEC, lpars - first + 1);
			networks.append("network hs").append(c).append(" 172.31.").append(c).append(".0/24\n");
			files.add(write(dir.resolve("cec" + c + ".zknet"), cec(c, first, count, guests)));
			files.add(write(dir.resolve("zvm" + c + ".zknet"), zvm(c)));
			if (count >= 2 && guests >= 1) {
				workloads.append("workload w").append(c).append(" uperf \"rr1c-200x1000--10\" from C").append(c).append(".L").append(first)
						.append(".g1 to C").append(c).append(".L").append(first + 1).append(".g1\n");
			}
		}
		files.add(0, write(dir.resolve("networks.zknet"), networks.toString()));
		files.add(write(dir.resolve("workloads.zknet"), workloads.toString()));
		return files;
	}

	/** One CEC with {@code count} KVM hosts numbered from {@code first}, and two z/VM LPARs. */
	static String cec(int c, int first, int count, int guests) {
		StringBuilder b = new StringBuilder();
		b.append("cec C").append(c).append(" model z16 {\n");
		b.append("\tchpid 10 osd devices 1000-1FFF\n");
		b.append("\tchpid F0 iqd HS").append(c).append(" frame 64K devices 7000-70FF\n");
		for (String chpid : List.of("50", "51", "52", "53")) {
			b.append("\tchpid ").append(chpid).append(" fc express8\n");
		}
		for (int k = 1; k <= count; k++) {
			int i = first + k - 1;
			String osa = "o" + i;
			b.append("\tlpar L").append(i).append(" id ").append(k).append(" kvm distro ubuntu {\n");
			b.append("\t\tosa ").append(osa).append(" device 0.0.").append(String.format("%04x", 0x1000 + k * 4))
					.append(" chpid 10 layer 2 address 10.0.").append(i).append(".254/8 in production\n");
			b.append("\t\thipersockets hs0 on HS").append(c).append(" device 0.0.").append(String.format("%04x", 0x7000 + k * 4))
					.append(" layer 3 mtu 57344 address 172.31.").append(c).append('.').append(k).append("/24 in hs").append(c).append('\n');
			b.append("\t\tovs br-ex routed mtu 57344 address 172.16.").append(i).append(".254/24\n");
			b.append("\t\tforwarding on br-ex, ").append(osa).append(", hs0\n");
			b.append("\t\tforward-filter policy drop {\n");
			b.append("\t\t\taccept in br-ex out ").append(osa).append("\n\t\t\taccept in ").append(osa).append(" out br-ex established\n");
			b.append("\t\t\taccept in hs0 out br-ex\n\t\t\taccept in br-ex out hs0\n\t\t}\n");
			b.append("\t\tnat from br-ex via ").append(osa).append('\n');
			if (count >= 2) {
				int next = k % count + 1;
				int prev = (k + count - 2) % count + 1;
				route(b, first + next - 1, c, next);
				if (prev != next) {
					route(b, first + prev - 1, c, prev);
				}
			}
			for (int g = 1; g <= guests; g++) {
				b.append("\t\tguest g").append(g).append(" {\n\t\t\tnic lan0 on br-ex address 172.16.").append(i).append('.').append(g)
						.append("/24\n\t\t\troute default via 172.16.").append(i).append(".254 dev lan0\n\t\t}\n");
			}
			b.append("\t}\n");
		}
		b.append("\tlpar VMA id 0x1A zvm\n\tlpar VMB id 0x1B zvm\n");
		return b.append("}\n").toString();
	}

	private static void route(StringBuilder b, int lpar, int c, int k) {
		b.append("\t\troute subnet L").append(lpar).append(".br-ex via 172.31.").append(c).append('.').append(k).append(" dev hs0\n");
	}

	/** The CEC's two z/VM systems in an SSI cluster over 16 CTCs, four per chpid. */
	static String zvm(int c) {
		StringBuilder b = new StringBuilder("import C").append(c).append(".*\n\n");
		b.append("zvm PLEX").append(c).append(" ssi {\n");
		b.append("\tsystem A").append(c).append(" in VMA\n\tsystem B").append(c).append(" in VMB\n");
		b.append("\tisfc A").append(c).append(" <-> B").append(c).append(" as LINK").append(c).append(" carries relocation {\n");
		String[] chpids = {"50", "51", "52", "53"};
		for (int n = 0; n < 4; n++) {
			String devices = String.format("%04X-%04X", 0x6000 + n * 0x20, 0x6003 + n * 0x20);
			b.append("\t\tctc ").append(devices).append(" chpid ").append(chpids[n]).append(" remote ").append(devices).append('\n');
		}
		return b.append("\t}\n}\n").toString();
	}

	private static Path write(Path file, String text) throws IOException {
		Files.writeString(file, text);
		return file;
	}
}
