package org.chatalot.server.db;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * A JFR event per round of the database file's upkeep ({@link StoreMaintenance}), with its three steps: while
 * one runs, a commit may wait for H2's store lock. Costs nothing while no recording runs.
 */
@Name("org.chatalot.DatabaseUpkeep")
@Label("Database upkeep")
@Category({"Chatalot", "Database"})
@Description("One round of the database file's upkeep: sync, rewrite of half-empty chunks, chunks moved down")
@StackTrace(false)
final class DatabaseUpkeepEvent extends Event {
    @Label("Sync (fsync of what is committed)")
    @Timespan
    long sync;

    @Label("Rewrite of half-empty chunks")
    @Timespan
    long compact;

    @Label("Chunks moved down")
    @Timespan
    long move;

    @Label("File size")
    @DataAmount
    long fileBytes;

    @Label("Most live bytes the rewrite could write (smaller while commits come in)")
    @DataAmount
    long writeLimitBytes;
}
