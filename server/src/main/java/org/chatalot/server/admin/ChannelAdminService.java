package org.chatalot.server.admin;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.helidon.dbclient.DbRow;

import org.chatalot.model.admin.AdminChannel;
import org.chatalot.model.admin.ChannelConfirmation;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.ChannelKind;
import org.chatalot.model.channel.ChannelMember;
import org.chatalot.model.channel.Visibility;
import org.chatalot.server.audit.AuditLog;
import org.chatalot.server.audit.AuditLog.AuditEntry;
import org.chatalot.server.channel.ChannelService;
import org.chatalot.server.common.Actor;
import org.chatalot.server.db.Rows;
import org.chatalot.server.db.Sql;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.error.NotFound;

/** Every channel of the instance for admins, private ones and DMs included; archive and delete any of them. */
public final class ChannelAdminService {
    private final Sql sql;
    private final ChannelService channels;
    private final AuditLog audit;

    public ChannelAdminService(Sql sql, ChannelService channels, AuditLog audit) {
        this.sql = sql;
        this.channels = channels;
        this.audit = audit;
    }

    public List<AdminChannel> list() {
        return sql.list("admin-channel-list", ChannelAdminService::map);
    }

    /** Who is in a channel and with which role; reading it is not audited, like the list. */
    public List<ChannelMember> members(UUID channelId) {
        return channels.membersOfAny(channelId);
    }

    public AdminChannel archive(Actor actor, UUID channelId, boolean archived) {
        Channel channel = channels.archiveAny(channelId, archived);
        record(actor, archived ? "admin.channel_archived" : "admin.channel_unarchived", channel);
        return find(channelId);
    }

    public void delete(Actor actor, UUID channelId, ChannelConfirmation confirmation) {
        if (confirmation == null || confirmation.confirmChannelId() == null) {
            throw new InvalidInput("confirm_channel_id", "required: repeat the id of the channel to delete");
        }
        if (!confirmation.confirmChannelId().equals(channelId)) {
            throw new InvalidInput("confirmation_mismatch", "confirm_channel_id",
                    "does not match the channel in the path; nothing was deleted");
        }
        record(actor, "admin.channel_deleted", channels.deleteAny(channelId));
    }

    private AdminChannel find(UUID channelId) {
        return sql.one("admin-channel-by-id", ChannelAdminService::map, channelId)
                .orElseThrow(() -> new NotFound("no such channel"));
    }

    private void record(Actor actor, String action, Channel channel) {
        audit.record(AuditEntry.by(actor.userId(), actor.name(), action, actor.origin())
                .target("channel", channel.id(), channel.name())
                .details(Map.of("kind", channel.kind().wireName(), "visibility", channel.visibility().wireName())));
    }

    private static AdminChannel map(DbRow row) {
        return new AdminChannel(Rows.uuid(row, "ID"), ChannelKind.fromWireName(Rows.string(row, "KIND")),
                Visibility.fromWireName(Rows.string(row, "VISIBILITY")), Rows.string(row, "NAME"),
                Rows.intValue(row, "MEMBER_COUNT"), Rows.longValue(row, "MESSAGE_COUNT"),
                Rows.instant(row, "CREATED_AT"), Rows.instant(row, "ARCHIVED_AT"));
    }
}
