package org.chatalot.admin.health;

/** One poll on the latency chart: seconds since the dashboard started, round trip in ms, whether it answered ok. */
public record LatencyPoint(double secondsSinceStart, double millis, boolean ok) {
}
