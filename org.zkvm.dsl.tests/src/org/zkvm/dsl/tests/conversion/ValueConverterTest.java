package org.zkvm.dsl.tests.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zkvm.dsl.headless.LoadedModel;
import org.zkvm.dsl.headless.ModelDiagnostic;
import org.zkvm.dsl.tests.Workspace;
import org.zkvm.dsl.zknet.Cec;
import org.zkvm.dsl.zknet.IqdChpid;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Network;
import org.zkvm.dsl.zknet.OsaChpid;
import org.zkvm.dsl.zknet.OsaInterface;
import org.zkvm.dsl.zknet.HostRoute;
import org.zkvm.dsl.zknet.Workload;
import org.zkvm.dsl.zknet.AddressScheme;
import org.zkvm.dsl.zknet.VnicAddressRule;

/** Each data type on good values (normalised) and bad ones (a message saying what is expected, where it is). */
class ValueConverterTest {

	private static <T> T value(String model, Function<LoadedModel, T> extract) {
		LoadedModel loaded = Workspace.load(model);
		// the checks have tests of their own: here only parsing and linking must succeed
		assertEquals(List.of(), Workspace.parseErrors(loaded), () -> Workspace.describe(loaded.diagnostics()));
		return extract.apply(loaded);
	}

	private static ModelDiagnostic error(String model) {
		LoadedModel loaded = Workspace.load(model);
		List<ModelDiagnostic> errors = Workspace.errors(loaded);
		assertTrue(!errors.isEmpty(), "expected an error in: " + model);
		return errors.get(0);
	}

	private static void assertError(String model, String expectedMessagePart, int column) {
		ModelDiagnostic error = error(model);
		assertTrue(error.message().contains(expectedMessagePart), error.toString());
		assertEquals(column, error.column(), error.toString());
		assertEquals(1, error.line());
	}

	@ParameterizedTest
	@CsvSource({"f4,F4", "A,0A", "0a,0A", "50,50", "5a,5A", "FF,FF"})
	void chpidIds(String written, String id) {
		assertEquals(id, value("cec C { chpid " + written + " osd }", m -> Workspace.all(m, OsaChpid.class).get(0).getName()));
	}

	@ParameterizedTest
	@CsvSource({"1FF", "100", "XY"})
	void badChpidIds(String written) {
		assertError("cec C { chpid " + written + " osd }", "is not a chpid id", 15);
	}

	@ParameterizedTest
	@CsvSource({"11,11", "0x11,17", "0,0", "0xFF,255", "255,255"})
	void lparIds(String written, int id) {
		assertEquals(id, value("cec C { lpar L id " + written + " kvm }", m -> Workspace.all(m, Lpar.class).get(0).getLparId()));
	}

	@ParameterizedTest
	@CsvSource({"256", "0x100"})
	void badLparIds(String written) {
		assertError("cec C { lpar L id " + written + " kvm }", "LPAR ids are 0-255", 19);
	}

	@ParameterizedTest
	@CsvSource({"4G,4294967296", "64K,65536", "512M,536870912", "1T,1099511627776", "1000,1000"})
	void sizes(String written, long bytes) {
		assertEquals(bytes, value("cec C { lpar L id 1 kvm memory " + written + " }", m -> Workspace.all(m, Lpar.class).get(0).getMemory()));
	}

	@ParameterizedTest
	@CsvSource({"16K", "24K", "40K", "64K"})
	void frameSizes(String written) {
		long bytes = value("cec C { chpid F4 iqd H frame " + written + " }", m -> Workspace.all(m, IqdChpid.class).get(0).getFrame());
		assertEquals(Long.parseLong(written.replace("K", "")) * 1024, bytes);
	}

	@ParameterizedTest
	@CsvSource({"32K", "8K", "1M"})
	void badFrameSizes(String written) {
		assertError("cec C { chpid F4 iqd H frame " + written + " }", "use 16K, 24K, 40K or 64K", 30);
	}

	@ParameterizedTest
	@CsvSource({"10.0.0.0/8", "172.18.0.0/15", "0.0.0.0/0", "192.168.1.7/32"})
	void subnets(String written) {
		assertEquals(written, value("network n " + written, m -> Workspace.all(m, Network.class).get(0).getCidr()));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {"10.0.0.1/8|host bits set: the subnet is 10.0.0.0/8", "10.0.0.0/33|/0 to /32",
			"10.0.0.256/24|256 is larger than 255", "10.0.0.0|needs a prefix length"})
	void badSubnets(String written, String message) {
		assertError("network n " + written, message, 11);
	}

