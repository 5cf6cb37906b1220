package org.chatalot.server.realtime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.chatalot.model.error.ErrorCodes;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.model.ws.ServerMessage;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.http.Json;

/**
 * JSON frames. An event is serialised once however many sessions receive it; each session's sequence
 * number is spliced in front when the frame is written.
 */
public final class Frames {
    private static final Set<String> CLIENT_TYPES = Arrays.stream(
                    ClientMessage.class.getAnnotation(JsonSubTypes.class).value())
            .map(JsonSubTypes.Type::name).collect(Collectors.toUnmodifiableSet());

    private final Json json;
    private final ObjectMapper mapper;

    public Frames(Json json) {
        this.json = json;
        this.mapper = json.mapper();
    }

    /** The event as JSON without its sequence number: {@code {"type":"…",…}}. */
    String body(ServerMessage message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + message.getClass().getSimpleName(), e);
        }
    }

    /** What goes in place of the body's opening brace to number it: {@code {"seq":N,}. */
    static String seqPrefix(long seq) {
        return "{\"" + ServerMessage.SEQ + "\":" + seq + ",";
    }

    /**
     * Where the fragment of {@code text} starting at {@code start} ends: at most {@code max} chars on, and
     * never between the two halves of a surrogate pair (each fragment is encoded to UTF-8 on its own),
     * and always at least one char on.
     */
    static int fragmentEnd(String text, int start, int max) {
        int end = Math.min(text.length(), start + max);
        if (end < text.length() && end - 1 > start && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** Parses a client frame; InvalidInput with a message a client developer can act on. */
    ClientMessage parse(String text) {
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInput(ErrorCodes.MALFORMED_JSON, null, "malformed JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidInput(ErrorCodes.MALFORMED_JSON, null, "a frame must be a JSON object");
        }
        JsonNode type = tree.get("type");
        if (type == null || !type.isTextual()) {
            throw new InvalidInput("type", "required: the message type, e.g. \"send_message\"");
        }
        if (!CLIENT_TYPES.contains(type.asText())) {
            throw new InvalidInput("type", "unknown message type \"" + type.asText() + "\"");
        }
        return json.parse(text.getBytes(StandardCharsets.UTF_8), ClientMessage.class);
    }
}
