package org.chatalot.server.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.chatalot.model.file.FileInfo;
import org.chatalot.model.message.Message;
import org.chatalot.model.message.Reaction;
import org.chatalot.model.message.UserRef;

/** A message row with its sender. */
public record StoredMessage(UUID id, UUID channelId, UserRef sender, String content, String encryption, UUID replyTo,
                           Instant createdAt, Instant editedAt, Instant deletedAt, String clientId) {

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public Message toWire(List<Reaction> reactions, List<FileInfo> attachments, List<UUID> mentions) {
        return new Message(id, channelId, sender, isDeleted() ? null : content, isDeleted() ? null : encryption,
                replyTo, createdAt, editedAt, isDeleted(), reactions, isDeleted() ? List.of() : attachments, clientId,
                isDeleted() ? List.of() : mentions, !isDeleted() && Mentions.saysChannel(content, encryption));
    }

}
