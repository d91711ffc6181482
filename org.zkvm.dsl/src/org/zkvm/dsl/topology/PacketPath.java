package org.zkvm.dsl.topology;

import java.util.List;

/**
 * The path a packet takes from a guest towards a partner, hop by hop with each hop's MTU (seed 002,
 * "Scaling MTU size 56k vs 1500"): through a routed bridge the host's IP stack forwards and
 * fragments where the next MTU is smaller; through an attached OSA or MacVTap the frame stays at
 * layer 2, so a guest MTU above the OSA's means lost frames ("I/O errors on the receiver side").
 * The report's paths are computed by the one path engine, the lab's simulation of the kernel
 * (lab.WorkloadPaths over lab.Reachability); these are the records it fills.
 */
public record PacketPath(String from, String to, List<PacketPath.Hop> hops) {

	public enum Event {
		NONE, FRAGMENTS, CUT_OFF
	}

	/** One hop: what it is, its MTU, and what happens to a full-size packet arriving from the previous hop. */
	public record Hop(String element, int mtu, Event event, String note) {
	}

	public int pathMtu() {
		return hops.stream().mapToInt(Hop::mtu).min().orElse(0);
	}

	public boolean cutOff() {
		return hops.stream().anyMatch(h -> h.event() == Event.CUT_OFF);
	}
}
