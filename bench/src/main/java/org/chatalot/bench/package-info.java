/**
 * Benchmarks: the real server jar in its own process (pinned to one core where taskset exists), driven
 * from this process over real HTTP and WebSockets, with results written as JSON and into
 * docs/performance.md.
 */
package org.chatalot.bench;
