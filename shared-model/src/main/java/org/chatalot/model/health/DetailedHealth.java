package org.chatalot.model.health;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The operator's view of the server: served on the loopback listener and to admins. */
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
                             @JsonProperty("java_version") String javaVersion) {
}
