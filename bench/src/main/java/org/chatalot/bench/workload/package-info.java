/**
 * The workloads of issue 10 (W1 fan-out … W7 durable writes). Each is bounded in message count and time,
 * talks to servers on loopback only, and returns plain result records; reporting happens elsewhere.
 */
package org.chatalot.bench.workload;
