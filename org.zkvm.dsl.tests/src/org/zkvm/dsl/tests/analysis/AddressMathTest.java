package org.zkvm.dsl.tests.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.zkvm.dsl.analysis.AddressTemplate;
import org.zkvm.dsl.analysis.BusId;
import org.zkvm.dsl.analysis.DeviceRange;
import org.zkvm.dsl.analysis.HiperSocketsFrame;
import org.zkvm.dsl.analysis.IpAddress;
import org.zkvm.dsl.analysis.IpPrefix;
import org.zkvm.dsl.analysis.Ipv4Address;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.analysis.Ipv6Address;
import org.zkvm.dsl.analysis.Ipv6Prefix;
import org.zkvm.dsl.analysis.MalformedValueException;
import org.zkvm.dsl.analysis.Sizes;
import org.zkvm.dsl.analysis.UperfWorkload;

/** The pure domain computations, without the parser. */
class AddressMathTest {

	/** udev's predictable name of a qeth device's interface (systemd, udev-builtin-net_id.c, names_ccw). */
	@Test
	void busIdsGiveUdevsPredictableNames() {
		assertEquals("encf500", org.zkvm.dsl.analysis.BusId.parse("0.0.f500").predictableName());
		assertEquals("enc500", org.zkvm.dsl.analysis.BusId.parse("0.0.0500").predictableName());
		assertEquals("enc1.0500", org.zkvm.dsl.analysis.BusId.parse("0.1.0500").predictableName());
		assertEquals("enc0", org.zkvm.dsl.analysis.BusId.parse("0.0.0000").predictableName());
	}

	@Test
	void ipv6AddressesInTheirCanonicalForm() {
		assertEquals("2001:db8::5", Ipv6Address.parse("2001:0DB8:0000:0000:0000:0000:0000:0005").toString());
		assertEquals("2001:db8:0:1::", Ipv6Address.parse("2001:db8:0:1:0:0:0:0").toString(), "the longest zero run");
		assertEquals("2001:0:0:1::1", Ipv6Address.parse("2001:0:0:1:0:0:0:1").toString(), "the longer of two runs");
		assertEquals("2001:db8::1:0:0:1", Ipv6Address.parse("2001:db8:0:0:1:0:0:1").toString(), "the first of equally long runs");
		assertEquals("2001:db8:0:1:1:1:1:1", Ipv6Address.parse("2001:db8::1:1:1:1:1").toString(), "a single zero group is no run");
		assertEquals("::", Ipv6Address.parse("::").toString());
		assertEquals("::1", Ipv6Address.parse("::1").toString());
		assertEquals("fe80::", Ipv6Address.parse("fe80::").toString());
		assertTrue(Ipv6Address.parse("fe80::1").isLinkLocal());
		assertTrue(Ipv6Address.parse("febf:ffff::1").isLinkLocal());
		assertFalse(Ipv6Address.parse("fec0::1").isLinkLocal());
		assertFalse(Ipv6Address.parse("2001:db8::1").isLinkLocal());
		assertEquals(Ipv6Address.parse("2001:db8::1:0:0:0:0"), Ipv6Address.parse("2001:db8::ffff:ffff:ffff:ffff").plus(1), "carries into the high half");
		assertTrue(Ipv6Address.parse("2001:db8::2").compareTo(Ipv6Address.parse("fd00::1")) < 0);
		assertTrue(Ipv6Address.parse("ffff::").compareTo(Ipv6Address.parse("1::")) > 0, "unsigned order");
		assertThrows(MalformedValueException.class, () -> Ipv6Address.parse("1:2:3:4:5:6:7"));
		assertThrows(MalformedValueException.class, () -> Ipv6Address.parse("::ffff:10.0.0.1"));
		assertThrows(MalformedValueException.class, () -> Ipv6Address.parse("fe80::1%eth0"));
	}

	@Test
	void ipv6Prefixes() {
		Ipv6Prefix host = Ipv6Prefix.parse("2001:db8:10:131::11/48");
		assertEquals("2001:db8:10::/48", host.subnet().toString());
		assertFalse(host.isSubnet());
		assertTrue(host.subnet().contains(Ipv6Address.parse("2001:db8:10:136:11::1")));
		assertFalse(host.subnet().contains(Ipv6Address.parse("2001:db8:11::1")));
		assertTrue(Ipv6Prefix.parse("2001:db8:10:136:11::/80").contains(Ipv6Address.parse("2001:db8:10:136:11::ffff")));
		assertFalse(Ipv6Prefix.parse("2001:db8:10:136:11::/80").contains(Ipv6Address.parse("2001:db8:10:136:12::1")));
		assertTrue(Ipv6Prefix.parse("2001:db8::/127").contains(Ipv6Address.parse("2001:db8::1")));
		assertFalse(Ipv6Prefix.parse("2001:db8::/127").contains(Ipv6Address.parse("2001:db8::2")));
		assertTrue(Ipv6Prefix.parse("::/0").contains(Ipv6Address.parse("ffff::1")));
		assertTrue(Ipv6Prefix.parse("2001:db8:10::/48").overlaps(Ipv6Prefix.parse("2001:db8:10:136::/64")));
		assertFalse(Ipv6Prefix.parse("2001:db8:10::/48").overlaps(Ipv6Prefix.parse("2001:db8:11::/48")));
		assertFalse(Ipv6Prefix.parse("::/0").contains(Ipv4Address.parse("10.0.0.1")), "an IPv4 address is in no IPv6 prefix");
		assertFalse(Ipv4Prefix.parse("0.0.0.0/0").contains((IpAddress) Ipv6Address.parse("::1")), "nor the other way round");
		assertEquals(128, Ipv6Prefix.parse("2001:db8::1", false).length());
		assertTrue(IpPrefix.parse("2001:db8::/32", true) instanceof Ipv6Prefix);
		assertTrue(IpPrefix.parse("10.0.0.0/8", true) instanceof Ipv4Prefix);
	}

