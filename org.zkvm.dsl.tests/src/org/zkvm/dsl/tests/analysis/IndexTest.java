package org.zkvm.dsl.tests.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.zkvm.dsl.analysis.AddressIndex;
import org.zkvm.dsl.analysis.InterfaceNames;
import org.zkvm.dsl.analysis.Ipv4Address;
import org.zkvm.dsl.analysis.Ipv4Prefix;
import org.zkvm.dsl.analysis.MtuLimits;
import org.zkvm.dsl.analysis.NodeNames;
import org.zkvm.dsl.analysis.PrefixIndex;

/** The whole-network indexes and the name and MTU rules behind the checks. */
class IndexTest {

	@Test
	void prefixIndexFindsContainingSubnetsMostSpecificFirst() {
		PrefixIndex<String> index = new PrefixIndex<>();
		index.add(Ipv4Prefix.parse("10.131.11.254/8"), "production");
		index.add(Ipv4Prefix.parse("10.136.11.254/24"), "LPAR11 guests");
		index.add(Ipv4Prefix.parse("172.31.56.1/24"), "hipersockets");
		List<String> owners = index.containing(Ipv4Address.parse("10.136.11.7")).stream().map(PrefixIndex.Entry::owner).toList();
		assertEquals(List.of("LPAR11 guests", "production"), owners);
		assertEquals(List.of(), index.containing(Ipv4Address.parse("192.168.0.1")));
		assertEquals("production", index.equalTo(Ipv4Prefix.parse("10.0.0.0/8")).get(0).owner());
	}

	@Test
	void overlapsComeFromOneSweep() {
		PrefixIndex<String> index = new PrefixIndex<>();
		index.add(Ipv4Prefix.parse("10.136.11.0/24"), "a");
		index.add(Ipv4Prefix.parse("10.136.12.0/24"), "b");
		index.add(Ipv4Prefix.parse("10.136.0.0/16"), "c");
		index.add(Ipv4Prefix.parse("10.136.12.0/24"), "d");
		List<String> pairs = index.overlaps().stream().map(o -> o.first().owner() + o.second().owner()).sorted().toList();
		assertEquals(List.of("bd", "ca", "cb", "cd"), pairs, "a /16 overlaps its /24s, equal subnets overlap, disjoint ones do not");
	}

	@Test
	void overlapSweepScalesToManySubnets() {
		PrefixIndex<Integer> index = new PrefixIndex<>();
		for (int i = 0; i < 60_000; i++) {
			index.add(new Ipv4Prefix(new Ipv4Address((10 << 24) | (i << 8)), 24), i);
		}
		index.add(Ipv4Prefix.parse("10.0.5.0/24"), -1);
		assertEquals(1, index.overlaps().size(), "one duplicate among 60,000 disjoint subnets");
	}

	@Test
	void addressIndexGroupsDuplicates() {
		AddressIndex<String> index = new AddressIndex<>();
		index.add(Ipv4Address.parse("10.131.11.254"), "LPAR11");
		index.add(Ipv4Address.parse("10.131.12.254"), "LPAR12");
		index.add(Ipv4Address.parse("10.131.11.254"), "LPAR13");
		assertEquals(List.of(List.of("LPAR11", "LPAR13")), index.duplicates());
	}

	@Test
	void interfaceNamesFollowTheKernelAndStayScriptSafe() {
		assertTrue(InterfaceNames.problem("abcdefghijklmno").isEmpty(), "15 characters are allowed");
		assertTrue(InterfaceNames.problem("enc1000.100").isEmpty(), "VLAN names with a dot are allowed");
		assertTrue(InterfaceNames.problem("abcdefghijklmnop").orElseThrow().contains("16 characters"));
		assertTrue(InterfaceNames.problem("a:b").isPresent());
		assertTrue(InterfaceNames.problem("a/b").isPresent());
		assertTrue(InterfaceNames.problem("a b").orElseThrow().contains("whitespace"));
		assertTrue(InterfaceNames.problem("x;rm").isPresent());
		assertTrue(InterfaceNames.problem("$(id)").isPresent());
		assertTrue(InterfaceNames.problem("..").isPresent());
	}

	@Test
	void nodeNames() {
		assertTrue(NodeNames.problem("ATLANTA").isEmpty());
		assertTrue(NodeNames.problem("SYS@#$1").isEmpty());
		assertTrue(NodeNames.problem("BOSTONHARBOR").isPresent());
		assertTrue(NodeNames.problem("atlanta").isPresent());
		assertTrue(NodeNames.problem("").isPresent());
	}

	@Test
	void mtuRangesOfTheFactsSheet() {
		assertEquals(9000, MtuLimits.osa(2).max());
		assertEquals(8992, MtuLimits.osa(3).max());
		assertEquals(1492, MtuLimits.osaDefault(3));
		assertEquals(65527, MtuLimits.ctc().max());
		assertEquals(32764, MtuLimits.iucv().max());
		assertEquals(8992, MtuLimits.osa(3).clamp(9000));
		assertEquals(576, MtuLimits.osa(2).clamp(100));
	}
}
