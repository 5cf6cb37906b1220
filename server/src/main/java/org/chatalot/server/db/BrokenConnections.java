package org.chatalot.server.db;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells HikariCP which failures mean the connection itself is dead, so it is evicted at once instead of
 * being handed out again. Hikari recognises SQLState class 08, but H2 reports a lost TCP server or a
 * closed database with its own codes; without this the first requests after a database blip still fail.
 */
public final class BrokenConnections implements SQLExceptionOverride {
    private static final int H2_CONNECTION_BROKEN = 90067;
    private static final int H2_DATABASE_IS_CLOSED = 90098;
    private static final int H2_DATABASE_CALLED_AT_SHUTDOWN = 90121;

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isFatal(sql)) {
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }

    private static boolean isFatal(SQLException e) {
        int code = e.getErrorCode();
        return code == H2_CONNECTION_BROKEN || code == H2_DATABASE_IS_CLOSED || code == H2_DATABASE_CALLED_AT_SHUTDOWN
                || e.getSQLState() != null && e.getSQLState().startsWith("08");
    }
}
