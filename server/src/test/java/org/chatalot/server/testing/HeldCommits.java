package org.chatalot.server.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Holds a channel's row lock from a second connection to the server's database (the same in-process H2), so
 * the message writer's next commit (which updates that row) waits until this is closed, or fails after H2's
 * two-second lock timeout: a slow disk, on demand, to keep messages in flight.
 */
public final class HeldCommits implements AutoCloseable {
    private final Connection connection;

    private HeldCommits(Connection connection) {
        this.connection = connection;
    }

    public static HeldCommits on(TestServer server, UUID channelId) throws SQLException {
        Connection connection = DriverManager.getConnection(server.server().config().storage().databaseUrl());
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM channel WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, channelId);
            lock.executeQuery().close();
        }
        return new HeldCommits(connection);
    }

    /**
     * Waits until another session (the message writer) is blocked on the held row: what is sent after this
     * cannot join the batch that waits there.
     */
    public void awaitBlocked(java.time.Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (PreparedStatement blocked = connection.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID = SESSION_ID()")) {
            while (true) {
                try (var rows = blocked.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("nothing blocked on the held channel row within " + timeout);
                }
                Thread.sleep(10);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.rollback();
        connection.close();
    }
}
