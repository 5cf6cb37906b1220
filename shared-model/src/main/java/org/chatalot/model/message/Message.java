package org.chatalot.model.message;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.chatalot.model.file.FileInfo;

/**
 * A message. {@code content} is opaque to the server: plain text, or a client-encrypted envelope when
 * {@code encryption} names a scheme. A deleted message keeps its place with {@code deleted: true} and no
 * content. {@code client_id} is the id the sender's client gave it when sending (or null), so that client can
 * match a message it still shows as pending with the stored one, e.g. after reloading history.
 * {@code mentions} are the members its text names with {@code @username}, and {@code mentions_channel} says
 * whether it says {@code @channel} (every member but the sender is mentioned): a client knows from these two
 * whether a message mentions its user.
 */
public record Message(UUID id,
                      @JsonProperty("channel_id") UUID channelId,
                      UserRef sender,
                      String content,
                      String encryption,
                      @JsonProperty("reply_to") UUID replyTo,
                      @JsonProperty("created_at") Instant createdAt,
                      @JsonProperty("edited_at") Instant editedAt,
                      boolean deleted,
                      List<Reaction> reactions,
                      List<FileInfo> attachments,
                      @JsonProperty("client_id") String clientId,
                      List<UUID> mentions,
                      @JsonProperty("mentions_channel") boolean mentionsChannel) {
}
