package org.chatalot.server.message;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.chatalot.server.common.Text;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.error.PayloadTooLarge;

/** Limits on what a message may carry. The content itself is opaque and never parsed. */
final class MessageRules {
    static final int MAX_CONTENT_BYTES = 64 * 1024;
    static final int MAX_ATTACHMENTS = 10;
    static final int MAX_DISTINCT_REACTIONS = 20;
    static final int MAX_EMOJI_LENGTH = 32;
    static final int MAX_CLIENT_ID_LENGTH = 64;
    private static final Pattern SCHEME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

    private MessageRules() {
    }

    static void content(String content, List<UUID> attachments) {
        boolean hasFiles = attachments != null && !attachments.isEmpty();
        if ((content == null || content.isEmpty()) && !hasFiles) {
            throw new InvalidInput("content", "required (or at least one attachment)");
        }
        if (content != null && content.getBytes(StandardCharsets.UTF_8).length > MAX_CONTENT_BYTES) {
            throw new PayloadTooLarge("content: larger than " + MAX_CONTENT_BYTES + " bytes");
        }
        if (hasFiles && attachments.size() > MAX_ATTACHMENTS) {
            throw new InvalidInput("attachments", "at most " + MAX_ATTACHMENTS + " files per message");
        }
    }

    /**
     * The sender's own id for a message, or null for none. An empty one would make every such message of a
     * sender "the same message", so it is refused rather than taken as a key.
     */
    static String clientId(String clientId) {
        if (clientId == null) {
            return null;
        }
        if (clientId.isBlank()) {
            throw new InvalidInput("client_id", "must not be empty (leave it out instead)");
        }
        if (clientId.length() > MAX_CLIENT_ID_LENGTH) {
            throw new InvalidInput("client_id", "at most " + MAX_CLIENT_ID_LENGTH + " characters");
        }
        return clientId;
    }

    /** The name of a client-side encryption scheme, or null for plain text. */
    static String encryption(String scheme) {
        if (scheme == null || scheme.isEmpty()) {
            return null;
        }
        if (!SCHEME.matcher(scheme).matches()) {
            throw new InvalidInput("encryption", "must be a scheme name like \"olm.v1\" (lower case, up to 40)");
        }
        return scheme;
    }

    static String emoji(String emoji) {
        if (emoji == null || emoji.isBlank()) {
            throw new InvalidInput("emoji", "required");
        }
        if (emoji.codePointCount(0, emoji.length()) > MAX_EMOJI_LENGTH
                || emoji.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))
                || Text.hasDirectionCharacters(emoji)) {
            throw new InvalidInput("emoji", "must be one emoji or a :short_name: without spaces");
        }
        return emoji;
    }
}
