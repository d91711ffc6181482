package org.zkvm.dsl.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Addresses with their owners, hashed: duplicates are found without comparing every pair. */
public final class AddressIndex<T> {

	private final Map<Integer, List<T>> owners = new HashMap<>();

	public void add(Ipv4Address address, T owner) {
		owners.computeIfAbsent(address.bits(), k -> new ArrayList<>(1)).add(owner);
	}

	public List<T> owners(Ipv4Address address) {
		return owners.getOrDefault(address.bits(), List.of());
	}

	/** Every group of two or more owners of one address. */
	public List<List<T>> duplicates() {
		return owners.values().stream().filter(list -> list.size() > 1).toList();
	}
}
