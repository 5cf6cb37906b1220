package org.chatalot.server.channel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.helidon.dbclient.DbRow;

import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.ChannelKind;
import org.chatalot.model.channel.ChannelMember;
import org.chatalot.model.channel.ChannelRole;
import org.chatalot.model.channel.NotifyLevel;
import org.chatalot.model.channel.NotifySetting;
import org.chatalot.model.channel.UnreadCount;
import org.chatalot.model.channel.Visibility;
import org.chatalot.model.user.PublicProfile;
import org.chatalot.server.db.Rows;
import org.chatalot.server.db.Sql;
import org.chatalot.server.user.UserRepository;

/** Rows of {@code channel}, {@code channel_member} and {@code user_block}. */
public final class ChannelRepository {
    private final Sql sql;

    public ChannelRepository(Sql sql) {
        this.sql = sql;
    }

    public void insert(Sql.Tx tx, NewChannel channel) {
        tx.update("channel-insert", channel.id(), channel.kind().wireName(), channel.visibility().wireName(),
                channel.name(), channel.topic(), channel.dmKey(), channel.createdBy(), channel.createdAt());
    }

    public Optional<Channel> byId(UUID id) {
        return sql.one("channel-by-id", ChannelRepository::map, id);
    }

    public Optional<Channel> byDmKey(String dmKey) {
        return sql.one("channel-by-dm-key", ChannelRepository::map, dmKey);
    }

    public List<Channel> listMine(UUID userId) {
        return sql.list("channel-list-mine", ChannelRepository::map, userId);
    }

    public List<Channel> listPublic() {
        return sql.list("channel-list-public", ChannelRepository::map);
    }

    /** DM channels of a user, each with the other person's id. */
    public List<DmRow> listDms(UUID userId) {
        return sql.list("channel-list-dms", row -> new DmRow(map(row), Rows.uuid(row, "OTHER_ID")), userId);
    }

    /** Every live channel, for {@link ChannelIndex}. */
    List<ChannelIndex.Entry> indexEntries() {
        return sql.list("channel-index", row -> new ChannelIndex.Entry(Rows.uuid(row, "ID"),
                ChannelKind.fromWireName(Rows.string(row, "KIND")), Visibility.fromWireName(Rows.string(row,
                "VISIBILITY")), Rows.instant(row, "ARCHIVED_AT") != null));
    }

    public void update(UUID id, String name, String topic) {
        sql.update("channel-update", name, topic, id);
    }

    public void archive(UUID id, Instant at) {
        sql.update("channel-archive", at, id);
    }

    public boolean delete(UUID id, Instant at) {
        return sql.update("channel-delete", at, id) == 1;
    }

    public void touch(Sql.Tx tx, UUID id, UUID lastMessageId) {
        tx.update("channel-touch", lastMessageId, id, lastMessageId);
    }

    public List<UUID[]> allMemberships() {
        return sql.list("member-all", row -> new UUID[] {Rows.uuid(row, "CHANNEL_ID"), Rows.uuid(row, "USER_ID")});
    }

    public void insertMember(Sql.Tx tx, UUID channelId, UUID userId, ChannelRole role, Instant at) {
        tx.update("member-insert", channelId, userId, role.wireName(), at);
    }

    public Optional<ChannelRole> role(UUID channelId, UUID userId) {
        return sql.one("member-get", row -> ChannelRole.fromWireName(Rows.string(row, "ROLE")), channelId, userId);
    }

    public List<ChannelMember> members(UUID channelId) {
        return sql.list("member-list", row -> new ChannelMember(profile(row),
                ChannelRole.fromWireName(Rows.string(row, "MEMBER_ROLE")), Rows.instant(row, "JOINED_AT")), channelId);
    }

    public boolean deleteMember(UUID channelId, UUID userId) {
        return sql.update("member-delete", channelId, userId) == 1;
    }

    public void setRole(UUID channelId, UUID userId, ChannelRole role) {
        sql.update("member-set-role", role.wireName(), channelId, userId);
    }

    public Optional<UUID> successor(UUID channelId, UUID leaving) {
        return sql.one("member-oldest-other", row -> Rows.uuid(row, "USER_ID"), channelId, leaving);
    }

    public boolean markRead(UUID channelId, UUID userId, UUID messageId) {
        return sql.update("member-mark-read", messageId, channelId, userId, messageId) == 1;
    }

    public List<UnreadCount> unread(UUID userId) {
        return sql.list("member-unread", row -> new UnreadCount(Rows.uuid(row, "CHANNEL_ID"),
                Rows.longValue(row, "UNREAD"), Rows.uuid(row, "LAST_READ_MESSAGE"),
                Rows.uuid(row, "LAST_MESSAGE_ID"), Rows.longValue(row, "MENTIONS"), notifySetting(row).level()),
                userId);
    }

    Optional<NotifySetting> notifySetting(UUID channelId, UUID userId) {
        return sql.one("member-notify-level", ChannelRepository::notifySetting, channelId, userId)
                .map(s -> new NotifySetting(channelId, s.level(), s.isDefault()));
    }

    void setNotifyLevel(UUID channelId, UUID userId, NotifyLevel level) {
        sql.update("member-set-notify-level", level == null ? null : level.wireName(), channelId, userId);
    }

    /** The level a member row holds, or the default for the channel's kind (the channel id is not read). */
    private static NotifySetting notifySetting(DbRow row) {
        String chosen = Rows.string(row, "NOTIFY_LEVEL");
        return chosen == null
                ? new NotifySetting(null, NotifyLevel.defaultFor(ChannelKind.fromWireName(Rows.string(row, "KIND"))),
                        true)
                : new NotifySetting(null, NotifyLevel.fromWireName(chosen), false);
    }

    public void block(UUID blocker, UUID blocked, Instant at) {
        sql.update("block-insert", blocker, blocked, at);
    }

    public boolean unblock(UUID blocker, UUID blocked) {
        return sql.update("block-delete", blocker, blocked) == 1;
    }

    public boolean eitherBlocked(UUID a, UUID b) {
        return sql.one("block-either", row -> Rows.longValue(row, "CNT"), a, b, b, a).orElse(0L) > 0;
    }

    public List<PublicProfile> blocked(UUID blocker) {
        return sql.list("block-list", ChannelRepository::profileOfUserRow, blocker);
    }

    static Channel map(DbRow row) {
        return new Channel(Rows.uuid(row, "ID"), ChannelKind.fromWireName(Rows.string(row, "KIND")),
                Visibility.fromWireName(Rows.string(row, "VISIBILITY")), Rows.string(row, "NAME"),
                Rows.string(row, "TOPIC"), Rows.uuid(row, "CREATED_BY"), Rows.instant(row, "CREATED_AT"),
                Rows.instant(row, "ARCHIVED_AT"), Rows.instant(row, "DELETED_AT") != null,
                Rows.intValue(row, "MEMBER_COUNT"));
    }

    private static PublicProfile profile(DbRow row) {
        return profileOfUserRow(row);
    }

    private static PublicProfile profileOfUserRow(DbRow row) {
        return UserRepository.map(row).toPublicProfile();
    }

    /** What creating a channel needs. {@code dmKey} is set for DMs only. */
    public record NewChannel(UUID id, ChannelKind kind, Visibility visibility, String name, String topic, String dmKey,
                             UUID createdBy, Instant createdAt) {
    }

    /** A DM channel and the other participant. */
    public record DmRow(Channel channel, UUID otherUserId) {
    }
}
