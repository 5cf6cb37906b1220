package org.chatalot.server.message;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.chatalot.model.message.Message;

/**
 * Copies of one message on their way at the same time. A browser's outbox sends again what was not
 * acknowledged, so the same {@code client_id} can arrive twice from one sender, on one socket or two, while
 * the first copy still waits for its group commit. The first copy to claim the id is stored; later copies
 * wait here and get its outcome, so nothing is stored or announced twice. Once stored, the database answers
 * for the id (and its unique index on sender and client id is the last word); an entry lives here only while
 * its first copy is in flight.
 */
final class Resends {
    private static final System.Logger LOG = System.getLogger(Resends.class.getName());
    private final ConcurrentHashMap<Key, List<MessageService.Outcome>> inFlight = new ConcurrentHashMap<>();

    /** A sender's {@code client_id}: the same id from two senders is two messages. */
    record Key(UUID senderId, String clientId) {
    }

    /**
     * Claims the id for the caller, who must then {@link #stored} or {@link #failed} it. False when another
     * copy holds it: {@code outcome} then hears how that copy ends.
     */
    boolean claim(Key key, MessageService.Outcome outcome) {
        boolean[] first = {false};
        inFlight.compute(key, (k, waiting) -> {
            if (waiting == null) {
                first[0] = true;
                return new ArrayList<>();
            }
            waiting.add(outcome);
            return waiting;
        });
        return first[0];
    }

    /** The claimed copy's outcome, which then settles the id for the copies waiting on it. */
    MessageService.Outcome settling(Key key, MessageService.Outcome outcome) {
        return new MessageService.Outcome() {
            @Override
            public void stored(Message message) {
                try {
                    outcome.stored(message);
                } finally {
                    Resends.this.stored(key, message);
                }
            }

            @Override
            public void failed(RuntimeException error) {
                try {
                    outcome.failed(error);
                } finally {
                    Resends.this.failed(key, error);
                }
            }
        };
    }

    /** The claimed copy is stored (or was, earlier): every copy that waited gets it as theirs. */
    void stored(Key key, Message original) {
        for (MessageService.Outcome outcome : release(key)) {
            tell(() -> outcome.resent(original));
        }
    }

    /** The claimed copy was refused: the copies that waited are refused alike, and may be sent again. */
    void failed(Key key, RuntimeException error) {
        for (MessageService.Outcome outcome : release(key)) {
            tell(() -> outcome.failed(error));
        }
    }

    /** One copy's listener failing must not keep the others from hearing. */
    private static void tell(Runnable answer) {
        try {
            answer.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Answering a message sent again failed", e);
        }
    }

    // Copies join the list only inside compute() for the key, which cannot overlap this remove.
    private List<MessageService.Outcome> release(Key key) {
        List<MessageService.Outcome> waiting = inFlight.remove(key);
        return waiting == null ? List.of() : waiting;
    }
}
