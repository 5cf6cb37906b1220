package org.chatalot.server.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.chatalot.server.config.ServerConfig;
import org.chatalot.server.db.Database;

/**
 * Real H2 for tests below the server (no HTTP): a file database in the test's folder, migrated and durable
 * as the server's, and the few rows such a test needs before it can store anything.
 */
public final class TestDatabase {
    private TestDatabase() {
    }

    public static Database open(Path dataDir) {
        return Database.open(new ServerConfig.Storage(dataDir,
                "jdbc:h2:file:" + dataDir.resolve("db") + ";WRITE_DELAY=0", 0));
    }

    /** An active member who may sign in with nothing (the hash is no password's). */
    public static void insertUser(Database database, UUID id, String username, Instant createdAt)
            throws SQLException {
        execute(database, "INSERT INTO app_user (id, username, username_key, display_name, password_hash, role, "
                + "status, created_at, updated_at) VALUES (?, ?, ?, ?, 'x', 'member', 'active', ?, ?)",
                id, username, username, username, createdAt, createdAt);
    }

    /** A public text channel. */
    public static void insertChannel(Database database, UUID id, String name, UUID createdBy, Instant createdAt)
            throws SQLException {
        execute(database, "INSERT INTO channel (id, kind, visibility, name, created_by, created_at) "
                + "VALUES (?, 'text', 'public', ?, ?, ?)", id, name, createdBy, createdAt);
    }

    /** Runs one statement; an {@link Instant} parameter is stored as a timestamp. */
    public static void execute(Database database, String statement, Object... params) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                Object value = params[i] instanceof Instant at ? Timestamp.from(at) : params[i];
                prepared.setObject(i + 1, value);
            }
            prepared.executeUpdate();
        }
    }
}
