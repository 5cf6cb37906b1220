package org.chatalot.server.settings;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.chatalot.server.db.Rows;
import org.chatalot.server.db.Sql;

/** Key/value rows of {@code instance_setting}. */
public final class InstanceSettingsRepository {
    private final Sql sql;
    private final Clock clock;

    public InstanceSettingsRepository(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    public Optional<String> get(String name) {
        return sql.one("setting-get", row -> Rows.string(row, "SETTING_VALUE"), name);
    }

    public void put(String name, String value) {
        sql.update("setting-put", name, value, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    }
}
