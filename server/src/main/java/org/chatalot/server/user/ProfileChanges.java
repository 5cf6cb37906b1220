package org.chatalot.server.user;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.chatalot.model.user.PublicProfile;

/**
 * Tells listeners (the realtime side) that what others see of a user changed, once it is stored. The account
 * code is built before the realtime delivery exists, so it publishes here instead of holding the delivery.
 */
public final class ProfileChanges {
    private final List<Consumer<PublicProfile>> listeners = new CopyOnWriteArrayList<>();

    /** {@code listener} must be quick and must not throw: it runs on the request that made the change. */
    public void subscribe(Consumer<PublicProfile> listener) {
        listeners.add(listener);
    }

    public void changed(PublicProfile profile) {
        listeners.forEach(listener -> listener.accept(profile));
    }
}
