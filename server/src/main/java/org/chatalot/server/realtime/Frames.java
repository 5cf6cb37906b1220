package org.chatalot.server.realtime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import org.chatalot.model.error.ErrorCodes;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.model.ws.ServerMessage;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.http.Json;

/**
 * JSON frames. An event is serialised once, straight to UTF-8, however many sessions receive it; each
 * session's sequence number is spliced in front when the frame is written.
 */
public final class Frames {
    private static final Set<String> CLIENT_TYPES = Arrays.stream(
                    ClientMessage.class.getAnnotation(JsonSubTypes.class).value())
            .map(JsonSubTypes.Type::name).collect(Collectors.toUnmodifiableSet());

    private final Json json;
    private final ObjectMapper mapper;
    /**
     * Writes UTF-8 as a string would encode it: Jackson's UTF-8 output writes a character outside the BMP (an
     * emoji) as two escaped surrogates, 12 bytes instead of 4, unless told to combine them.
     */
    private final ObjectWriter utf8;

    public Frames(Json json) {
        this.json = json;
        this.mapper = json.mapper();
        this.utf8 = mapper.writer().with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
    }

    /** What goes in place of a body's opening brace to number it, before the number: {@code {"seq":}. */
    static final byte[] SEQ_OPENING = ("{\"" + ServerMessage.SEQ + "\":").getBytes(StandardCharsets.US_ASCII);

    /** The event as JSON in UTF-8, without its sequence number: {@code {"type":"…",…}}. */
    byte[] body(ServerMessage message) {
        try {
            return utf8.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + message.getClass().getSimpleName(), e);
        }
    }

    /**
     * Where the fragment of the UTF-8 {@code text} starting at {@code start} ends: at most {@code max} bytes
     * on, never inside a character's byte sequence (a client may decode each fragment on its own), and always
     * at least one byte on.
     */
    static int fragmentEnd(byte[] text, int start, int max) {
        int end = Math.min(text.length, start + max);
        while (end < text.length && end - 1 > start && isContinuationByte(text[end])) {
            end--;
        }
        return end;
    }

    private static boolean isContinuationByte(byte b) {
        return (b & 0xC0) == 0x80;
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
