/**
 * What every workload measures with: latency samples, the marker carried in each benchmark message, the
 * CPU and memory of a server process tree, the loopback-only guard, free ports and the machine's description.
 */
package org.chatalot.bench.core;
