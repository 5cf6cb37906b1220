package org.chatalot.server.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.chatalot.server.channel.ChannelRepository;
import org.chatalot.server.db.Ids;
import org.chatalot.server.db.Sql;
import org.chatalot.server.error.Unavailable;

/**
 * Writes messages in group commits. Every commit is durable (H2 runs with WRITE_DELAY=0), which costs a
 * file write per commit; one thread takes whatever messages are waiting (up to 256) and stores them in a
 * single transaction, so under load the cost is shared and throughput stays high, while a lone message is
 * written at once.
 *
 * <p>The writer gives each message its id and time as it takes it from the queue: ids are time-ordered, so
 * the id order is the commit order, and a client paging history by id never skips a message that commits
 * later with a smaller id.
 *
 * <p>Nobody waits for a commit: each message comes with a future to complete once it is stored (or could
 * not be). A second thread, the announcer, completes them in commit order, which is queue order, and runs
 * there what was attached to them before they were queued, so the messages of one socket or one channel are
 * announced in the order they were queued; the writer never runs it, so fan-out does not hold up the next
 * commit. The announcer's backlog is bounded: when it falls behind, commits wait for it, the queue fills,
 * and new messages are refused as unavailable.
 *
 * <p>Both threads are supervised. Anything unexpected that escapes them (an {@link Error}, a bug) stops the
 * writer for good: every message still waiting is told it failed, new messages are refused at once, and
 * {@link #trouble()} turns readiness and health red until the server is restarted. Nothing waits forever on
 * a thread that is gone.
 */
