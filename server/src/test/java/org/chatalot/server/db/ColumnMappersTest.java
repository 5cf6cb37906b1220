package org.chatalot.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;

import io.helidon.dbclient.DbRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.server.testing.TestDatabase;

/**
 * DB Client built with its mappers named (ColumnMappers) instead of discovered through Helidon's service registry
 * still converts a column read as another type: Helidon's built-in conversions and DB Client's own for SQL times.
 */
class ColumnMappersTest {
    @Test
    void aColumnReadAsAnotherTypeIsConvertedAsBefore(@TempDir Path dir) {
        try (Database database = TestDatabase.open(dir)) {
            DbRow row = database.client().execute()
                    .get("SELECT '42' AS TEXT, TIMESTAMP '2026-12-07 08:30:00' AS AT, 7 AS SEVEN")
                    .orElseThrow();

            assertThat(row.column("TEXT").get(Integer.class)).isEqualTo(42);
            assertThat(row.column("AT").get(LocalDateTime.class)).isEqualTo(LocalDateTime.of(2026, 12, 7, 8, 30));
            assertThat(row.column("SEVEN").get(Integer.class)).isEqualTo(7);
            assertThat(database.ping().healthy()).isTrue();
        }
    }
}
