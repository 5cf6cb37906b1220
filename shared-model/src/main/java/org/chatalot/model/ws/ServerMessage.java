package org.chatalot.model.ws;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.ChannelMember;
import org.chatalot.model.channel.NotifySetting;
import org.chatalot.model.message.Message;
import org.chatalot.model.user.PublicProfile;

/**
 * Everything the server sends. On the wire each frame also carries {@code seq} (see {@link #SEQ}), the
 * position of the event in the session, used to resume after a reconnect.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ServerMessage.Authenticated.class, name = "authenticated"),
    @JsonSubTypes.Type(value = ServerMessage.Resumed.class, name = "resumed"),
    @JsonSubTypes.Type(value = ServerMessage.ResumeFailed.class, name = "resume_failed"),
    @JsonSubTypes.Type(value = ServerMessage.Error.class, name = "error"),
    @JsonSubTypes.Type(value = ServerMessage.Pong.class, name = "pong"),
    @JsonSubTypes.Type(value = ServerMessage.MessageSent.class, name = "message_sent"),
    @JsonSubTypes.Type(value = ServerMessage.NewMessage.class, name = "new_message"),
    @JsonSubTypes.Type(value = ServerMessage.MessageEdited.class, name = "message_edited"),
    @JsonSubTypes.Type(value = ServerMessage.MessageDeleted.class, name = "message_deleted"),
    @JsonSubTypes.Type(value = ServerMessage.ReactionAdded.class, name = "reaction_added"),
    @JsonSubTypes.Type(value = ServerMessage.ReactionRemoved.class, name = "reaction_removed"),
    @JsonSubTypes.Type(value = ServerMessage.UserTyping.class, name = "user_typing"),
    @JsonSubTypes.Type(value = ServerMessage.UserStoppedTyping.class, name = "user_stopped_typing"),
    @JsonSubTypes.Type(value = ServerMessage.ReadReceipt.class, name = "read_receipt"),
    @JsonSubTypes.Type(value = ServerMessage.PresenceUpdate.class, name = "presence_update"),
    @JsonSubTypes.Type(value = ServerMessage.PresenceBulk.class, name = "presence_bulk"),
    @JsonSubTypes.Type(value = ServerMessage.ChannelUpdated.class, name = "channel_updated"),
    @JsonSubTypes.Type(value = ServerMessage.MemberJoined.class, name = "member_joined"),
    @JsonSubTypes.Type(value = ServerMessage.MemberLeft.class, name = "member_left"),
    @JsonSubTypes.Type(value = ServerMessage.MemberUpdated.class, name = "member_updated"),
    @JsonSubTypes.Type(value = ServerMessage.UserUpdated.class, name = "user_updated"),
    @JsonSubTypes.Type(value = ServerMessage.NotifySettingChanged.class, name = "notify_setting_changed"),
    @JsonSubTypes.Type(value = ServerMessage.ForceLogout.class, name = "force_logout"),
    @JsonSubTypes.Type(value = ServerMessage.VoiceStateUpdate.class, name = "voice_state_update"),
    @JsonSubTypes.Type(value = ServerMessage.UserJoinedVoice.class, name = "user_joined_voice"),
    @JsonSubTypes.Type(value = ServerMessage.UserLeftVoice.class, name = "user_left_voice"),
    @JsonSubTypes.Type(value = ServerMessage.RtcOffer.class, name = "rtc_offer"),
    @JsonSubTypes.Type(value = ServerMessage.RtcAnswer.class, name = "rtc_answer"),
    @JsonSubTypes.Type(value = ServerMessage.RtcIceCandidate.class, name = "rtc_ice_candidate"),
})
public sealed interface ServerMessage {
    /** The per-session sequence number every server frame carries next to {@code type}. */
    String SEQ = "seq";

    /** {@code session_id} names this realtime session for {@code resume}. */
    record Authenticated(@JsonProperty("user_id") UUID userId,
                         @JsonProperty("session_id") UUID sessionId,
                         @JsonProperty("server_version") String serverVersion,
                         @JsonProperty("ping_interval_secs") long pingIntervalSecs) implements ServerMessage {
    }

    /** The session continues; the {@code replayed} missed events follow in order, with their original seq. */
    record Resumed(@JsonProperty("session_id") UUID sessionId, long replayed) implements ServerMessage {
    }

    /** The session cannot continue: authenticate anew and reload state over REST. */
    record ResumeFailed(String reason) implements ServerMessage {
    }

    /** A request failed; the socket stays open unless a close frame follows. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(String code, String message, @JsonProperty("client_id") String clientId) implements ServerMessage {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Pong(String nonce) implements ServerMessage {
    }

    /** The message is stored durably; sent to the socket that sent it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MessageSent(@JsonProperty("client_id") String clientId,
                       @JsonProperty("message_id") UUID messageId,
                       @JsonProperty("channel_id") UUID channelId,
                       @JsonProperty("created_at") Instant createdAt) implements ServerMessage {
    }

    record NewMessage(Message message) implements ServerMessage {
    }

    record MessageEdited(Message message) implements ServerMessage {
    }

    record MessageDeleted(@JsonProperty("message_id") UUID messageId,
                          @JsonProperty("channel_id") UUID channelId,
                          @JsonProperty("deleted_by") UUID deletedBy) implements ServerMessage {
    }

    record ReactionAdded(@JsonProperty("message_id") UUID messageId,
                         @JsonProperty("channel_id") UUID channelId,
                         @JsonProperty("user_id") UUID userId,
                         String emoji) implements ServerMessage {
    }

    record ReactionRemoved(@JsonProperty("message_id") UUID messageId,
                           @JsonProperty("channel_id") UUID channelId,
                           @JsonProperty("user_id") UUID userId,
                           String emoji) implements ServerMessage {
    }

    record UserTyping(@JsonProperty("channel_id") UUID channelId, @JsonProperty("user_id") UUID userId)
            implements ServerMessage {
    }

    record UserStoppedTyping(@JsonProperty("channel_id") UUID channelId, @JsonProperty("user_id") UUID userId)
            implements ServerMessage {
    }

    record ReadReceipt(@JsonProperty("channel_id") UUID channelId,
                       @JsonProperty("user_id") UUID userId,
                       @JsonProperty("message_id") UUID messageId) implements ServerMessage {
    }

    record PresenceUpdate(@JsonProperty("user_id") UUID userId, PresenceStatus status) implements ServerMessage {
    }

    /** Everyone not offline, sent once after {@code authenticated}. */
    record PresenceBulk(List<PresenceUpdate> users) implements ServerMessage {
    }

    record ChannelUpdated(Channel channel) implements ServerMessage {
    }

    record MemberJoined(@JsonProperty("channel_id") UUID channelId, ChannelMember member) implements ServerMessage {
    }

    /** {@code reason}: {@code left}, {@code removed} or {@code channel_deleted}. */
    record MemberLeft(@JsonProperty("channel_id") UUID channelId,
                      @JsonProperty("user_id") UUID userId,
                      String reason) implements ServerMessage {
    }

    record MemberUpdated(@JsonProperty("channel_id") UUID channelId, ChannelMember member) implements ServerMessage {
    }

    /**
     * Someone changed what others see of them (display name, status text): their public profile as it is now,
     * to their own sockets and to those of everyone who shares a channel or DM with them.
     */
    record UserUpdated(PublicProfile user) implements ServerMessage {
    }

    /** The user changed a channel's notification level (in any browser): to all of that user's sockets. */
    record NotifySettingChanged(NotifySetting setting) implements ServerMessage {
    }

    /** The credentials behind this socket stopped being valid; the server closes it next. */
    record ForceLogout(String reason) implements ServerMessage {
    }

    /**
     * Who is in the voice channel's call now, in joining order. {@code session_id} names the call (null once
     * the last participant left; the next call gets a new one) and goes into every {@code rtc_*} message.
     * {@code muted} and {@code camera} list the participants whose microphone is off and whose camera is on.
     */
    record VoiceStateUpdate(@JsonProperty("channel_id") UUID channelId,
                            @JsonProperty("session_id") UUID sessionId,
                            List<UUID> participants,
                            List<UUID> muted,
                            List<UUID> camera) implements ServerMessage {
    }

    record UserJoinedVoice(@JsonProperty("channel_id") UUID channelId, @JsonProperty("user_id") UUID userId)
            implements ServerMessage {
    }

    /** {@code reason}: {@code left}, {@code moved}, {@code rejoined}, {@code disconnected}, {@code removed}. */
    record UserLeftVoice(@JsonProperty("channel_id") UUID channelId,
                         @JsonProperty("user_id") UUID userId,
                         String reason) implements ServerMessage {
    }

    record RtcOffer(@JsonProperty("from_user_id") UUID fromUserId,
                    @JsonProperty("session_id") UUID sessionId,
                    String sdp) implements ServerMessage {
    }

    record RtcAnswer(@JsonProperty("from_user_id") UUID fromUserId,
                     @JsonProperty("session_id") UUID sessionId,
                     String sdp) implements ServerMessage {
    }

    record RtcIceCandidate(@JsonProperty("from_user_id") UUID fromUserId,
                           @JsonProperty("session_id") UUID sessionId,
                           String candidate) implements ServerMessage {
    }
}
