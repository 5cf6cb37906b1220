package org.chatalot.server.realtime;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.chatalot.model.error.ErrorCodes;
import org.chatalot.model.message.SendMessageRequest;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.model.ws.ServerMessage;
import org.chatalot.model.ws.WsErrorCodes;
import org.chatalot.server.call.CallService;
import org.chatalot.server.call.MediaState;
import org.chatalot.server.call.Signal;
import org.chatalot.server.channel.Memberships;
import org.chatalot.server.common.Principal;
import org.chatalot.server.common.TokenVerifier;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.error.NotFound;
import org.chatalot.server.error.ServiceException;
import org.chatalot.server.error.TooMany;
import org.chatalot.server.message.MessageService;
import org.chatalot.server.message.ReadCursors;

/**
 * What each client message does, for an authenticated session. The switch is exhaustive over the sealed
 * protocol, so a new message type that is not handled here does not compile. A failure answers with an
 * {@code error} frame and never closes the socket. Who is acting, with their instance role, is read afresh
 * for every message (a demotion applies to the very next frame, as over REST); channel roles are read by
 * the services at the moment they check them.
 */
public final class Dispatcher {
    private static final int MAX_SUBSCRIPTIONS = 500;
    /** Messages one socket may have awaiting {@code message_sent}: far more than anyone types ahead. */
    static final int MAX_SENDS_IN_FLIGHT = 32;

    private final TokenVerifier tokens;
    private final Memberships memberships;
    private final Delivery delivery;
    private final Presence presence;
    private final Typing typing;
    private final MessageService messages;
    private final ReadCursors cursors;
    private final CallService calls;
    private final SendWindow sends = new SendWindow(MAX_SENDS_IN_FLIGHT);

    public Dispatcher(TokenVerifier tokens, Memberships memberships, Delivery delivery, Presence presence,
                      Typing typing, MessageService messages, ReadCursors cursors, CallService calls) {
        this.tokens = tokens;
        this.memberships = memberships;
        this.delivery = delivery;
        this.presence = presence;
        this.typing = typing;
        this.messages = messages;
        this.cursors = cursors;
        this.calls = calls;
    }

    void handle(RealtimeSession session, Connection connection, ClientMessage message) {
        String clientId = message instanceof ClientMessage.SendMessage send ? send.clientId() : null;
        try {
            dispatch(session, connection, message);
        } catch (ServiceException e) {
            connection.sendError(e.code(), e.getMessage(), clientId);
        }
    }

    private void dispatch(RealtimeSession session, Connection connection, ClientMessage message) {
        Principal who = caller(session);
        switch (message) {
            case ClientMessage.Authenticate ignored -> alreadyAuthenticated(connection);
            case ClientMessage.Resume ignored -> alreadyAuthenticated(connection);
            case ClientMessage.Ping ping -> delivery.deliver(session, new ServerMessage.Pong(ping.nonce()));
            case ClientMessage.SendMessage send -> send(session, who, connection, send);
            case ClientMessage.EditMessage edit -> messages.edit(who, edit.messageId(), edit.content(),
                    edit.encryption());
            case ClientMessage.DeleteMessage delete -> messages.delete(who, delete.messageId());
            case ClientMessage.AddReaction add -> messages.react(who, add.messageId(), add.emoji());
            case ClientMessage.RemoveReaction remove -> messages.unreact(who, remove.messageId(), remove.emoji());
            case ClientMessage.Typing t -> typing.start(member(who, t.channelId()), who.userId(), System.nanoTime());
            case ClientMessage.StopTyping t -> typing.stop(member(who, t.channelId()), who.userId());
            case ClientMessage.MarkRead read -> cursors.markRead(who, read.channelId(), read.messageId());
            case ClientMessage.Subscribe subscribe -> subscribe(session, who, subscribe.channelIds());
            case ClientMessage.Unsubscribe unsubscribe -> unsubscribe(session, unsubscribe.channelIds());
            case ClientMessage.UpdatePresence update -> presence.choose(who.userId(), update.status());
            case ClientMessage.JoinVoice join -> calls.join(who, session.id(), join.channelId(),
                    MediaState.of(join.muted(), join.camera()));
            case ClientMessage.LeaveVoice ignored -> calls.leave(who);
            case ClientMessage.UpdateVoiceState update -> calls.updateMedia(who, session.id(), update.muted(),
                    update.camera());
            case ClientMessage.RtcOffer offer -> calls.relay(who, session.id(),
                    Signal.offer(offer.targetUserId(), offer.sessionId(), offer.sdp()));
            case ClientMessage.RtcAnswer answer -> calls.relay(who, session.id(),
                    Signal.answer(answer.targetUserId(), answer.sessionId(), answer.sdp()));
            case ClientMessage.RtcIceCandidate candidate -> calls.relay(who, session.id(),
                    Signal.candidate(candidate.targetUserId(), candidate.sessionId(), candidate.candidate()));
        }
    }

