package org.zkvm.dsl.generator;

import java.util.Map;

/**
 * A distribution's own persistent network files for one machine (host or guest), rendered from its
 * NetworkPlan: wicked (SUSE), NetworkManager keyfiles (RHEL) or netplan (Ubuntu).
 */
public interface DistributionFiles {

	/** File path under the machine's output folder (in a folder named after the tool that reads the files) to content. */
	Map<String, String> files(NetworkPlan plan, String source);
}
