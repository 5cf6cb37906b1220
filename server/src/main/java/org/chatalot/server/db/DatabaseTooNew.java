package org.chatalot.server.db;

/**
 * The database was migrated by a newer release than this one: start-up stops before touching it. The message
 * says which migrations are unknown and how to go back.
 */
public final class DatabaseTooNew extends RuntimeException {
    public DatabaseTooNew(String message) {
        super(message);
    }
}
