package org.chatalot.server.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.helidon.dbclient.DbRow;

/** Typed reads of columns; H2 reports unquoted labels in upper case, so callers pass them that way. */
public final class Rows {

    private Rows() {
    }

    public static String string(DbRow row, String column) {
        return row.column(column).get(String.class);
    }

    public static UUID uuid(DbRow row, String column) {
        Object value = row.column(column).get();
        return value == null ? null : value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    public static Instant instant(DbRow row, String column) {
        Object value = row.column(column).get();
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Instant time) {
            return time;
        }
        if (value instanceof java.sql.Timestamp time) {
            return time.toInstant();
        }
        throw new IllegalStateException("column " + column + " is not a timestamp: " + value.getClass());
    }

    public static long longValue(DbRow row, String column) {
        Object value = row.column(column).get();
        return value == null ? 0 : ((Number) value).longValue();
    }

    public static int intValue(DbRow row, String column) {
        return (int) longValue(row, column);
    }

    public static boolean bool(DbRow row, String column) {
        Object value = row.column(column).get();
        return value != null && (Boolean) value;
    }
}
