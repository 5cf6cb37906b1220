package org.chatalot.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.chatalot.server.common.RealtimeSessionId;

/** The resume window and buffer bounds, on a clock the test controls. */
class RealtimeSessionTest {
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private final RealtimeSession session = new RealtimeSession(new RealtimeSessionId(UUID.randomUUID()),
            UUID.randomUUID(), UUID.randomUUID());

    @Test
    void aDetachedSessionExpiresAfterTwoMinutes() {
        long now = 1_000 * MINUTE;
        session.deliver(json("{\"type\":\"pong\"}"), now);
        session.detach(null, now);

        assertThat(session.isExpired(now + MINUTE)).isFalse();
        assertThat(session.isExpired(now + 2 * MINUTE + 1)).isTrue();
    }

    @Test
    void eventsOlderThanTheWindowCannotBeReplayed() {
        long now = 1_000 * MINUTE;
        session.deliver(json("{\"type\":\"pong\"}"), now);
        session.deliver(json("{\"type\":\"pong\"}"), now + 3 * MINUTE);

        assertThatThrownBy(() -> session.resume(null, 0, now + 3 * MINUTE))
                .isInstanceOf(RealtimeSession.ResumeRefused.class).hasMessageContaining("no longer buffered");
    }

    @Test
    void authenticatedIsNumberedButNeitherItNorAnythingBeforeItIsKeptForReplay() {
        long now = 1_000 * MINUTE;
        session.deliver(json("{\"type\":\"call_state\"}"), now);
        session.deliverAuthenticated(json("{\"type\":\"authenticated\"}"));

        assertThat(session.lastSeq()).isEqualTo(2);
        assertThatThrownBy(() -> session.resume(null, 1, now))
                .isInstanceOf(RealtimeSession.ResumeRefused.class).hasMessageContaining("no longer buffered");
    }

    @Test
    void theBufferKeepsOnlyTheNewestEvents() {
        long now = 1_000 * MINUTE;
        for (int i = 0; i < RealtimeSession.MAX_BUFFERED_EVENTS + 10; i++) {
            session.deliver(json("{\"type\":\"pong\"}"), now);
        }

        assertThat(session.lastSeq()).isEqualTo(RealtimeSession.MAX_BUFFERED_EVENTS + 10);
        assertThatThrownBy(() -> session.resume(null, 5, now)).isInstanceOf(RealtimeSession.ResumeRefused.class);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
