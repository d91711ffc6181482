package org.zkvm.dsl.tests.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every generated file of every example without errors goes to the tool that reads it on a real
 * host; files no tool here reads (wicked's ifcfg and ifroute, udev rules, the routing-table view,
 * the z/VM listings) are checked against their documented formats. A file of a kind nobody checks
 * fails the test.
 */
class GeneratedFilesToolsTest {

	/** The examples without errors, and the seed network with the legacy firewall tools. */
	private static final Map<String, String> FILES = new TreeMap<>();

	@BeforeAll
	static void generateEveryExample() throws IOException {
		for (String example : List.of("seed-network", "seed-network-dualstack", "seed-isfc", "seed-iucv", "distros", "zvm-lans", "enterprise")) {
			GeneratorTest.generate(example).forEach((name, content) -> FILES.put(example + "/" + name, content));
		}
		// the dual-stack network in NetworkManager's keyfiles and netplan's YAML too (its scripts are the SUSE ones')
		for (String distro : List.of("rhel", "ubuntu")) {
			GeneratorTest.generate(GeneratorTest.distroVariant("seed-network-dualstack", distro)).forEach((name, content) -> {
				if (name.contains("/networkmanager/") || name.contains("/netplan/")) {
					FILES.put("dualstack-" + distro + "/" + name, content);
				}
			});
		}
		GeneratorTest.generate(GeneratorTest.legacySeedNetwork()).forEach((name, content) -> FILES.put("legacy/" + name, content));
	}

	private static Map<String, String> matching(String regex) {
		Pattern pattern = Pattern.compile(regex);
		Map<String, String> result = new TreeMap<>();
		FILES.forEach((name, content) -> {
			if (pattern.matcher(name).find()) {
				result.put(name, content);
			}
		});
		return result;
	}

	@Test
	void scriptsPassBashAndShellcheck() throws IOException {
		Map<String, String> scripts = matching("\\.sh$");
		assertTrue(scripts.size() > 10, scripts.keySet()::toString);
		RealTools.scripts(scripts);
	}

	@Test
	void rulesetsPassNft() throws IOException {
		Map<String, String> rulesets = matching("\\.nft$");
		assertTrue(rulesets.size() >= 4, rulesets.keySet()::toString);
		for (var entry : rulesets.entrySet()) {
			RealTools.nftables(entry.getKey(), entry.getValue());
		}
	}

	@Test
	void sysctlFilesAreAcceptedByTheKernel() throws IOException {
		Map<String, String> files = matching("/90-zknet\\.conf$");
		assertTrue(files.size() >= 4, files.keySet()::toString);
		for (var entry : files.entrySet()) {
			RealTools.sysctl(entry.getKey(), entry.getValue());
		}
	}

	@Test
	void bootUnitsPassSystemdAnalyzeVerify() throws IOException {
		Map<String, String> units = matching("/systemd/[^/]+\\.service$");
		assertTrue(units.size() >= 3, units.keySet()::toString);
		for (var entry : units.entrySet()) {
			RealTools.systemdUnit(entry.getKey(), entry.getValue());
		}
	}

	@Test
	void netplanFilesPassNetplanGenerate() throws IOException {
		Map<String, String> files = matching("/netplan/90-zknet\\.yaml$");
		assertTrue(files.size() >= 2, files.keySet()::toString);
		for (var entry : files.entrySet()) {
			RealTools.netplan(entry.getKey(), entry.getValue());
		}
	}

	@Test
	void interfacesPassXmllintAndVirtXmlValidate() throws IOException {
		Map<String, String> files = matching("/interface-[^/]+\\.xml$");
		assertTrue(files.size() >= 8, files.keySet()::toString);
		for (var entry : files.entrySet()) {
			RealTools.libvirtInterface(entry.getKey(), entry.getValue());
		}
	}

	@Test
	void keyfilesPassLibnm() throws IOException {
		Map<String, String> files = matching("\\.nmconnection$");
		assertTrue(files.size() >= 8, files.keySet()::toString);
		RealTools.keyfiles(files);
	}

