/**
 * The model read as a network: effective layers and MTUs, resolved addresses (explicit or from an
 * address scheme), the filter rules the seed derives for a host, and a whole-network index by
 * address and subnet shared by the validators, the quick fixes, the generators and the reports.
 * The arithmetic itself is in {@link org.zkvm.dsl.analysis}.
 */
package org.zkvm.dsl.topology;
