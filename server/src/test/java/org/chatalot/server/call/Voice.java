package org.chatalot.server.call;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.server.testing.WsClient;

/** Steps the call tests share: join and wait for the server to confirm, read participant lists and errors. */
final class Voice {

    private Voice() {
    }

    /** Joins and returns the call's session_id once the state lists the user. */
    static UUID join(WsClient client, UUID channelId, AuthTokens user) {
        client.send(new ClientMessage.JoinVoice(channelId));
        return UUID.fromString(stateListing(client, channelId, user).get("session_id").asText());
    }

    /** The next voice_state_update of the channel that lists the user. */
    static JsonNode stateListing(WsClient client, UUID channelId, AuthTokens user) {
        return client.await("voice_state_update", state -> isOf(state, channelId)
                && participants(state).contains(user.user().id()));
    }

    static List<UUID> participants(JsonNode state) {
        List<UUID> ids = new ArrayList<>();
        state.get("participants").forEach(id -> ids.add(UUID.fromString(id.asText())));
        return ids;
    }

    static boolean isOf(JsonNode event, UUID channelId) {
        return event.path("channel_id").asText().equals(channelId.toString());
    }

    static boolean isAbout(JsonNode event, AuthTokens user) {
        return event.path("user_id").asText().equals(user.user().id().toString());
    }

    static JsonNode error(WsClient client, String code) {
        return client.await("error", e -> e.get("code").asText().equals(code));
    }

    static long lastSeq(WsClient client) {
        List<JsonNode> seen = client.seen();
        return seen.get(seen.size() - 1).get("seq").asLong();
    }
}