	/** The reader rejects what NetworkManager rejects: an s390 option outside libnm's own list (valid_s390_opts). */
	@Test
	void libnmRejectsAnS390OptionOutsideItsList() throws Exception {
		String keyfile = "[connection]\nid=enc1000\nuuid=fe10cf71-d54b-35a3-9f48-47e072d94278\ntype=ethernet\ninterface-name=enc1000\n\n[ethernet]\n"
				+ "s390-nettype=qeth\ns390-subchannels=0.0.1000;0.0.1001;0.0.1002;\n\n[ethernet-s390-options]\nlayer2=1\nvnicc/flooding=1\n";
		Process process = new ProcessBuilder(RealTools.keyfileCommand(Map.of("enc1000.nmconnection", keyfile))).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
		assertEquals(1, process.exitValue(), output);
		assertTrue(output.contains("invalid key 'vnicc/flooding'"), output);
	}

	/** ifcfg(5): KEY='value' lines that a shell can source, and nothing else. */
	@Test
	void wickedIfcfgFilesAreSysconfigAssignments() throws IOException {
		Map<String, String> files = matching("/wicked/ifcfg-[^/]+$");
		assertTrue(files.size() >= 8, files.keySet()::toString);
		Pattern line = Pattern.compile("#.*|[A-Z][A-Z0-9_]*='[^'\\n]*'");
		files.forEach((name, content) -> content.lines()
				.forEach(l -> assertTrue(line.matcher(l).matches(), () -> name + ": not a sysconfig line: " + l)));
		RealTools.sysconfig(files);
	}

	/** ifroute(5): Destination Gateway Netmask Interface [Options], CIDR or 'default', '-' for empty. */
	@Test
	void wickedRouteFilesHaveTheFiveColumns() {
		Map<String, String> files = matching("/wicked/(ifroute-[^/]+|routes)$");
		assertTrue(files.size() >= 4, files.keySet()::toString);
		String v6 = "[0-9a-f:]*:[0-9a-f:]*";
		Pattern line = Pattern.compile("#.*|(default|\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+|" + v6 + "/\\d+)\t(\\d+\\.\\d+\\.\\d+\\.\\d+|" + v6 + "|-)\t-\t[^\\s]+(\tmetric \\d+)?");
		files.forEach((name, content) -> content.lines()
				.forEach(l -> assertTrue(line.matcher(l).matches(), () -> name + ": not an ifroute line: " + l)));
	}

	@Test
	void udevRulesMatchAndAssignOnly() {
		Map<String, String> files = matching("/udev/70-zknet\\.rules$");
		assertTrue(files.size() >= 4, files.keySet()::toString);
		Pattern line = Pattern.compile("#.*|SUBSYSTEM==\"net\", ACTION==\"add\", (DRIVERS==\"(qeth|ctcm)\", KERNELS==\"\\d\\.\\d\\.[0-9a-f]{4}\", NAME=\"[A-Za-z0-9_.-]+\""
				+ "|KERNEL==\"[A-Za-z0-9_.-]+\", ATTR\\{tx_queue_len\\}=\"\\d+\""
				+ "|ATTR\\{address\\}==\"02(:[0-9a-f]{2}){5}\", NAME=\"[A-Za-z0-9_.-]+\")");
		files.forEach((name, content) -> content.lines()
				.forEach(l -> assertTrue(line.matcher(l).matches(), () -> name + ": not a zknet udev rule: " + l)));
	}

	@Test
	void routingTablesHaveTheRouteColumns() {
		Map<String, String> files = matching("/routes\\.txt$");
		assertTrue(files.size() >= 8, files.keySet()::toString);
		String ip = "\\d+\\.\\d+\\.\\d+\\.\\d+";
		String v6 = "[0-9a-f:]*:[0-9a-f:]*";
		Pattern line = Pattern.compile("#.*|Destination\tGateway\tGenmask\tFlags\tIface\t# Comment|" + ip + "\t" + ip + "\t" + ip + "\tU(G)?\t[^\\s]+\t# .*"
				+ "|" + v6 + "/\\d+\t" + v6 + "\t-\tU(G)?\t[^\\s]+\t# IPv6.*");
		files.forEach((name, content) -> content.lines()
				.forEach(l -> assertTrue(line.matcher(l).matches(), () -> name + ": not a routing-table line: " + l)));
	}

