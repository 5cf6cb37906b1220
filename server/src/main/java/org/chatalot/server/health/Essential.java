package org.chatalot.server.health;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A background part the server cannot work without (the message writer): when {@code trouble} says
 * something, readiness fails a check of this {@code name} and health turns degraded.
 */
public record Essential(String name, Supplier<Optional<String>> trouble) {
}
