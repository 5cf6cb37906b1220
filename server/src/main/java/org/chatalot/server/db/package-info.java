/**
 * The database: a HikariCP pool under Helidon DB Client, schema by numbered Flyway migrations
 * ({@code db/migration}), every SQL statement named in {@code db/statements.yaml}, and {@link
 * org.chatalot.server.db.Sql}, the one way repositories run them.
 */
package org.chatalot.server.db;
