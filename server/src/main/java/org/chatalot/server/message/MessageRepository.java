package org.chatalot.server.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.helidon.dbclient.DbRow;

import org.chatalot.model.message.MessageEdit;
import org.chatalot.model.message.Reaction;
import org.chatalot.model.message.UserRef;
import org.chatalot.model.user.UserStatus;
import org.chatalot.server.db.Rows;
import org.chatalot.server.db.Sql;

/** Rows of {@code message}, {@code message_edit} and {@code reaction}. */
public final class MessageRepository {
    private final Sql sql;

    public MessageRepository(Sql sql) {
        this.sql = sql;
    }

    public void insert(Sql.Tx tx, NewMessage message) {
        tx.update("message-insert", message.id(), message.channelId(), message.senderId(), message.content(),
                message.encryption(), message.replyTo(), message.createdAt(), message.clientId());
    }

    /** The message a sender stored under their {@code client_id}, if any. */
    public Optional<StoredMessage> byClientId(UUID senderId, String clientId) {
        return sql.one("message-by-client-id", MessageRepository::map, senderId, clientId);
    }

    public Optional<StoredMessage> byId(UUID id) {
        return sql.one("message-by-id", MessageRepository::map, id);
    }

    /** The message as it is now, locked until the transaction ends (its text is about to change). */
    public Optional<StoredMessage> lockedById(Sql.Tx tx, UUID id) {
        lock(tx, id);
        return tx.one("message-by-id", MessageRepository::map, id);
    }

    /** Those of the messages that search may show: not deleted, not encrypted; in no particular order. */
    public List<StoredMessage> searchable(List<UUID> ids) {
        return ids.isEmpty() ? List.of()
                : sql.list("message-searchable", MessageRepository::map, (Object) ids.toArray(new UUID[0]));
    }

    /** Newest first, strictly older than {@code before} when given. */
    /** The newest {@code limit} messages before {@code before} (or the newest of all), newest first. */
    public List<StoredMessage> page(UUID channelId, UUID before, int limit) {
        return sql.list("message-page", MessageRepository::map, channelId, before, before, limit);
    }

    /** The message {@code id} and the {@code limit - 1} before it, newest first. */
    public List<StoredMessage> pageUpTo(UUID channelId, UUID id, int limit) {
        return sql.list("message-page-up-to", MessageRepository::map, channelId, id, limit);
    }

    /** The oldest {@code limit} messages after {@code after}, oldest first. */
    public List<StoredMessage> pageAfter(UUID channelId, UUID after, int limit) {
        return limit == 0 ? List.of() : sql.list("message-page-after", MessageRepository::map, channelId, after, limit);
    }

    public void edit(Sql.Tx tx, StoredMessage old, String content, String encryption, Instant at) {
        tx.update("message-edit-history-insert", old.id(), at, old.content(), old.encryption());
        tx.update("message-edit", content, encryption, at, old.id());
    }

    public List<MessageEdit> edits(UUID messageId) {
        return sql.list("message-edit-history", row -> new MessageEdit(Rows.instant(row, "REPLACED_AT"),
                Rows.string(row, "CONTENT"), Rows.string(row, "ENCRYPTION")), messageId);
    }

    public boolean softDelete(Sql.Tx tx, UUID messageId, UUID by, Instant at) {
        return tx.update("message-soft-delete", at, by, messageId) == 1;
    }

    /** The mentions of a batch of new messages, in one statement. */
    public void insertMentions(Sql.Tx tx, List<Mentions.OfMessage> stored) {
        List<UUID> users = new ArrayList<>();
        List<UUID> channels = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        List<Boolean> direct = new ArrayList<>();
        for (Mentions.OfMessage message : stored) {
            Mentions.Mentioned mentioned = message.mentioned();
            for (UUID user : mentioned.everyone()) {
                users.add(user);
                channels.add(message.channelId());
                ids.add(message.messageId());
                direct.add(mentioned.direct().contains(user));
            }
        }
        if (!users.isEmpty()) {
            tx.update("mention-insert-many", users.toArray(new UUID[0]), channels.toArray(new UUID[0]),
                    ids.toArray(new UUID[0]), direct.toArray(new Boolean[0]));
        }
    }

    public void deleteMentions(Sql.Tx tx, UUID messageId) {
        tx.update("mention-delete", messageId);
    }