public final class MessageWriter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MessageWriter.class.getName());
    static final int MAX_BATCH = 256;
    private static final int QUEUE_CAPACITY = 8192;
    private static final int ANNOUNCER_BACKLOG = 16;
    /** A batch taking longer than this (commit and hand-off) makes the writer "stalled" until it is done. */
    static final Duration STALLED_AFTER = Duration.ofSeconds(30);

    private final Sql sql;
    private final MessageRepository messages;
    private final ChannelRepository channels;
    private final Attachments attachments;
    private final MessageRate rate;
    private final Ids ids;
    private final Clock clock;
    private final TextIndex textIndex;
    private final ArrayBlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final BlockingQueue<List<Pending>> committed = new ArrayBlockingQueue<>(ANNOUNCER_BACKLOG);
    private final AtomicReference<Stop> stopped = new AtomicReference<>();
    private final Thread writer;
    private final Thread announcer;
    private volatile boolean running = true;
    private volatile boolean writing = true;
    /** {@link System#nanoTime()} when the batch in hand was taken; 0 while the writer waits for work. */
    private volatile long busySince;

    /** Why the writer stopped, and when. */
    private record Stop(Throwable cause, Instant at) {
    }

    public MessageWriter(Sql sql, MessageRepository messages, ChannelRepository channels, Attachments attachments,
                         MessageRate rate, Ids ids, Clock clock, TextIndex textIndex) {
        this.sql = sql;
        this.messages = messages;
        this.channels = channels;
        this.attachments = attachments;
        this.rate = rate;
        this.ids = ids;
        this.clock = clock;
        this.textIndex = textIndex;
        this.writer = Thread.ofPlatform().name("message-writer").daemon().unstarted(this::writeLoop);
        this.announcer = Thread.ofPlatform().name("message-announcer").daemon().unstarted(this::announceLoop);
    }

    /**
     * Starts the writer and the announcer, once; messages queued before wait for it. Building the writer starts
     * nothing, so a server whose wiring fails half-way leaves no thread behind.
     */
    public void start() {
        announcer.start();
        writer.start();
    }

    /**
     * Queues the message. The announcer completes {@code committed} with it as stored (with its id and time)
     * once it is committed, or exceptionally when it could not be, in commit order; what the caller attached
     * to {@code committed} before this call runs right then, on the announcer. Throws Unavailable when the
     * queue is full, the writer has stopped or is stopping, and storage_full when the disk is too full to
     * store it: {@code committed} is then never completed.
     */
    public void write(MessageDraft draft, CompletableFuture<NewMessage> committed) {
        if (stopped.get() != null) {
            throw stoppedError();
        }
        sql.space().requireRoom();
        Pending pending = new Pending(draft, committed);
        if (!running || !queue.offer(pending)) {
            throw new Unavailable("the server is not accepting messages right now; retry shortly", 1);
        }
        // The writer may have stopped between the check and the offer, after failing what it found queued.
        if (stopped.get() != null && queue.remove(pending)) {
            throw stoppedError();
        }
    }

    /**
     * Why messages cannot be stored (never started, stopped, or one commit stuck for long), or empty when all is
     * well.
     */
    public Optional<String> trouble() {
        if (writer.getState() == Thread.State.NEW) {
            return Optional.of("not started: messages wait in its queue and none is stored");
        }
        Stop stop = stopped.get();
        if (stop != null) {
            return Optional.of("stopped unexpectedly at " + stop.at() + " (the cause is in the server log); "
                    + "no message can be stored until the server is restarted");
        }
        long since = busySince;
        if (since != 0 && System.nanoTime() - since > STALLED_AFTER.toNanos()) {
            return Optional.of("stalled: one batch of messages has been in hand for "
                    + Duration.ofNanos(System.nanoTime() - since).toSeconds() + " s (committing, or waiting for the "
                    + "announcer)");
        }
        return Optional.empty();
    }

    private void writeLoop() {
        List<Pending> batch = List.of();
        try {
            while ((running || !queue.isEmpty()) && stopped.get() == null) {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch = new ArrayList<>(Math.min(MAX_BATCH, queue.size() + 1));
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                long taken = System.nanoTime();
                busySince = taken | 1;
                stamp(batch);
                commit(batch);
                long commitDone = System.nanoTime();
                textIndex.stored(batch.stream().filter(pending -> pending.failure == null)
                        .map(pending -> pending.message.text()).toList());
                long handed = System.nanoTime();
                for (Pending pending : batch) {
                    pending.timing(taken, commitDone, handed, batch.size());
                }
                committed.put(batch);
                busySince = 0;
                batch = List.of();
            }
            if (stopped.get() != null) {
                failEverythingLeft(batch);
            }
        } catch (Throwable e) {
            // An Error, an interrupt or a bug: the thread is going, so nothing may be left waiting for it.
            stop(e);
            failEverythingLeft(batch);
        } finally {
            busySince = 0;
            writing = false;
        }
    }

    /** Ids and time in the order of commits, which is the order the announcer tells everyone. */
    private void stamp(List<Pending> batch) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (Pending pending : batch) {
            pending.message = pending.draft.stamped(ids.next(), now);
        }
    }

    private void commit(List<Pending> batch) {
        try {
            sql.inTransaction(tx -> {
                store(tx, batch);
                return null;
            });
            batch.forEach(pending -> pending.committed = true);
            rate.recorded(batch.size());
        } catch (Unavailable refused) {
            // Storage refused the whole batch (storage_full): each message would be refused alike.
            batch.forEach(pending -> pending.failure = refused);
        } catch (RuntimeException batchFailure) {
            // One bad message must not sink the others: store each on its own to find it.
            for (Pending pending : batch) {
                try {
                    sql.inTransaction(tx -> {
                        store(tx, List.of(pending));
                        return null;
                    });
                    pending.committed = true;
                    rate.recorded(1);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Message " + pending.message.id() + " not stored", e);
                    pending.failure = e;
                }
            }
        }
    }

    private void store(Sql.Tx tx, List<Pending> batch) {
        Map<UUID, UUID> lastPerChannel = new LinkedHashMap<>();
        for (Pending pending : batch) {
            NewMessage message = pending.message;
            messages.insert(tx, message);
            if (message.attachments() != null && !message.attachments().isEmpty()) {
                attachments.bind(tx, message.id(), message.channelId(), message.attachments());
            }
            lastPerChannel.merge(message.channelId(), message.id(), (a, b) -> a.compareTo(b) > 0 ? a : b);
        }
        lastPerChannel.forEach((channel, last) -> channels.touch(tx, channel, last));
        messages.insertMentions(tx, batch.stream().map(pending -> pending.message.mentions()).toList());
    }

    private void announceLoop() {
        try {
            while (writing || !committed.isEmpty()) {
                List<Pending> batch = committed.poll(100, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    batch.forEach(MessageWriter::announce);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(e);
        }
    }

    /**
     * Completes the message's future, which runs here what its sender attached to it; a failure in that stays
     * in the future it belongs to and never reaches this thread.
     */
    private static void announce(Pending pending) {
        if (pending.failure == null && pending.committed) {
            MessageStoredEvent event = new MessageStoredEvent();
            if (event.isEnabled()) {
                event.begin();
                pending.describe(event);
            }
            pending.outcome.complete(pending.message);
            if (event.isEnabled()) {
                event.commit();
            }
        } else {
            pending.outcome.completeExceptionally(pending.failure != null ? pending.failure : stoppedError());
        }
    }

    /** Marks the writer stopped, once, with the cause in the log: from now on every message is refused. */
    private void stop(Throwable cause) {
        if (stopped.compareAndSet(null, new Stop(cause, clock.instant()))) {
            running = false;
            LOG.log(System.Logger.Level.ERROR, "The message writer stopped; no message can be stored until the "
                    + "server is restarted", cause);
        }
    }

    /**
     * After a stop: the batch in hand (what committed is told so) and everything queued is handed to the
     * announcer, or told here when the announcer cannot take it.
     */
    private void failEverythingLeft(List<Pending> inHand) {
        List<Pending> left = new ArrayList<>(inHand);
        queue.drainTo(left);
        if (left.isEmpty()) {
            return;
        }
        try {
            if (announcer.isAlive() && committed.offer(left, 5, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        left.forEach(MessageWriter::announce);
    }

    private static Unavailable stoppedError() {
        return new Unavailable("the message writer stopped unexpectedly, so no message can be stored until the "
                + "server is restarted; tell the operator", 60);
    }

    /**
     * Stops taking messages, writes and announces the ones already queued, then returns (at once when it was
     * never started).
     */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(10_000);
            announcer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A queued message. The writer numbers it ({@code message}), then sets {@code committed} or {@code failure}
     * before the batch is handed to the announcer.
     */
    private static final class Pending {
        final MessageDraft draft;
        final CompletableFuture<NewMessage> outcome;
        /** {@link System#nanoTime()} at each step, for {@link MessageStoredEvent}. */
        final long queuedAt = System.nanoTime();
        long takenAt;
        long committedAt;
        long handedAt;
        int batchSize;
        NewMessage message;
        boolean committed;
        RuntimeException failure;

        Pending(MessageDraft draft, CompletableFuture<NewMessage> outcome) {
            this.draft = draft;
            this.outcome = outcome;
        }

        void timing(long taken, long commitDone, long handed, int size) {
            takenAt = taken;
            committedAt = commitDone;
            handedAt = handed;
            batchSize = size;
        }

        /** Fills the event's phases, up to now (the announcer reaching this message). */
        void describe(MessageStoredEvent event) {
            event.clientId = draft.clientId();
            event.batchSize = batchSize;
            event.queuedAtNanos = queuedAt;
            event.queueWait = takenAt - queuedAt;
            event.commit = committedAt - takenAt;
            event.handOff = handedAt - committedAt;
            event.announcerWait = System.nanoTime() - handedAt;
        }
    }
}