	/**
	 * SYSTEM CONFIG: fixed 80-column records, kept within columns 1-71; an ACTIVATE ISLINK
	 * statement (system-qualified) continues on the next record when a record ends with a comma.
	 * The IOCP listing: comment records ('*' in column 1) with the statements in IOCP syntax
	 * (CHPID PATH=(..),TYPE=FC; CNTLUNIT UNIT=FCTC; IODEVICE ADDRESS=(first,count),UNIT=FCTC).
	 */
	@Test
	void zvmListingsHaveTheirStatementsWithinTheirColumns() {
		Map<String, String> islink = matching("/SYSTEM-CONFIG-ISLINK\\.txt$");
		assertTrue(islink.size() >= 2, islink.keySet()::toString);
		Pattern statement = Pattern.compile("[A-Z0-9@#$]{1,8}: ACTIVATE ISLINK( [0-9A-F]{4}){1,16} NODE [A-Z0-9@#$]{1,8}");
		int continued = 0;
		for (var entry : islink.entrySet()) {
			StringBuilder joined = new StringBuilder();
			for (String line : entry.getValue().lines().toList()) {
				assertTrue(line.length() <= 71, () -> entry.getKey() + ": beyond column 71: " + line);
				if (line.startsWith("/*")) {
					assertTrue(line.endsWith("*/"), () -> entry.getKey() + ": a comment record that does not close: " + line);
					continue;
				}
				joined.append(line.strip());
				if (line.endsWith(",")) {
					joined.setLength(joined.length() - 1);
					joined.append(' ');
					continued++;
					continue;
				}
				String whole = joined.toString();
				assertTrue(statement.matcher(whole).matches(), () -> entry.getKey() + ": not an ACTIVATE ISLINK statement: " + whole);
				joined.setLength(0);
			}
			assertEquals("", joined.toString(), entry.getKey() + ": ends inside a statement");
		}
		assertTrue(continued > 0, "the 12- and 16-device links need a continued record");
		Map<String, String> iocp = matching("/iocp-fctc\\.txt$");
		assertEquals(islink.keySet().size(), iocp.size());
		Pattern chpid = Pattern.compile("\\*   CHPID PATH=\\([0-9A-F]{2}\\),TYPE=FC");
		Pattern cntlunit = Pattern.compile("\\*     CNTLUNIT UNIT=FCTC,UNITADD=\\(\\([0-9A-F]{2},\\d{1,3}\\)\\)   CUADD: MIF ID of [A-Z0-9@#$]{1,8}");
		Pattern iodevice = Pattern.compile("\\*     IODEVICE ADDRESS=\\([0-9A-F]{4},\\d{1,3}\\),UNIT=FCTC   -> [A-Z0-9@#$]{1,8}");
		iocp.forEach((name, content) -> {
			List<String> lines = content.lines().toList();
			lines.forEach(l -> assertTrue(l.startsWith("*") && l.length() <= 71, () -> name + ": IOCP listing records are comments within column 71: " + l));
			List<String> statements = lines.stream().filter(l -> l.startsWith("*   ") || l.startsWith("*     ")).toList();
			assertTrue(!statements.isEmpty() && statements.size() % 3 == 0, () -> name + ": " + statements);
			for (int i = 0; i < statements.size(); i += 3) {
				assertTrue(chpid.matcher(statements.get(i)).matches(), statements.get(i));
				assertTrue(cntlunit.matcher(statements.get(i + 1)).matches(), statements.get(i + 1));
				assertTrue(iodevice.matcher(statements.get(i + 2)).matches(), statements.get(i + 2));
			}
		});
	}