	/** IPv6 templates put the decimal digits of {id} and {n} into a group, so the IPv4 and IPv6 addresses read alike. */
	@Test
	void ipv6AddressTemplates() {
		assertEquals("2001:db8:10:136:11::5/80", AddressTemplate.parse("2001:db8:10:136:{id}::{n}/80").expand(11, 5, 64).toString());
		assertEquals("2001:db8:136:11::fe/64", AddressTemplate.parse("2001:db8:136:{id}::fe").expand(11, 0, 64).toString());
		assertThrows(MalformedValueException.class, () -> AddressTemplate.parse("2001:db8:{lpar}::1"));
		assertThrows(MalformedValueException.class, () -> AddressTemplate.parse("2001:db8:::{n}"));
	}

	@Test
	void prefixes() {
		Ipv4Prefix host = Ipv4Prefix.parse("10.131.11.254/8");
		assertEquals("10.0.0.0/8", host.subnet().toString());
		assertFalse(host.isSubnet());
		assertEquals("255.254.0.0", Ipv4Prefix.parse("172.18.0.0/15").netmask());
		assertTrue(Ipv4Prefix.parse("10.0.0.0/8").contains(Ipv4Prefix.parse("10.136.11.0/24")));
		assertFalse(Ipv4Prefix.parse("10.136.11.0/24").contains(Ipv4Prefix.parse("10.0.0.0/8")));
		assertTrue(Ipv4Prefix.parse("10.136.11.0/24").overlaps(Ipv4Prefix.parse("10.0.0.0/8")));
		assertFalse(Ipv4Prefix.parse("10.136.11.0/24").overlaps(Ipv4Prefix.parse("10.136.12.0/24")));
		assertTrue(Ipv4Prefix.parse("0.0.0.0/0").contains(Ipv4Address.parse("255.255.255.255")));
		assertEquals(32, Ipv4Prefix.parse("10.0.0.1", false).length());
		assertThrows(MalformedValueException.class, () -> Ipv4Prefix.parse("10.0.0.1"));
		assertThrows(MalformedValueException.class, () -> Ipv4Address.parse("10.0.0"));
		assertThrows(MalformedValueException.class, () -> Ipv4Address.parse("10.0.0.-1"));
		assertEquals(0, Ipv4Address.parse("200.1.1.1").compareTo(Ipv4Address.of(200, 1, 1, 1)));
		assertTrue(Ipv4Address.parse("200.1.1.1").compareTo(Ipv4Address.parse("10.1.1.1")) > 0, "unsigned order");
	}

	@Test
	void deviceNumbers() {
		DeviceRange range = DeviceRange.parse("6000-6003");
		assertEquals(4, range.count());
		assertEquals(List.of(0x6000, 0x6001, 0x6002, 0x6003), range.devices());
		assertEquals("F500-F51F", DeviceRange.parse("f500-f51f").toString());
		assertTrue(DeviceRange.parse("F500-F51F").contains(0xF50A));
		assertThrows(MalformedValueException.class, () -> DeviceRange.parse("6003-6000"));
		assertThrows(MalformedValueException.class, () -> DeviceRange.parse("G000"));
	}

	@Test
	void busIds() {
		assertEquals("0.0.f500", BusId.parse("0.0.F500").toString());
		assertEquals("0.0.f501", BusId.parse("0.0.f500").next(1).toString());
		assertTrue(BusId.isCanonical("0.0.f500"));
		assertFalse(BusId.isCanonical("0.0.F500"));
		assertFalse(BusId.isCanonical("0.0.500"));
		assertThrows(MalformedValueException.class, () -> BusId.parse("0.0"));
	}

	@Test
	void sizesAndFrames() {
		assertEquals(4L << 30, Sizes.parse("4G"));
		assertEquals("64K", Sizes.format(65536));
		assertEquals("1000", Sizes.format(1000));
		assertThrows(MalformedValueException.class, () -> Sizes.parse("4X"));
		assertEquals(57344, HiperSocketsFrame.ofBytes(64 * 1024).orElseThrow().mtu());
		assertEquals("C0", HiperSocketsFrame.FRAME_64K.iocpOs());
		assertEquals(8192, HiperSocketsFrame.DEFAULT.mtu());
		assertTrue(HiperSocketsFrame.ofBytes(32 * 1024).isEmpty());
	}

	@Test
	void addressTemplates() {
		AddressTemplate guests = AddressTemplate.parse("10.136.{id}.{n}/24");
		assertEquals("10.136.11.3/24", guests.expand(11, 3, 32).toString());
		assertTrue(guests.usesGuestNumber());
		assertEquals("10.131.11.254/8", AddressTemplate.parse("10.131.{id}.254").expand(11, 0, 8).toString());
		assertThrows(MalformedValueException.class, () -> AddressTemplate.parse("10.131.{x}.254"));
		assertThrows(MalformedValueException.class, () -> AddressTemplate.parse("10.131.{id}.254/40"));
	}

	@Test
	void uperfNames() {
		UperfWorkload rr = UperfWorkload.parse("rr1c-200x1000--10");
		assertFalse(rr.streaming());
		assertEquals(200, rr.requestBytes());
		assertEquals(1000, rr.responseBytes());
		assertEquals(10, rr.connections());
		UperfWorkload str = UperfWorkload.parse("str-readx30k--50");
		assertTrue(str.streaming());
		assertTrue(str.read());
		assertEquals(30 * 1024, str.messageBytes());
		assertEquals(50, str.connections());
		assertThrows(MalformedValueException.class, () -> UperfWorkload.parse("rr1c-200x1000"));
	}
}
