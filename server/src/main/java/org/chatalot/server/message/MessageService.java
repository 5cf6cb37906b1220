package org.chatalot.server.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.chatalot.model.channel.ChannelKind;
import org.chatalot.model.file.FileInfo;
import org.chatalot.model.message.Message;
import org.chatalot.model.message.MessageEdit;
import org.chatalot.model.message.SendMessageRequest;
import org.chatalot.model.message.UserRef;
import org.chatalot.model.ws.ServerMessage;
import org.chatalot.server.channel.ChannelAccess;
import org.chatalot.server.channel.ChannelIndex;
import org.chatalot.server.channel.DirectMessages;
import org.chatalot.server.channel.Memberships;
import org.chatalot.server.common.EventSink;
import org.chatalot.server.common.Principal;
import org.chatalot.server.common.RealtimeSessionId;
import org.chatalot.server.db.Sql;
import org.chatalot.server.error.Conflict;
import org.chatalot.server.error.Forbidden;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.error.NotFound;
import org.chatalot.server.error.Unavailable;

/**
 * Sending, editing and deleting messages, and reactions (reading them is {@link MessageHistory}). Every change
 * is stored first and announced to the channel's members after, so nobody hears of a message the database does
 * not have.
 */
public final class MessageService {
    public static final Duration EDIT_WINDOW = Duration.ofMinutes(15);
    /** How long a REST send waits for its commit before answering 503 (docs/api.md). */
    public static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(MessageService.class.getName());

    private final Sql sql;
    private final MessageRepository messages;
    private final MessageHistory history;
    private final MessageWriter writer;
    private final ChannelAccess access;
    private final DirectMessages directMessages;
    private final Memberships memberships;
    private final Attachments attachments;
    private final Senders senders;
    private final EventSink events;
    private final Mentions mentions;
    private final TextIndex textIndex;
    private final Clock clock;
    private final Resends resends = new Resends();

    public MessageService(Sql sql, MessageRepository messages, MessageHistory history, MessageWriter writer,
                          ChannelAccess access, DirectMessages directMessages, Memberships memberships,
                          Attachments attachments, Senders senders, EventSink events, Mentions mentions,
                          TextIndex textIndex, Clock clock) {
        this.sql = sql;
        this.messages = messages;
        this.history = history;
        this.writer = writer;
        this.access = access;
        this.directMessages = directMessages;
        this.memberships = memberships;
        this.attachments = attachments;
        this.senders = senders;
        this.events = events;
        this.mentions = mentions;
        this.textIndex = textIndex;
        this.clock = clock;
    }

    /** What a post ended in: the message, and whether an earlier post with its {@code client_id} stored it. */
    public record Posted(Message message, boolean isResent) {
    }

    /**
     * Checks the message and queues it for the next group commit; throws at once when it may not be sent. The
     * stage completes once it is committed, or exceptionally with the reason it could not be; nothing is
     * announced before it is on disk.
     *
     * <p>After the commit, on the message writer's announcer and in commit order: the channel's members hear
     * {@code new_message}, except the session it came from ({@code origin}, empty over REST); the stage
     * completes; then {@code origin} hears {@code message_sent}. So whatever the sender's side does when the
     * stage completes (freeing its place in the socket's send window) is done before the client hears it may
     * send again, and {@code message_sent} keeps its place among the channel's other events.
     *
     * <p>A message with a {@code client_id} the sender used before is not stored or announced again: the
     * stage gets the original (from the database, or from the copy still in flight), even after a restart.
     */
    public CompletionStage<Posted> submit(Principal who, UUID channelId, SendMessageRequest request,
                                          Optional<RealtimeSessionId> origin) {
        String clientId = MessageRules.clientId(request.clientId());
        if (clientId == null) {
            return queue(accept(who, channelId, request, null), origin);
        }
        Resends.Key key = new Resends.Key(who.userId(), clientId);
        Optional<CompletionStage<Message>> inFlight = resends.claim(key);
        if (inFlight.isPresent()) {
            return resent(inFlight.get(), origin);
        }
        try {
            Optional<Message> original = original(who, key);
            if (original.isEmpty()) {
                return queue(accept(who, channelId, request, clientId), origin);
            }
            resends.stored(key, original.get());
            return resent(CompletableFuture.completedStage(original.get()), origin);
        } catch (RuntimeException e) {
            resends.failed(key, e);
            throw e;
        }
    }

