package org.chatalot.server.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message that passed every check and waits for the writer. It has no id or time yet: the writer gives
 * them in the order it commits, so the id order, the commit order and the order everyone hears of messages
 * are one and the same. {@code clientId} is the sender's own id for it, or null; {@code mentioned} are the
 * members it mentions, recorded with it.
 */
public record MessageDraft(UUID channelId, UUID senderId, String content, String encryption, UUID replyTo,
                           List<UUID> attachments, String clientId, Mentions.Mentioned mentioned) {

    NewMessage stamped(UUID id, Instant createdAt) {
        return new NewMessage(id, channelId, senderId, content, encryption, replyTo, createdAt, attachments,
                clientId, mentioned);
    }
}
