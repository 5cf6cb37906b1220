package org.chatalot.server.message;

import java.util.UUID;

import org.chatalot.server.error.InvalidInput;

/** Where a page of history starts: the newest messages, or before, after or around a message. */
public sealed interface HistoryCursor {
    record Latest() implements HistoryCursor {
    }

    record Before(UUID id) implements HistoryCursor {
    }

    record After(UUID id) implements HistoryCursor {
    }

    record Around(UUID id) implements HistoryCursor {
    }

    /** From the query parameters {@code before}, {@code after} and {@code around}; at most one may be given. */
    static HistoryCursor of(String before, String after, String around) {
        int given = (present(before) ? 1 : 0) + (present(after) ? 1 : 0) + (present(around) ? 1 : 0);
        if (given > 1) {
            throw new InvalidInput(present(before) ? "after" : "around",
                    "give one of before, after and around, not several");
        }
        if (present(before)) {
            return new Before(id("before", before));
        }
        if (present(after)) {
            return new After(id("after", after));
        }
        if (present(around)) {
            return new Around(id("around", around));
        }
        return new Latest();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static UUID id(String field, String value) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "must be a message id");
        }
    }
}
