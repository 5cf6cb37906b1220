package org.chatalot.server.realtime;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.chatalot.model.ws.ServerMessage;

/**
 * Typing indicators. Repeated {@code typing} within 10 s only extends the indicator (no new event); it ends
 * with {@code stop_typing}, a sent message, or 10 s of silence.
 */
public final class Typing {
    static final long EXPIRY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Delivery delivery;
    private final ConcurrentHashMap<Key, Long> typing = new ConcurrentHashMap<>();

    public Typing(Delivery delivery) {
        this.delivery = delivery;
    }

    void start(UUID channelId, UUID userId, long now) {
        if (typing.put(new Key(channelId, userId), now + EXPIRY_NANOS) == null) {
            delivery.liveToSubscribers(channelId, new ServerMessage.UserTyping(channelId, userId), userId);
        }
    }

    void stop(UUID channelId, UUID userId) {
        if (typing.remove(new Key(channelId, userId)) != null) {
            delivery.liveToSubscribers(channelId, new ServerMessage.UserStoppedTyping(channelId, userId), userId);
        }
    }

    void expire(long now) {
        typing.forEach((key, expires) -> {
            if (expires - now < 0 && typing.remove(key, expires)) {
                delivery.liveToSubscribers(key.channelId(), new ServerMessage.UserStoppedTyping(key.channelId(),
                        key.userId()), key.userId());
            }
        });
    }

    private record Key(UUID channelId, UUID userId) {
    }
}
