package org.chatalot.server.common;

import java.util.UUID;

import org.chatalot.model.ws.ServerMessage;

/**
 * Where features publish realtime events. Implemented by the WebSocket hub; features never know about
 * sockets. Membership is checked at delivery time, so an event for a channel reaches exactly its members
 * at that moment.
 */
public interface EventSink {

    /** To every session of every current member of the channel, except the connection {@code except}. */
    void toChannel(UUID channelId, ServerMessage event, Object except);

    /** To every session of one user. */
    void toUser(UUID userId, ServerMessage event);

    /** A sink that drops everything (for tools that run features without a hub). */
    EventSink NONE = new EventSink() {
        @Override
        public void toChannel(UUID channelId, ServerMessage event, Object except) {
        }

        @Override
        public void toUser(UUID userId, ServerMessage event) {
        }
    };
}
