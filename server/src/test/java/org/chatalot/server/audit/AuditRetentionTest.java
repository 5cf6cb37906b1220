package org.chatalot.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.server.audit.AuditLog.AuditEntry;
import org.chatalot.server.common.Origin;
import org.chatalot.server.config.ConfigLoader;
import org.chatalot.server.db.Database;
import org.chatalot.server.db.Ids;

/** The retention job's query, on a real database: entries past the cutoff go, the rest stay. */
class AuditRetentionTest {
    @TempDir
    Path dir;

    @Test
    void entriesOlderThanTheCutoffAreDeletedAndNewerOnesKept() {
        var storage = ConfigLoader.load(Map.of("DATA_DIR", dir.toString())).config().storage();
        Instant now = Instant.parse("2026-11-27T12:00:00Z");
        try (Database database = Database.open(storage)) {
            write(database, now.minus(Duration.ofDays(91)), "old.entry");
            write(database, now.minus(Duration.ofDays(89)), "recent.entry");
            var log = new AuditLog(database.sql(), new Ids(Clock.fixed(now, ZoneOffset.UTC)), Clock.fixed(now,
                    ZoneOffset.UTC));

            long removed = log.deleteOlderThan(now.minus(Duration.ofDays(90)));

            var left = new AuditQuery(database.sql()).page(new AuditQuery.Filter(null, null, null, null, null, null), null,
                    10);
            assertThat(removed).isEqualTo(1);
            assertThat(left.entries()).extracting(e -> e.action()).containsExactly("recent.entry");
        }
    }

    private static void write(Database database, Instant at, String action) {
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        new AuditLog(database.sql(), new Ids(clock), clock)
                .record(AuditEntry.by(null, "test", action, new Origin("127.0.0.1", null)));
    }
}