    /** The members each message names with {@code @username}, by message. */
    public Map<UUID, List<UUID>> directMentions(List<UUID> messageIds) {
        Map<UUID, List<UUID>> byMessage = new LinkedHashMap<>();
        if (messageIds.isEmpty()) {
            return byMessage;
        }
        sql.list("mention-direct-for-messages", row -> new UUID[] {Rows.uuid(row, "MESSAGE_ID"),
                Rows.uuid(row, "USER_ID")}, (Object) messageIds.toArray(new UUID[0]))
                .forEach(pair -> byMessage.computeIfAbsent(pair[0], id -> new ArrayList<>()).add(pair[1]));
        return byMessage;
    }

    public void lock(Sql.Tx tx, UUID messageId) {
        tx.list("message-lock", row -> row, messageId);
    }

    public long distinctEmoji(Sql.Tx tx, UUID messageId) {
        return tx.one("reaction-distinct-count", row -> Rows.longValue(row, "CNT"), messageId).orElse(0L);
    }

    public boolean hasEmoji(Sql.Tx tx, UUID messageId, String emoji) {
        return tx.one("reaction-has-emoji", row -> Rows.longValue(row, "CNT"), messageId, emoji).orElse(0L) > 0;
    }

    public boolean hasReaction(Sql.Tx tx, UUID messageId, UUID userId, String emoji) {
        return tx.one("reaction-exists", row -> Rows.longValue(row, "CNT"), messageId, userId, emoji).orElse(0L) > 0;
    }

    public void addReaction(Sql.Tx tx, UUID messageId, UUID userId, String emoji, Instant at) {
        tx.update("reaction-insert", messageId, userId, emoji, at);
    }

    public boolean removeReaction(UUID messageId, UUID userId, String emoji) {
        return sql.update("reaction-delete", messageId, userId, emoji) == 1;
    }

    public List<Reaction> reactions(UUID messageId) {
        return group(sql.list("reaction-for-message", row -> new String[] {Rows.string(row, "EMOJI"),
                Rows.string(row, "USER_ID")}, messageId));
    }

    /** Reactions of the messages with these ids, grouped per message. */
    public Map<UUID, List<Reaction>> reactions(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return grouped(sql.list("reaction-for-messages", row -> new String[] {Rows.string(row, "MESSAGE_ID"),
                Rows.string(row, "EMOJI"), Rows.string(row, "USER_ID")}, (Object) ids.toArray(new UUID[0])));
    }

    /** Reactions of every message of a channel with an id in [from, to], grouped per message. */
    public Map<UUID, List<Reaction>> reactions(UUID channelId, UUID from, UUID to) {
        return grouped(sql.list("reaction-for-range", row -> new String[] {Rows.string(row, "MESSAGE_ID"),
                Rows.string(row, "EMOJI"), Rows.string(row, "USER_ID")}, channelId, from, to));
    }

    /** Rows of (message id, emoji, user id) grouped per message, then per emoji. */
    private static Map<UUID, List<Reaction>> grouped(List<String[]> rowsOfMessageEmojiUser) {
        Map<UUID, List<String[]>> raw = new LinkedHashMap<>();
        rowsOfMessageEmojiUser.forEach(r -> raw.computeIfAbsent(UUID.fromString(r[0]), k -> new ArrayList<>())
                .add(new String[] {r[1], r[2]}));
        Map<UUID, List<Reaction>> grouped = new LinkedHashMap<>();
        raw.forEach((id, rows) -> grouped.put(id, group(rows)));
        return grouped;
    }

    private static List<Reaction> group(List<String[]> emojiAndUser) {
        Map<String, List<UUID>> byEmoji = new LinkedHashMap<>();
        emojiAndUser.forEach(r -> byEmoji.computeIfAbsent(r[0], k -> new ArrayList<>()).add(UUID.fromString(r[1])));
        return byEmoji.entrySet().stream().map(e -> new Reaction(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    static StoredMessage map(DbRow row) {
        boolean senderDeleted = UserStatus.DELETED.wireName().equals(Rows.string(row, "STATUS"));
        UUID senderId = Rows.uuid(row, "SENDER_ID");
        UserRef sender = senderDeleted ? new UserRef(senderId, "deleted-user", "Deleted user")
                : new UserRef(senderId, Rows.string(row, "USERNAME"), Rows.string(row, "DISPLAY_NAME"));
        return new StoredMessage(Rows.uuid(row, "ID"), Rows.uuid(row, "CHANNEL_ID"), sender,
                Rows.string(row, "CONTENT"), Rows.string(row, "ENCRYPTION"), Rows.uuid(row, "REPLY_TO"),
                Rows.instant(row, "CREATED_AT"), Rows.instant(row, "EDITED_AT"), Rows.instant(row, "DELETED_AT"),
                Rows.string(row, "CLIENT_ID"));
    }
}
