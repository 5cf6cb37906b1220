package org.chatalot.server.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import org.chatalot.model.message.Message;
import org.chatalot.model.message.UserRef;
import org.chatalot.server.error.Unavailable;

/** Copies of one message in flight: the first holds the client id, the others get how it ends. */
class ResendsTest {
    private final Resends resends = new Resends();
    private final Resends.Key key = new Resends.Key(UUID.randomUUID(), "c-1");

    @Test
    void theFirstCopyHoldsTheIdAndLaterCopiesGetItsMessage() {
        assertThat(resends.claim(key)).as("the first copy holds the id").isEmpty();
        CompletionStage<Message> second = resends.claim(key).orElseThrow();
        CompletionStage<Message> third = resends.claim(key).orElseThrow();
        assertThat(second.toCompletableFuture()).isNotDone();

        Message stored = message();
        resends.stored(key, stored);

        assertThat(second.toCompletableFuture().join()).isSameAs(stored);
        assertThat(third.toCompletableFuture().join()).isSameAs(stored);
    }

    @Test
    void copiesThatWaitedAreRefusedLikeTheFirst() {
        resends.claim(key);
        CompletionStage<Message> waiting = resends.claim(key).orElseThrow();

        Unavailable refused = new Unavailable("the message writer stopped", 60);
        resends.failed(key, refused);

        assertThat(waiting.toCompletableFuture()).isCompletedExceptionally();
        assertThat(waiting.toCompletableFuture().handle((message, failure) -> failure).join()).isSameAs(refused);
    }

    @Test
    void onceSettledTheIdIsFreeForTheNextCopyWhichAsksTheDatabase() {
        resends.claim(key);
        resends.stored(key, message());

        assertThat(resends.claim(key)).isEmpty();
    }

    @Test
    void theSameIdFromAnotherSenderIsAnotherMessage() {
        resends.claim(key);

        Optional<CompletionStage<Message>> other = resends.claim(new Resends.Key(UUID.randomUUID(), "c-1"));

        assertThat(other).isEmpty();
    }

    @Test
    void oneWaitersFailureDoesNotKeepTheOthersFromHearing() {
        resends.claim(key);
        CompletionStage<Message> failing = resends.claim(key).orElseThrow()
                .thenApply(message -> {
                    throw new IllegalStateException("a listener's bug");
                });
        CompletionStage<Message> other = resends.claim(key).orElseThrow();

        Message stored = message();
        resends.stored(key, stored);

        assertThat(failing.toCompletableFuture().handle((m, failure) -> failure).join())
                .isInstanceOf(CompletionException.class);
        assertThat(other.toCompletableFuture().join()).isSameAs(stored);
    }

    private static Message message() {
        UUID sender = UUID.randomUUID();
        return new Message(UUID.randomUUID(), UUID.randomUUID(), new UserRef(sender, "ann", "Ann"), "hi", null,
                null, Instant.now(), null, false, List.of(), List.of(), "c-1", List.of(), false);
    }
}