    /**
     * Who acts for the session at this moment: the account's role and status, and the signed-in session, read
     * now through the same cache as every REST request, never remembered from when the socket authenticated.
     */
    private Principal caller(RealtimeSession session) {
        return tokens.current(session.userId(), session.authSessionId());
    }

    /**
     * Queues the message and returns: the reader goes on with the socket's next frame while the message waits
     * for its group commit. Checks and limits apply before it is queued. Once it is committed the message
     * service tells the session {@code message_sent}, right after the stage completes here: the message's
     * place in the socket's send window is free before the client hears it may send more. A message that was
     * not stored is answered with an error carrying its {@code client_id}. Either way in the order the socket
     * sent its messages.
     */
    private void send(RealtimeSession session, Principal who, Connection connection,
                      ClientMessage.SendMessage send) {
        if (!sends.tryTake(connection)) {
            throw new TooMany("at most " + sends.cap() + " messages may await message_sent on one socket; "
                    + "wait for their acknowledgements", 1);
        }
        CompletionStage<MessageService.Posted> posted;
        try {
            posted = messages.submit(who, send.channelId(), new SendMessageRequest(send.content(),
                    send.encryption(), send.replyTo(), send.attachments(), send.clientId()),
                    Optional.of(session.id()));
        } catch (RuntimeException e) {
            sends.release(connection);
            throw e;
        }
        posted.whenComplete((stored, failure) -> {
            sends.release(connection);
            if (failure == null) {
                typing.stop(stored.message().channelId(), session.userId());
            } else {
                delivery.deliver(session, refusal(failure, send.clientId()));
            }
        });
    }

    /** Why a queued message was not stored; an unexpected failure is logged where it happened, never shown. */
    private static ServerMessage.Error refusal(Throwable failure, String clientId) {
        Throwable cause = failure instanceof CompletionException wrapped && wrapped.getCause() != null
                ? wrapped.getCause() : failure;
        return cause instanceof ServiceException known
                ? new ServerMessage.Error(known.code(), known.getMessage(), clientId)
                : new ServerMessage.Error(ErrorCodes.INTERNAL_ERROR, "the message could not be stored; send it again",
                        clientId);
    }

    private void subscribe(RealtimeSession session, Principal who, List<UUID> channelIds) {
        if (channelIds == null || channelIds.isEmpty()) {
            throw new InvalidInput("channel_ids", "required: a list of channel ids");
        }
        if (session.subscriptionCount() + channelIds.size() > MAX_SUBSCRIPTIONS) {
            throw new InvalidInput("channel_ids", "at most " + MAX_SUBSCRIPTIONS + " open channels per session");
        }
        for (UUID channelId : channelIds) {
            session.subscribe(member(who, channelId));
        }
    }

    private void unsubscribe(RealtimeSession session, List<UUID> channelIds) {
        if (channelIds != null) {
            channelIds.forEach(session::unsubscribe);
        }
    }

    private UUID member(Principal who, UUID channelId) {
        if (channelId == null) {
            throw new InvalidInput("channel_id", "required");
        }
        if (!memberships.isMember(channelId, who.userId())) {
            throw new NotFound("no such channel (or you are not a member)");
        }
        return channelId;
    }

    private static void alreadyAuthenticated(Connection connection) {
        connection.sendError(WsErrorCodes.ALREADY_AUTHENTICATED, "this socket is already authenticated", null);
    }
}
