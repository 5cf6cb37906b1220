package org.chatalot.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.server.common.Origin;

/** The rule of the grace window alone: the same client, a spent token, within ten seconds. */
class RefreshGraceTest {
    private static final Instant EXCHANGED = Instant.parse("2026-12-06T12:00:00Z");
    private static final Origin TAB = new Origin("198.51.100.4", "Mozilla/5.0 Firefox/133.0");
    private static final AuthTokens ANSWER = new AuthTokens("access", "Bearer", 900, "next", 2_592_000,
            UUID.randomUUID(), null, null);

    private final RefreshGrace grace = new RefreshGrace();

    @Test
    void theSameClientWithinTheWindowGetsTheSameAnswer() {
        grace.remember("spent", "next-hash", ANSWER, TAB, EXCHANGED);

        assertThat(grace.recent("spent", TAB, EXCHANGED.plus(RefreshGrace.WINDOW)))
                .hasValueSatisfying(exchange -> {
                    assertThat(exchange.answer()).isSameAs(ANSWER);
                    assertThat(exchange.successorHash()).isEqualTo("next-hash");
                });
    }

    @Test
    void afterTheWindowTheTokenIsSimplySpent() {
        grace.remember("spent", "next-hash", ANSWER, TAB, EXCHANGED);

        assertThat(grace.recent("spent", TAB, EXCHANGED.plus(RefreshGrace.WINDOW).plusMillis(1))).isEmpty();
    }

    @Test
    void anotherAddressOrUserAgentGetsNothing() {
        grace.remember("spent", "next-hash", ANSWER, TAB, EXCHANGED);

        assertThat(grace.recent("spent", new Origin("203.0.113.9", TAB.userAgent()), EXCHANGED)).isEmpty();
        assertThat(grace.recent("spent", new Origin(TAB.ip(), "curl/8.5.0"), EXCHANGED)).isEmpty();
        assertThat(grace.recent("other", TAB, EXCHANGED)).isEmpty();
    }

    @Test
    void oldExchangesAreForgotten() {
        grace.remember("old", "a", ANSWER, TAB, EXCHANGED);
        grace.remember("new", "b", ANSWER, TAB, EXCHANGED.plus(RefreshGrace.WINDOW).plusSeconds(1));

        assertThat(grace.size()).isEqualTo(1);
    }
}
