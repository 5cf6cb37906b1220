/**
 * Our server under test: started as its own process (from the jar, or from a classpath in tests), set up
 * over its REST API, and driven over its WebSocket protocol.
 */
package org.chatalot.bench.chatalot;
