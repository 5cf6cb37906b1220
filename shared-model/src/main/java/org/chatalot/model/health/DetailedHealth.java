package org.chatalot.model.health;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The operator's view of the server: served on the loopback listener and to admins. {@code findings} lists what
 * needs attention (empty when nothing does); clients should show fields they do not know rather than fail.
 * {@code selfCheck} is the latest look at the public URL through the proxy (null when PUBLIC_URL is unset or
 * no check has run yet).
 */
public record DetailedHealth(String status,
                             String version,
                             @JsonProperty("uptime_secs") long uptimeSecs,
                             @JsonProperty("db_healthy") boolean dbHealthy,
                             @JsonProperty("db_latency_ms") double dbLatencyMs,
                             @JsonProperty("disk_free_bytes") long diskFreeBytes,
                             @JsonProperty("disk_total_bytes") long diskTotalBytes,
                             @JsonProperty("heap_used_bytes") long heapUsedBytes,
                             @JsonProperty("heap_max_bytes") long heapMaxBytes,
                             @JsonProperty("open_sockets") int openSockets,
                             @JsonProperty("realtime_sessions") int realtimeSessions,
                             @JsonProperty("messages_last_minute") long messagesLastMinute,
                             @JsonProperty("shutting_down") boolean shuttingDown,
                             @JsonProperty("java_version") String javaVersion,
                             List<HealthFinding> findings,
                             @JsonProperty("self_check") SelfCheck selfCheck) {

    /** Without a self-check: a server with no PUBLIC_URL, or one that has not checked yet. */
    public DetailedHealth(String status, String version, long uptimeSecs, boolean dbHealthy, double dbLatencyMs,
                          long diskFreeBytes, long diskTotalBytes, long heapUsedBytes, long heapMaxBytes,
                          int openSockets, int realtimeSessions, long messagesLastMinute, boolean shuttingDown,
                          String javaVersion, List<HealthFinding> findings) {
        this(status, version, uptimeSecs, dbHealthy, dbLatencyMs, diskFreeBytes, diskTotalBytes, heapUsedBytes,
                heapMaxBytes, openSockets, realtimeSessions, messagesLastMinute, shuttingDown, javaVersion, findings,
                null);
    }
}
