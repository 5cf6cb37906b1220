package org.chatalot.server.message;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * A JFR event per chat message stored, with where its time went on the server from the moment it was queued
 * for the writer until its announcement (acknowledgement and fan-out) ran. The event itself spans that
 * announcement; the phases before it are durations, in order. Costs next to nothing while no recording runs (the
 * writer reads one clock per message and three per batch either way). {@code queuedAtNanos} is {@link System#nanoTime()} when
 * it was queued: on Linux every JVM's nanoTime reads the same monotonic clock, so a load generator on the same
 * machine can line the server's phases up with its own send and receive times (W2 does, with {@code --jfr}).
 */
@Name(MessageStoredEvent.NAME)
@Label("Message stored")
@Category({"Chatalot", "Messages"})
@Description("A chat message from being queued for the writer until its acknowledgement and fan-out ran")
@StackTrace(false)
final class MessageStoredEvent extends Event {
    static final String NAME = "org.chatalot.MessageStored";

    @Label("Client id")
    String clientId;

    @Label("Messages in its commit")
    int batchSize;

    @Label("Queued at (System.nanoTime)")
    long queuedAtNanos;

    @Label("Waiting in the writer's queue")
    @Timespan
    long queueWait;

    @Label("Commit (transaction and H2's chunk write)")
    @Timespan
    long commit;

    @Label("After the commit, until handed to the announcer")
    @Description("The search index's hand-off, then waiting for room in the announcer's backlog")
    @Timespan
    long handOff;

    @Label("Waiting for the announcer")
    @Description("From the hand-off until the announcer reached this message (earlier messages of the batch "
            + "included)")
    @Timespan
    long announcerWait;
}