	/** IPv6 in RFC 4291 text forms, kept in RFC 5952's canonical form (lower case, no leading zeros, the longest zero run as '::'). */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {"2001:db8:10::/48|2001:db8:10::/48", "2001:DB8:0010:0:0:0:0:0/48|2001:db8:10::/48", "::/0|::/0",
			"fd00:56::/64|fd00:56::/64", "2001:db8:0:0:1:0:0:0/80|2001:db8:0:0:1::/80", "2001:db8:0:1:0:0:0:0/64|2001:db8:0:1::/64",
			"1:2:3:4:5:6:7:0/128|1:2:3:4:5:6:7:0/128"})
	void ipv6Subnets(String written, String canonical) {
		assertEquals(canonical, value("network n " + written, m -> Workspace.all(m, Network.class).get(0).getCidr()));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {"2001:db8::1/64|host bits set: the subnet is 2001:db8::/64", "2001:db8::/129|/0 to /128",
			"2001:db8::|needs a prefix length", "2001:db8:::1/64|'::' may appear only once", "2001:db8::1::/64|'::' may appear only once",
			"1:2:3:4:5:6:7:8:9/64|it has 9 groups", "2001:db8g::/32|not a group of one to four hexadecimal digits",
			"12345::/16|not a group of one to four hexadecimal digits", "1:2:3:4:5:6:7::8/64|room for at most seven"})
	void badIpv6Subnets(String written, String message) {
		assertError("network n " + written, message, 11);
	}

	@org.junit.jupiter.api.Test
	void ipv6GatewaysAndAddresses() {
		String model = "cec C { chpid 10 osd lpar L id 1 kvm { osa enc1 device 0.0.1000 chpid 10 address 2001:DB8::0005/64 address 10.0.0.5/24\n"
				+ "route default via FE80::1 dev enc1 } }";
		assertEquals("fe80::1", value(model, m -> Workspace.all(m, HostRoute.class).get(0).getGateway()));
		assertEquals(List.of("2001:db8::5/64", "10.0.0.5/24"), value(model, m -> Workspace.all(m, org.zkvm.dsl.zknet.InterfaceAddress.class).stream()
				.map(org.zkvm.dsl.zknet.InterfaceAddress::getAddress).toList()));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {"6000-6003|6000-6003", "F500-F51F|F500-F51F", "f500-f51f|F500-F51F", "7000-703F|7000-703F", "6000|6000", "a|000A"})
	void deviceRanges(String written, String range) {
		assertEquals(range, value("cec C { chpid 10 osd devices " + written + " }", m -> Workspace.all(m, OsaChpid.class).get(0).getDevices()));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {"6003-6000|runs backwards", "12345|is not a device number"})
	void badDeviceRanges(String written, String message) {
		assertError("cec C { chpid 10 osd devices " + written + " }", message, 30);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {"0.0.f500", "0.1.0ab1", "0.0.F500", "0.0.f500,0.0.f501,0.0.f502"})
	void busIds(String written) {
		assertEquals(written, value("cec C { chpid 10 osd lpar L id 1 kvm { osa o device " + written + " chpid 10 } }",
				m -> Workspace.all(m, OsaInterface.class).get(0).getDevice()));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {"0.0.f500,0.0.f501|give the read device, or all three", "0.0.f5000|is not a bus-ID"})
	void badBusIds(String written, String message) {
		assertError("cec C { chpid 10 osd lpar L id 1 kvm { osa o device " + written + " chpid 10 } }", message, 53);
	}

	@ParameterizedTest
	@CsvSource({"2", "3"})
	void layers(int layer) {
		assertEquals(layer, value("cec C { chpid 10 osd lpar L id 1 kvm { osa o device 0.0.f500 chpid 10 layer " + layer + " } }",
				m -> Workspace.all(m, OsaInterface.class).get(0).getLayer()));
	}

	@org.junit.jupiter.api.Test
	void badLayer() {
		assertError("cec C { chpid 10 osd lpar L id 1 kvm { osa o device 0.0.f500 chpid 10 layer 4 } }", "use layer 2 or layer 3", 77);
	}

	@org.junit.jupiter.api.Test
	void gatewaysHaveNoPrefix() {
		assertError("cec C { lpar L id 1 kvm { route default via 10.0.0.1/8 } }", "a gateway is a single address", 45);
		assertEquals("10.0.0.1", value("cec C { lpar L id 1 kvm { route default via 10.0.0.1 } }",
				m -> Workspace.all(m, HostRoute.class).get(0).getGateway()));
	}

	@org.junit.jupiter.api.Test
	void uperfNames() {
		assertEquals("rr1c-200x1000--10", value("network n 10.0.0.0/8 workload w uperf \"rr1c-200x1000--10\" from n to n",
				m -> Workspace.all(m, Workload.class).get(0).getUperf()));
		assertError("network n 10.0.0.0/8 workload w uperf \"rr-fast\" from n to n", "is not a uperf workload name", 39);
	}

	@org.junit.jupiter.api.Test
	void addressTemplates() {
		assertEquals("10.136.{id}.254/24", value("scheme s { vnic \"10.136.{id}.254/24\" }",
				m -> ((VnicAddressRule) Workspace.all(m, AddressScheme.class).get(0).getRules().get(0)).getTemplate()));
		assertError("scheme s { vnic \"10.136.{lpar}.254\" }", "is not a number 0-255, {id} or {n}", 17);
		assertError("scheme s { vnic \"10.136.254\" }", "needs four parts", 17);
	}

	@org.junit.jupiter.api.Test
	void namesMayBeQuoted() {
		assertEquals("enc1000.100", value("cec C { chpid 10 osd lpar L id 1 kvm { osa \"enc1000.100\" device 0.0.f500 chpid 10 } }",
				m -> Workspace.all(m, OsaInterface.class).get(0).getName()));
		assertEquals("route", value("cec ^route { }", m -> Workspace.all(m, Cec.class).get(0).getName()));
	}
}