	/**
	 * The directory statements: 80-column records within column 71, comments with '*' in column 1,
	 * and only IUCV, COMMAND COUPLE and SPECIAL ... CTCA statements with user IDs and virtual devices.
	 */
	@Test
	void directoryStatementsAreDirectoryRecords() {
		Map<String, String> files = matching("/DIRECTORY-NETWORK\\.txt$");
		assertTrue(!files.isEmpty(), files.keySet()::toString);
		String userid = "[A-Z0-9@#$]{1,8}";
		Pattern record = Pattern.compile("\\*( .*)?|IUCV " + userid + "|COMMAND COUPLE [0-9A-F]{4} TO " + userid + " [0-9A-F]{4}|SPECIAL [0-9A-F]{4} CTCA " + userid
				+ "|NICDEF [0-9A-F]{4} TYPE (QDIO|HIPERSOCKETS) DEVICES 3 LAN SYSTEM " + userid);
		files.forEach((name, content) -> content.lines().forEach(l -> {
			assertTrue(l.length() <= 71, () -> name + ": beyond column 71: " + l);
			assertTrue(record.matcher(l).matches(), () -> name + ": not a directory record: " + l);
		}));
	}

	/**
	 * The LANs' SYSTEM CONFIG statements: records within column 71, comments closed on their record,
	 * a statement continued on the next record after a comma, and only DEFINE VSWITCH (RDEV, transport,
	 * VLAN), MODIFY VSWITCH ... GRANT and DEFINE LAN statements.
	 */
	@Test
	void lanStatementsAreSystemConfigRecords() {
		Map<String, String> files = matching("/SYSTEM-CONFIG-LANS\\.txt$");
		assertTrue(!files.isEmpty(), files.keySet()::toString);
		String name = "[A-Z0-9@#$]{1,8}";
		Pattern statement = Pattern.compile("DEFINE VSWITCH " + name + "( RDEV( [0-9A-F]{4}){1,3} (ETHERNET|IP)| ETHERNET GROUP " + name + ") VLAN (UNAWARE|AWARE( NATIVE \\d{1,4})?)"
				+ "|MODIFY PORT GROUP " + name + " JOIN( [0-9A-F]{4})+"
				+ "|MODIFY VSWITCH " + name + " GRANT " + name + "( VLAN \\d{1,4})?|DEFINE LAN " + name + " OWNERID SYSTEM TYPE (QDIO( ETHERNET)?|HIPERS MFS (16|24|40|64)K)");
		files.forEach((file, content) -> {
			StringBuilder joined = new StringBuilder();
			for (String line : content.lines().toList()) {
				assertTrue(line.length() <= 71, () -> file + ": beyond column 71: " + line);
				if (line.startsWith("/*")) {
					assertTrue(line.endsWith("*/"), () -> file + ": a comment record that does not close: " + line);
					continue;
				}
				joined.append(line.strip());
				if (line.endsWith(",")) {
					joined.setLength(joined.length() - 1);
					joined.append(' ');
					continue;
				}
				String whole = joined.toString();
				assertTrue(statement.matcher(whole).matches(), () -> file + ": not a LAN statement: " + whole);
				joined.setLength(0);
			}
		});
	}

	@Test
	void everyGeneratedFileIsCheckedByOneOfTheTestsAbove() {
		Pattern checked = Pattern.compile("\\.sh$|\\.nft$|/90-zknet\\.conf$|/netplan/90-zknet\\.yaml$|/interface-[^/]+\\.xml$"
				+ "|\\.nmconnection$|/systemd/[^/]+\\.service$|/wicked/(ifcfg-[^/]+|ifroute-[^/]+|routes)$|/udev/70-zknet\\.rules$|/routes\\.txt$"
				+ "|/SYSTEM-CONFIG-ISLINK\\.txt$|/iocp-fctc\\.txt$|/DIRECTORY-NETWORK\\.txt$|/SYSTEM-CONFIG-LANS\\.txt$");
		List<String> unchecked = new ArrayList<>();
		FILES.keySet().stream().filter(name -> !checked.matcher(name).find()).forEach(unchecked::add);
		assertEquals(List.of(), unchecked);
	}
}
