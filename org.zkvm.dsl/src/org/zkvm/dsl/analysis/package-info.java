/**
 * Pure domain computations for IBM Z networks: IPv4 address math, qeth bus-IDs and device
 * numbers, sizes, HiperSockets frame sizes and MTUs, FICON link speeds.
 * <p>
 * Nothing in this package depends on Xtext or on the EMF model: value converters, validators,
 * generators and reports all call it, and it is tested on its own.
 */
package org.zkvm.dsl.analysis;
