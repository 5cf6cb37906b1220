package org.chatalot.server.search;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.chatalot.server.db.Ids;
import org.chatalot.server.error.InvalidInput;

/**
 * A search as asked: the words, the filters and the page. {@code before} and {@code after} are message ids
 * (exclusive) or RFC 3339 times; both become bounds on message ids, which are time-ordered.
 */
record SearchQuery(List<String> words, UUID channelId, UUID senderId, UUID before, UUID after, boolean hasFile,
                   int limit) {
    static final int MAX_WORDS = 8;
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;

    /** From the query parameters as given; every field is checked and named when wrong. */
    static SearchQuery parse(String q, String channelId, String senderId, String before, String after,
                             String hasFile, Integer limit, String cursor) {
        if (q == null || q.isBlank()) {
            throw new InvalidInput("q", "required");
        }
        if (q.length() > 1000) {
            throw new InvalidInput("q", "must be at most 1000 characters");
        }
        List<String> words = Words.distinct(q, MAX_WORDS + 1);
        if (words.isEmpty()) {
            throw new InvalidInput("q", "needs a word of two or more letters or digits");
        }
        if (words.size() > MAX_WORDS) {
            throw new InvalidInput("q", "at most " + MAX_WORDS + " different words");
        }
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidInput("limit", "must be 1-" + MAX_LIMIT);
        }
        UUID upper = earlier(bound("before", before), id("cursor", cursor));
        return new SearchQuery(words, id("channel_id", channelId), id("sender_id", senderId), upper,
                bound("after", after), flag("has_file", hasFile), size);
    }

    private static UUID earlier(UUID a, UUID b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Ids.compare(a, b) <= 0 ? a : b;
    }

    private static UUID bound(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() == 36 && text.charAt(8) == '-') {
            return id(field, text);
        }
        try {
            return Ids.lowestAt(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "must be a message id or an RFC 3339 time such as 2026-01-31T09:00:00Z");
        }
    }

    private static UUID id(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "must be an id");
        }
    }

    private static boolean flag(String field, String value) {
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidInput(field, "must be true or false");
    }
}
