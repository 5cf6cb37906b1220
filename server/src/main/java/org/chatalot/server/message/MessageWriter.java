package org.chatalot.server.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.chatalot.server.channel.ChannelRepository;
import org.chatalot.server.db.Sql;
import org.chatalot.server.error.Unavailable;

/**
 * Writes messages in group commits. Every commit is durable (H2 runs with WRITE_DELAY=0), which costs a
 * file write per commit; one thread takes whatever messages are waiting (up to 256) and stores them in a
 * single transaction, so under load the cost is shared and throughput stays high, while a lone message is
 * written at once.
 *
 * <p>Nobody waits for a commit: each message comes with what to do once it is stored (or could not be).
 * A second thread, the announcer, runs that for every message in commit order, which is queue order, so
 * the messages of one socket or one channel are announced in the order they were queued; the writer never
 * runs it, so fan-out does not hold up the next commit. The announcer's backlog is bounded: when it falls
 * behind, commits wait for it, the queue fills, and new messages are refused as unavailable.
 */
public final class MessageWriter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MessageWriter.class.getName());
    static final int MAX_BATCH = 256;
    private static final int QUEUE_CAPACITY = 8192;
    private static final int ANNOUNCER_BACKLOG = 16;

    /** What to do once a message is committed, or could not be. Runs on the announcer thread: keep it short. */
    public interface Committed {
        void stored();

        void failed(RuntimeException error);
    }

    private final Sql sql;
    private final MessageRepository messages;
    private final ChannelRepository channels;
    private final Attachments attachments;
    private final MessageRate rate;
    private final TextIndex textIndex;
    private final ArrayBlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final BlockingQueue<List<Pending>> committed = new ArrayBlockingQueue<>(ANNOUNCER_BACKLOG);
    private final Thread writer;
    private final Thread announcer;
    private volatile boolean running = true;
    private volatile boolean writing = true;

    public MessageWriter(Sql sql, MessageRepository messages, ChannelRepository channels, Attachments attachments,
                         MessageRate rate, TextIndex textIndex) {
        this.sql = sql;
        this.messages = messages;
        this.channels = channels;
        this.attachments = attachments;
        this.rate = rate;
        this.textIndex = textIndex;
        this.writer = Thread.ofPlatform().name("message-writer").daemon().start(this::writeLoop);
        this.announcer = Thread.ofPlatform().name("message-announcer").daemon().start(this::announceLoop);
    }

    /** Queues the message; {@code then} is told once it is committed. Throws Unavailable when full. */
    public void write(NewMessage message, Committed then) {
        if (!running || !queue.offer(new Pending(message, then))) {
            throw new Unavailable("the server is not accepting messages right now; retry shortly", 1);
        }
    }

    private void writeLoop() {
        try {
            while (running || !queue.isEmpty()) {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Pending> batch = new ArrayList<>(Math.min(MAX_BATCH, queue.size() + 1));
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
                textIndex.stored(batch.stream().filter(pending -> pending.failure == null)
                        .map(pending -> pending.message.text()).toList());
                committed.put(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            writing = false;
        }
    }

    private void commit(List<Pending> batch) {
        try {
            sql.inTransaction(tx -> {
                store(tx, batch);
                return null;
            });
            rate.recorded(batch.size());
        } catch (RuntimeException batchFailure) {
            // One bad message must not sink the others: store each on its own to find it.
            for (Pending pending : batch) {
                try {
                    sql.inTransaction(tx -> {
                        store(tx, List.of(pending));
                        return null;
                    });
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
        while (writing || !committed.isEmpty()) {
            List<Pending> batch;
            try {
                batch = committed.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (batch != null) {
                batch.forEach(MessageWriter::announce);
            }
        }
    }

    private static void announce(Pending pending) {
        try {
            if (pending.failure == null) {
                pending.then.stored();
            } else {
                pending.then.failed(pending.failure);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Announcing message " + pending.message.id() + " failed", e);
        }
    }

    /** Stops taking messages, writes and announces the ones already queued, then returns. */
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

    /** A queued message; {@code failure} is set by the writer before the batch is handed to the announcer. */
    private static final class Pending {
        final NewMessage message;
        final Committed then;
        RuntimeException failure;

        Pending(NewMessage message, Committed then) {
            this.message = message;
            this.then = then;
        }
    }
}
