package org.chatalot.server.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.server.common.Origin;

/**
 * Two tabs of one browser share the refresh cookie. When both refresh at the same moment, the second sends a
 * token the first has just exchanged, which would otherwise count as theft and sign the session out. For a
 * browser only, a token exchanged less than {@link #WINDOW} ago, presented again from the same address and
 * user agent while the token it was exchanged for is still unused, gets the very answer the first exchange
 * got: nothing new is issued, so a thief gains nothing the victim does not also hold, and whichever of them
 * refreshes second afterwards still trips reuse detection. Answers are kept in memory only, for the window.
 *
 * <p>Exchanges of one token are serialised, so the second request waits for the first's answer instead of
 * racing it to the database.
 */
final class RefreshGrace {
    static final Duration WINDOW = Duration.ofSeconds(10);
    private static final int STRIPES = 64;

    private final ConcurrentHashMap<String, Exchange> recent = new ConcurrentHashMap<>();
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    RefreshGrace() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** An exchange a browser made: what it was answered, the token it got, and who asked. */
    record Exchange(AuthTokens answer, String successorHash, String ip, String userAgent, Instant at) {
    }

    /** Runs one exchange of the token with this hash at a time. */
    <T> T serialised(String tokenHash, Supplier<T> exchange) {
        ReentrantLock lock = locks[Math.floorMod(tokenHash.hashCode(), STRIPES)];
        lock.lock();
        try {
            return exchange.get();
        } finally {
            lock.unlock();
        }
    }

    void remember(String spentHash, String successorHash, AuthTokens answer, Origin origin, Instant now) {
        recent.values().removeIf(exchange -> isOver(exchange, now));
        recent.put(spentHash, new Exchange(answer, successorHash, origin.ip(), origin.userAgent(), now));
    }

    /** The exchange of this spent token, when it was recent and made by the same client. */
    Optional<Exchange> recent(String spentHash, Origin origin, Instant now) {
        return Optional.ofNullable(recent.get(spentHash))
                .filter(exchange -> !isOver(exchange, now))
                .filter(exchange -> Objects.equals(exchange.ip(), origin.ip())
                        && Objects.equals(exchange.userAgent(), origin.userAgent()));
    }

    /** How many exchanges are remembered (only the last {@link #WINDOW}'s, so few). */
    int size() {
        return recent.size();
    }

    private static boolean isOver(Exchange exchange, Instant now) {
        return exchange.at().plus(WINDOW).isBefore(now);
    }
}
