package org.chatalot.model.admin;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /api/admin/stats}: counts for the dashboard. */
public record InstanceStats(@JsonProperty("users_total") long usersTotal,
                            @JsonProperty("users_active") long usersActive,
                            @JsonProperty("users_suspended") long usersSuspended,
                            @JsonProperty("online_now") long onlineNow,
                            @JsonProperty("open_sockets") long openSockets,
                            @JsonProperty("channels_total") long channelsTotal,
                            @JsonProperty("messages_total") long messagesTotal,
                            @JsonProperty("messages_per_day") List<DayCount> messagesPerDay,
                            @JsonProperty("files_total") long filesTotal,
                            @JsonProperty("storage_bytes") long storageBytes,
                            @JsonProperty("top_storage") List<UserStorage> topStorage,
                            @JsonProperty("active_users_per_day") List<DayCount> activeUsersPerDay) {

    /**
     * A count for one UTC day (the last 30 days, oldest first, zero days included): messages sent, or in
     * {@code active_users_per_day} the people who sent at least one.
     */
    public record DayCount(LocalDate day, long count) {
    }

    /** Files and bytes one user has stored. */
    public record UserStorage(@JsonProperty("user_id") java.util.UUID userId, String username, long files,
                              long bytes) {
    }
}
