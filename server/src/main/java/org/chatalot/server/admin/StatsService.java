package org.chatalot.server.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import org.chatalot.model.admin.InstanceStats;
import org.chatalot.server.db.Ids;
import org.chatalot.server.db.Rows;
import org.chatalot.server.db.Sql;
import org.chatalot.server.user.User;
import org.chatalot.server.user.UserRepository;

/** The counts on the admin dashboard. */
public final class StatsService {
    static final int DAYS = 30;
    static final int TOP_STORAGE = 10;

    private final Sql sql;
    private final UserRepository users;
    private final StorageUsage storage;
    private final Live live;
    private final Clock clock;

    public StatsService(Sql sql, UserRepository users, StorageUsage storage, Live live, Clock clock) {
        this.sql = sql;
        this.users = users;
        this.storage = storage;
        this.live = live;
        this.clock = clock;
    }

    /** What the realtime hub knows right now. */
    public record Live(IntSupplier onlineUsers, IntSupplier openSockets) {
    }

    public InstanceStats stats() {
        Map<String, Long> byStatus = new HashMap<>();
        sql.list("admin-user-counts", row -> byStatus.put(Rows.string(row, "STATUS"), Rows.longValue(row, "CNT")));
        long active = byStatus.getOrDefault("active", 0L);
        long suspended = byStatus.getOrDefault("suspended", 0L);
        StorageUsage.Usage total = storage.total();
        return new InstanceStats(active + suspended, active, suspended, live.onlineUsers().getAsInt(),
                live.openSockets().getAsInt(), count("admin-channel-count"), count("admin-message-count"),
                perDay("admin-messages-per-day"), total.files(), total.bytes(), topStorage(),
                perDay("admin-active-users-per-day"));
    }

    /** A per-day count over the last 30 UTC days including today, oldest first, days without any as zero. */
    private List<InstanceStats.DayCount> perDay(String statement) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(DAYS - 1L);
        Map<LocalDate, Long> counts = new HashMap<>();
        sql.list(statement, row -> counts.put(day(Rows.raw(row, "MSG_DAY")), Rows.longValue(row, "CNT")),
                Ids.lowestAt(first.atStartOfDay(ZoneOffset.UTC).toInstant()));
        List<InstanceStats.DayCount> days = new ArrayList<>(DAYS);
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            days.add(new InstanceStats.DayCount(day, counts.getOrDefault(day, 0L)));
        }
        return days;
    }

    private List<InstanceStats.UserStorage> topStorage() {
        return storage.byUser().entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<java.util.UUID, StorageUsage.Usage> e) ->
                        e.getValue().bytes()).reversed())
                .limit(TOP_STORAGE)
                .map(e -> new InstanceStats.UserStorage(e.getKey(),
                        users.byId(e.getKey()).map(User::toPublicProfile).map(p -> p.username()).orElse(null),
                        e.getValue().files(), e.getValue().bytes()))
                .toList();
    }

    private long count(String statement) {
        return sql.one(statement, row -> Rows.longValue(row, "CNT")).orElse(0L);
    }

    private static LocalDate day(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
