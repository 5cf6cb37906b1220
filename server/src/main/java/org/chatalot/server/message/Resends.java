package org.chatalot.server.message;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import org.chatalot.model.message.Message;

/**
 * Copies of one message on their way at the same time. A browser's outbox sends again what was not
 * acknowledged, so the same {@code client_id} can arrive twice from one sender, on one socket or two, while
 * the first copy still waits for its group commit. The first copy to claim the id is stored; later copies
 * wait here for how it ends, so nothing is stored or announced twice. Once stored, the database answers
 * for the id (and its unique index on sender and client id is the last word); an entry lives here only while
 * its first copy is in flight.
 */
final class Resends {
    private final ConcurrentHashMap<Key, CompletableFuture<Message>> inFlight = new ConcurrentHashMap<>();

    /** A sender's {@code client_id}: the same id from two senders is two messages. */
    record Key(UUID senderId, String clientId) {
    }

    /**
     * Claims the id for the caller, who must then {@link #stored} or {@link #failed} it: empty when the caller
     * holds it now, otherwise how the copy that holds it ends (its message, or why it was refused).
     */
    Optional<CompletionStage<Message>> claim(Key key) {
        CompletableFuture<Message> first = new CompletableFuture<>();
        CompletableFuture<Message> held = inFlight.putIfAbsent(key, first);
        return Optional.ofNullable(held);
    }

    /** The claimed copy is stored (or was, earlier): every copy that waited gets it as theirs. */
    void stored(Key key, Message original) {
        release(key).complete(original);
    }

    /** The claimed copy was refused: the copies that waited are refused alike, and may be sent again. */
    void failed(Key key, Throwable error) {
        release(key).completeExceptionally(error);
    }

    /** Removed before completing, so a copy that claims the id after this asks the database instead. */
    private CompletableFuture<Message> release(Key key) {
        CompletableFuture<Message> claimed = inFlight.remove(key);
        return claimed == null ? new CompletableFuture<>() : claimed;
    }
}
