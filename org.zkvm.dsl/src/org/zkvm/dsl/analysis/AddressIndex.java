package org.zkvm.dsl.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Addresses with their owners, in address order: duplicates are found without comparing every pair, and a prefix's addresses as a range. */
public final class AddressIndex<T> {

	private final NavigableMap<Long, List<T>> owners = new TreeMap<>();

	public void add(Ipv4Address address, T owner) {
		owners.computeIfAbsent(Integer.toUnsignedLong(address.bits()), k -> new ArrayList<>(1)).add(owner);
	}

	public List<T> owners(Ipv4Address address) {
		return owners.getOrDefault(Integer.toUnsignedLong(address.bits()), List.of());
	}

	/** The addresses with owners inside the prefix, in order. */
	public List<Ipv4Address> within(Ipv4Prefix prefix) {
		long first = Integer.toUnsignedLong(prefix.networkAddress().bits());
		long last = first + (1L << (32 - prefix.length())) - 1;
		return owners.subMap(first, true, last, true).keySet().stream().map(bits -> new Ipv4Address((int) (long) bits)).toList();
	}

	/** Every group of two or more owners of one address. */
	public List<List<T>> duplicates() {
		return owners.values().stream().filter(list -> list.size() > 1).toList();
	}
}
