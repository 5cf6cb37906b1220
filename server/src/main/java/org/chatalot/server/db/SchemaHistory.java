package org.chatalot.server.db;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * What Flyway's history table says, read with one query: whether the database is already at this release's
 * schema (a restart then does not start Flyway at all; its classpath scan and validation were about a third of
 * the start-up time on a small box) and which applied migrations this release does not know. Anything unusual
 * (no history yet, a failed migration, a version that is not a plain number) reads as "not current", and the
 * start goes through Flyway as before.
 */
record SchemaHistory(boolean isCurrent, List<String> newerThanThisRelease) {
    /**
     * The newest migration in {@code db/migration}; {@code MigrationsTest} fails when a migration file is added
     * without raising this, since a number lower than the newest file would skip that migration here.
     */
    static final int NEWEST_MIGRATION = 7;
    private static final BigInteger NEWEST = BigInteger.valueOf(NEWEST_MIGRATION);

    static SchemaHistory read(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT \"version\", \"description\", \"success\" FROM "
                     + "\"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
            BigInteger newest = null;
            boolean failed = false;
            List<String> newer = new ArrayList<>();
            while (rows.next()) {
                BigInteger version = new BigInteger(rows.getString(1));
                failed |= !rows.getBoolean(3);
                if (version.compareTo(NEWEST) > 0) {
                    newer.add(rows.getString(1) + " (" + rows.getString(2) + ")");
                }
                newest = newest == null || version.compareTo(newest) > 0 ? version : newest;
            }
            return new SchemaHistory(!failed && NEWEST.equals(newest), List.copyOf(newer));
        } catch (SQLException | NumberFormatException e) {
            // no history table yet (an empty database), or versions this release never writes: Flyway decides
            return new SchemaHistory(false, List.of());
        }
    }
}
