package org.chatalot.server.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.chatalot.server.channel.ChannelRepository;
import org.chatalot.server.db.Sql;
import org.chatalot.server.error.Unavailable;

/**
 * Writes messages in group commits. Every commit is durable (H2 runs with WRITE_DELAY=0), which costs a
 * file write per commit; one thread takes whatever messages are waiting (up to 256) and stores them in a
 * single transaction, so under load the cost is shared and throughput stays high, while a lone message is
 * written at once. A caller's future completes only after the commit that holds its message.
 */
public final class MessageWriter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MessageWriter.class.getName());
    static final int MAX_BATCH = 256;
    private static final int QUEUE_CAPACITY = 8192;

    private final Sql sql;
    private final MessageRepository messages;
    private final ChannelRepository channels;
    private final Attachments attachments;
    private final MessageRate rate;
    private final ArrayBlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread thread;
    private volatile boolean running = true;

    public MessageWriter(Sql sql, MessageRepository messages, ChannelRepository channels, Attachments attachments,
                         MessageRate rate) {
        this.sql = sql;
        this.messages = messages;
        this.channels = channels;
        this.attachments = attachments;
        this.rate = rate;
        this.thread = Thread.ofPlatform().name("message-writer").daemon().start(this::run);
    }

    /** Queues the message; the future completes once it is committed. */
    public CompletableFuture<Void> write(NewMessage message) {
        Pending pending = new Pending(message, new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            throw new Unavailable("the server is not accepting messages right now; retry shortly", 1);
        }
        return pending.done();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending> batch) {
        try {
            sql.inTransaction(tx -> {
                store(tx, batch);
                return null;
            });
            rate.recorded(batch.size());
            batch.forEach(p -> p.done().complete(null));
        } catch (RuntimeException batchFailure) {
            // One bad message must not sink the others: store each on its own to find it.
            for (Pending pending : batch) {
                try {
                    sql.inTransaction(tx -> {
                        store(tx, List.of(pending));
                        return null;
                    });
                    rate.recorded(1);
                    pending.done().complete(null);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Message " + pending.message().id() + " not stored", e);
                    pending.done().completeExceptionally(e);
                }
            }
        }
    }

    private void store(Sql.Tx tx, List<Pending> batch) {
        Map<UUID, UUID> lastPerChannel = new LinkedHashMap<>();
        for (Pending pending : batch) {
            NewMessage message = pending.message();
            messages.insert(tx, message);
            if (message.attachments() != null && !message.attachments().isEmpty()) {
                attachments.bind(tx, message.id(), message.channelId(), message.attachments());
            }
            lastPerChannel.merge(message.channelId(), message.id(), (a, b) -> a.compareTo(b) > 0 ? a : b);
        }
        lastPerChannel.forEach((channel, last) -> channels.touch(tx, channel, last));
    }

    /** Stops taking messages, writes the ones already queued, then returns. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Pending(NewMessage message, CompletableFuture<Void> done) {
    }
}
