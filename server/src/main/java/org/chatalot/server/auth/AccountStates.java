package org.chatalot.server.auth;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.chatalot.model.user.Role;
import org.chatalot.model.user.UserStatus;

/**
 * What every authenticated request must know fresh: is the account still active, what is its role now,
 * is the session still signed in. Cached in memory and invalidated by whoever changes them, so checking
 * costs a map lookup and a change applies to the next request.
 *
 * <p>A load races with an invalidation (read old row, then the change commits and invalidates, then the
 * load stores the old row). A global generation counter closes that window: a load stores its result
 * only if no invalidation happened while it read.
 */
public final class AccountStates {
    private static final int MAX_ENTRIES = 100_000;

    private final Function<UUID, Optional<UserState>> userLoader;
    private final Function<UUID, Optional<SessionState>> sessionLoader;
    private final ConcurrentHashMap<UUID, UserState> users = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, SessionState> sessions = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public AccountStates(Function<UUID, Optional<UserState>> userLoader,
                         Function<UUID, Optional<SessionState>> sessionLoader) {
        this.userLoader = userLoader;
        this.sessionLoader = sessionLoader;
    }

    public Optional<UserState> user(UUID userId) {
        return cached(users, userLoader, userId);
    }

    public Optional<SessionState> session(UUID sessionId) {
        return cached(sessions, sessionLoader, sessionId);
    }

    /** Call after the change is committed. */
    public void invalidateUser(UUID userId) {
        generation.incrementAndGet();
        users.remove(userId);
    }

    /** Call after the change is committed. */
    public void invalidateSession(UUID sessionId) {
        generation.incrementAndGet();
        sessions.remove(sessionId);
    }

    private <T> Optional<T> cached(ConcurrentHashMap<UUID, T> map, Function<UUID, Optional<T>> loader, UUID key) {
        T hit = map.get(key);
        if (hit != null) {
            return Optional.of(hit);
        }
        long seen = generation.get();
        Optional<T> loaded = loader.apply(key);
        loaded.ifPresent(value -> store(map, key, value, seen));
        return loaded;
    }

    private <T> void store(ConcurrentHashMap<UUID, T> map, UUID key, T value, long seen) {
        if (map.size() > MAX_ENTRIES) {
            map.clear();
        }
        map.put(key, value);
        if (generation.get() != seen) {
            map.remove(key, value);
        }
    }

    /** The parts of an account that decide whether its tokens work, and the name its messages show. */
    public record UserState(UUID id, String username, String displayName, Role role, UserStatus status) {
    }

    /** Whether a signed-in session still is. */
    public record SessionState(UUID id, UUID userId, boolean revoked) {
    }
}
