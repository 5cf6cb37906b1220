package org.chatalot.server.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.helidon.dbclient.DbRow;

/** Typed reads of columns; H2 reports unquoted labels in upper case, so callers pass them that way. */
public final class Rows {

    private Rows() {
    }

    /** The column's value, or null for SQL NULL (DB Client's own get() throws on NULL). */
    public static Object raw(DbRow row, String column) {
        return row.column(column).asOptional().orElse(null);
    }

    public static String string(DbRow row, String column) {
        Object value = raw(row, column);
        return value == null ? null : value.toString();
    }

    public static byte[] bytes(DbRow row, String column) {
        return (byte[]) raw(row, column);
    }

    public static Integer nullableInt(DbRow row, String column) {
        Object value = raw(row, column);
        return value == null ? null : ((Number) value).intValue();
    }

    public static UUID uuid(DbRow row, String column) {
        Object value = raw(row, column);
        return value == null ? null : value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    public static Instant instant(DbRow row, String column) {
        Object value = raw(row, column);
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
        Object value = raw(row, column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    public static int intValue(DbRow row, String column) {
        return (int) longValue(row, column);
    }

    public static boolean bool(DbRow row, String column) {
        Object value = raw(row, column);
        return value != null && (Boolean) value;
    }
}
