package org.chatalot.server.common;

import java.util.UUID;

import org.chatalot.model.ws.ServerMessage;

/**
 * Where features publish realtime events. Implemented by the realtime delivery; features never know about
 * sockets. Membership is checked at delivery time, so an event for a channel reaches exactly its members
 * at that moment.
 */
public interface EventSink {

    /** To every session of every current member of the channel. */
    void toChannel(UUID channelId, ServerMessage event);

    /**
     * To every session of every current member of the channel but {@code origin}, the session the event came
     * from, which hears of it in its own way (a sent message is answered with {@code message_sent}).
     */
    void toChannel(UUID channelId, ServerMessage event, RealtimeSessionId origin);

    /** To one session, if it still exists. */
    void toSession(RealtimeSessionId sessionId, ServerMessage event);

    /** To every session of one user. */
    void toUser(UUID userId, ServerMessage event);

    /**
     * To every session of one user and of everyone who shares a channel or DM with them at this moment, once
     * each: news about the person (their profile) that only people who see them in some conversation need.
     */
    void toUserAndPeers(UUID userId, ServerMessage event);
}