    /**
     * {@link #submit}, waiting: answers once the message is stored and announced (the REST path), or with 503
     * when that has not happened within {@link #SEND_TIMEOUT}: a request never hangs on the writer.
     */
    public Posted send(Principal who, UUID channelId, SendMessageRequest request) {
        CompletableFuture<Posted> posted = submit(who, channelId, request, Optional.empty()).toCompletableFuture();
        try {
            return posted.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new Unavailable("the message was not confirmed within " + SEND_TIMEOUT.toSeconds() + " s; it may "
                    + "still be stored, so look at the channel before sending it again", 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("the server is stopping; the message may not be stored", 5);
        }
    }

    /** Hands the message to the writer with what follows its commit attached, so it runs in commit order. */
    private CompletionStage<Posted> queue(Accepted accepted, Optional<RealtimeSessionId> origin) {
        CompletableFuture<NewMessage> committed = new CompletableFuture<>();
        CompletableFuture<Posted> posted = new CompletableFuture<>();
        committed.whenComplete((stored, failure) -> {
            if (failure != null) {
                posted.completeExceptionally(failure);
                settleResends(accepted.draft(), null, failure);
                return;
            }
            Message message = accepted.wire(stored);
            try {
                announce(message, origin);
                acknowledge(posted, new Posted(message, false), origin);
            } finally {
                settleResends(accepted.draft(), message, null);
            }
        });
        writer.write(accepted.draft(), committed);
        return posted;
    }

    /** The channel hears of the stored message; a failure here must not make its sender think it was lost. */
    private void announce(Message message, Optional<RealtimeSessionId> origin) {
        ServerMessage event = new ServerMessage.NewMessage(message);
        try {
            if (origin.isPresent()) {
                events.toChannel(message.channelId(), event, origin.get());
            } else {
                events.toChannel(message.channelId(), event);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Message " + message.id() + " is stored but announcing it failed", e);
        }
    }

    /** A copy that found its {@code client_id} taken gets the original, once the copy holding it is settled. */
    private CompletionStage<Posted> resent(CompletionStage<Message> original, Optional<RealtimeSessionId> origin) {
        CompletableFuture<Posted> posted = new CompletableFuture<>();
        original.whenComplete((message, failure) -> {
            if (failure != null) {
                posted.completeExceptionally(failure);
            } else {
                acknowledge(posted, new Posted(message, true), origin);
            }
        });
        return posted;
    }

    /** Completes the sender's stage, then tells the session it came from (see {@link #submit}). */
    private void acknowledge(CompletableFuture<Posted> posted, Posted result, Optional<RealtimeSessionId> origin) {
        posted.complete(result);
        Message message = result.message();
        origin.ifPresent(session -> events.toSession(session, new ServerMessage.MessageSent(message.clientId(),
                message.id(), message.channelId(), message.createdAt())));
    }

    /** The copies that waited for this message's {@code client_id} get how it ended. */
    private void settleResends(MessageDraft draft, Message stored, Throwable failure) {
        if (draft.clientId() == null) {
            return;
        }
        Resends.Key key = new Resends.Key(draft.senderId(), draft.clientId());
        if (failure == null) {
            resends.stored(key, stored);
        } else {
            resends.failed(key, failure);
        }
    }

    /** The message stored earlier under this client id, as its sender may see it now. */
    private Optional<Message> original(Principal who, Resends.Key key) {
        return messages.byClientId(key.senderId(), key.clientId()).map(stored -> {
            access.member(who, stored.channelId());
            return history.shown(stored);
        });
    }

    /**
     * Every check a message passes before it is queued, answered from memory but for replies, attachments
     * and blocks in DMs.
     */
    private Accepted accept(Principal who, UUID channelId, SendMessageRequest request, String clientId) {
        if (channelId == null) {
            throw new InvalidInput("channel_id", "required");
        }
        ChannelIndex.Entry channel = access.postable(who, channelId);
        MessageRules.content(request.content(), request.attachments());
        String encryption = MessageRules.encryption(request.encryption());
        if (channel.kind() == ChannelKind.DM) {
            memberships.members(channelId).stream().filter(id -> !id.equals(who.userId())).findFirst()
                    .ifPresent(other -> directMessages.requireNotBlocked(who.userId(), other));
        }
        if (request.replyTo() != null) {
            messages.byId(request.replyTo()).filter(m -> m.channelId().equals(channelId))
                    .orElseThrow(() -> new InvalidInput("reply_to", "no such message in this channel"));
        }
        List<UUID> files = request.attachments() == null ? List.of() : List.copyOf(request.attachments());
        List<FileInfo> fileInfo = attachments.check(who, channelId, files);
        Mentions.Mentioned mentioned = mentions.of(channelId, who.userId(), request.content(), encryption);
        MessageDraft draft = new MessageDraft(channelId, who.userId(), request.content(), encryption,
                request.replyTo(), files, clientId, mentioned);
        return new Accepted(draft, senders.of(who.userId()), fileInfo);
    }

    /**
     * A message to store, and what {@code new_message} shows of it once stored (no need to read it back);
     * the writer gives the id and time.
     */
    private record Accepted(MessageDraft draft, UserRef sender, List<FileInfo> files) {
        Message wire(NewMessage stored) {
            return new Message(stored.id(), stored.channelId(), sender, stored.content(), stored.encryption(),
                    stored.replyTo(), stored.createdAt(), null, false, List.of(), files, stored.clientId(),
                    stored.mentioned().direct(), stored.mentioned().isChannel());
        }
    }

    /** The sender may change the content within 15 minutes; earlier versions are kept. */
    public Message edit(Principal who, UUID messageId, String content, String encryption) {
        StoredMessage old = visibleMessage(who, messageId);
        access.postable(who, old.channelId());
        if (!old.sender().id().equals(who.userId())) {
            throw new Forbidden("only the sender can edit a message");
        }
        if (old.isDeleted()) {
            throw new Conflict("message_deleted", null, "a deleted message cannot be edited");
        }
        Instant now = clock.instant();
        if (old.createdAt().plus(EDIT_WINDOW).isBefore(now)) {
            throw new Forbidden("edit_window_closed", "messages can be edited for 15 minutes after sending");
        }
        MessageRules.content(content, List.of());
        String scheme = MessageRules.encryption(encryption);
        Mentions.Mentioned mentioned = mentions.of(old.channelId(), who.userId(), content, scheme);
        sql.inTransaction(tx -> {
            StoredMessage current = messages.lockedById(tx, messageId).orElseThrow();
            if (current.isDeleted()) {
                throw new Conflict("message_deleted", null, "a deleted message cannot be edited");
            }
            messages.edit(tx, current, content, scheme, now);
            messages.deleteMentions(tx, messageId);
            messages.insertMentions(tx, List.of(new Mentions.OfMessage(messageId, old.channelId(), mentioned)));
            return null;
        });
        textIndex.changed(messageId);
        Message edited = history.shown(messages.byId(messageId).orElseThrow());
        events.toChannel(old.channelId(), new ServerMessage.MessageEdited(edited));
        return edited;
    }

    /** The sender, a channel moderator or an admin may delete; the message keeps its place, without content. */
    public void delete(Principal who, UUID messageId) {
        StoredMessage message = visibleMessage(who, messageId);
        boolean sender = message.sender().id().equals(who.userId());
        if (!sender && !access.isModerator(who, message.channelId())) {
            throw new Forbidden("only the sender or a moderator can delete this message");
        }
        access.requireWritable(message.channelId());
        boolean deleted = sql.inTransaction(tx -> {
            if (!messages.softDelete(tx, messageId, who.userId(), clock.instant())) {
                return false;
            }
            messages.deleteMentions(tx, messageId);
            return true;
        });
        if (deleted) {
            textIndex.changed(messageId);
            events.toChannel(message.channelId(),
                    new ServerMessage.MessageDeleted(messageId, message.channelId(), who.userId()));
        }
    }

    public List<MessageEdit> edits(Principal who, UUID messageId) {
        visibleMessage(who, messageId);
        return messages.edits(messageId);
    }

    public void react(Principal who, UUID messageId, String emoji) {
        String checked = MessageRules.emoji(emoji);
        StoredMessage message = reactable(who, messageId);
        boolean added = sql.inTransaction(tx -> {
            // The row lock serialises reactions to one message, so the checks below cannot race.
            messages.lock(tx, messageId);
            if (messages.hasReaction(tx, messageId, who.userId(), checked)) {
                return false;
            }
            if (!messages.hasEmoji(tx, messageId, checked)
                    && messages.distinctEmoji(tx, messageId) >= MessageRules.MAX_DISTINCT_REACTIONS) {
                throw new Conflict("too_many_reactions", "emoji",
                        "a message can have at most " + MessageRules.MAX_DISTINCT_REACTIONS + " different reactions");
            }
            messages.addReaction(tx, messageId, who.userId(), checked, clock.instant());
            return true;
        });
        if (added) {
            events.toChannel(message.channelId(),
                    new ServerMessage.ReactionAdded(messageId, message.channelId(), who.userId(), checked));
        }
    }

    public void unreact(Principal who, UUID messageId, String emoji) {
        String checked = MessageRules.emoji(emoji);
        StoredMessage message = reactable(who, messageId);
        if (messages.removeReaction(messageId, who.userId(), checked)) {
            events.toChannel(message.channelId(),
                    new ServerMessage.ReactionRemoved(messageId, message.channelId(), who.userId(), checked));
        }
    }

    private StoredMessage reactable(Principal who, UUID messageId) {
        StoredMessage message = visibleMessage(who, messageId);
        access.postable(who, message.channelId());
        if (message.isDeleted()) {
            throw new Conflict("message_deleted", null, "cannot react to a deleted message");
        }
        return message;
    }

    private StoredMessage visibleMessage(Principal who, UUID messageId) {
        if (messageId == null) {
            throw new InvalidInput("message_id", "required");
        }
        StoredMessage message = messages.byId(messageId).orElseThrow(() -> new NotFound("no such message"));
        if (!memberships.isMember(message.channelId(), who.userId())) {
            throw new NotFound("no such message");
        }
        return message;
    }
}
