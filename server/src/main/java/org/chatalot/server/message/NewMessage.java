package org.chatalot.server.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A validated message on its way to the database; {@code clientId} is the sender's own id for it, or null;
 * {@code mentioned} are the members it mentions, recorded with it.
 */
public record NewMessage(UUID id, UUID channelId, UUID senderId, String content, String encryption, UUID replyTo,
                         Instant createdAt, List<UUID> attachments, String clientId, Mentions.Mentioned mentioned) {

    Mentions.OfMessage mentions() {
        return new Mentions.OfMessage(id, channelId, mentioned);
    }

    TextIndex.IndexedText text() {
        return new TextIndex.IndexedText(id, channelId, senderId, content, encryption,
                attachments != null && !attachments.isEmpty());
    }
}
