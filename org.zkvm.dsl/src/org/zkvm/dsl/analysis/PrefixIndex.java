package org.zkvm.dsl.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Subnets with an owner each, indexed by network address and prefix length, so that whole-network
 * checks stay cheap: finding the subnets that contain an address costs 33 hash look-ups, and all
 * overlapping pairs come from one sort and a sweep, never from comparing every pair.
 */
public final class PrefixIndex<T> {

	public record Entry<T>(Ipv4Prefix subnet, T owner) {
	}

	public record Overlap<T>(Entry<T> first, Entry<T> second) {
	}

	private final List<Entry<T>> entries = new ArrayList<>();
	@SuppressWarnings("unchecked")
	private final Map<Integer, List<Entry<T>>>[] byLength = new Map[33];

	public void add(Ipv4Prefix prefix, T owner) {
		Ipv4Prefix subnet = prefix.subnet();
		Entry<T> entry = new Entry<>(subnet, owner);
		entries.add(entry);
		if (byLength[subnet.length()] == null) {
			byLength[subnet.length()] = new HashMap<>();
		}
		byLength[subnet.length()].computeIfAbsent(subnet.address().bits(), k -> new ArrayList<>()).add(entry);
	}

	public List<Entry<T>> entries() {
		return entries;
	}

	/** Every entry whose subnet contains the address, most specific first. */
	public List<Entry<T>> containing(Ipv4Address address) {
		List<Entry<T>> result = new ArrayList<>();
		for (int length = 32; length >= 0; length--) {
			Map<Integer, List<Entry<T>>> map = byLength[length];
			if (map != null) {
				int network = length == 0 ? 0 : address.bits() & (-1 << (32 - length));
				List<Entry<T>> hits = map.get(network);
				if (hits != null) {
					result.addAll(hits);
				}
			}
		}
		return result;
	}

	/** Entries with exactly this subnet. */
	public List<Entry<T>> equalTo(Ipv4Prefix prefix) {
		Ipv4Prefix subnet = prefix.subnet();
		Map<Integer, List<Entry<T>>> map = byLength[subnet.length()];
		List<Entry<T>> hits = map == null ? null : map.get(subnet.address().bits());
		return hits == null ? List.of() : hits;
	}

	/** Every pair of entries whose subnets overlap (equal or nested). */
	public List<Overlap<T>> overlaps() {
		List<Entry<T>> sorted = new ArrayList<>(entries);
		sorted.sort(Comparator.comparingLong((Entry<T> e) -> start(e)).thenComparing(e -> -end(e)));
		List<Overlap<T>> result = new ArrayList<>();
		// open intervals, ordered by start; any entry starting before an open interval ends overlaps it
		List<Entry<T>> open = new ArrayList<>();
		for (Entry<T> entry : sorted) {
			long start = start(entry);
			open.removeIf(o -> end(o) < start);
			for (Entry<T> o : open) {
				result.add(new Overlap<>(o, entry));
			}
			open.add(entry);
		}
		return result;
	}

	private static long start(Entry<?> e) {
		return Integer.toUnsignedLong(e.subnet().address().bits());
	}

	private static long end(Entry<?> e) {
		return start(e) + (1L << (32 - e.subnet().length())) - 1;
	}
}
