package org.chatalot.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.helidon.http.HttpMediaType;
import io.helidon.http.HttpMediaTypes;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import org.chatalot.model.error.ErrorCodes;
import org.chatalot.server.error.InvalidInput;
import org.chatalot.server.error.PayloadTooLarge;
import org.chatalot.server.error.UnsupportedMedia;

/**
 * Reads and writes JSON bodies. Reading enforces the content type and a size limit, and turns every
 * Jackson failure into a 400 that says what was wrong and where, without Java class names.
 */
public final class Json {
    /** Largest JSON request body (messages are at most 64 KiB of content, so this is generous). */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private final ObjectMapper mapper;

    public Json() {
        this.mapper = createMapper();
    }

    /**
     * Jackson's parse and write buffers are pooled, at most this many sets. Its default keeps a set per
     * thread, and every WebSocket has virtual threads of its own that live as long as the socket: about
     * 25 KiB of buffers held per idle socket.
     */
    private static final int RECYCLED_BUFFER_SETS = 64;

    /** The mapper configuration every part of the server uses for the wire format. */
    public static ObjectMapper createMapper() {
        return JsonMapper.builder(pooledFactory())
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // 1.5 for a whole number is refused, not silently stored as 1.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
    }

    /** A Jackson factory whose buffers come from a bounded pool shared by all threads (see above). */
    public static JsonFactory pooledFactory() {
        return JsonFactory.builder()
                .recyclerPool(JsonRecyclerPools.newBoundedPool(RECYCLED_BUFFER_SETS))
                .build();
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Reads the request body as {@code type}; 415 for non-JSON, 413 over the limit, 400 when malformed. */
    public <T> T read(ServerRequest request, Class<T> type) {
        requireJsonContentType(request);
        long declared = request.headers().contentLength().orElse(-1);
        if (declared > MAX_BODY_BYTES) {
            throw new PayloadTooLarge("request body is " + declared + " bytes; the limit is " + MAX_BODY_BYTES);
        }
        byte[] body = readLimited(request);
        return parse(body, type);
    }

    /** Parses bytes already in hand (e.g. a WebSocket frame) with the same error rules. */
    public <T> T parse(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw new InvalidInput(ErrorCodes.MALFORMED_JSON, null, "request body is empty; expected a JSON object");
        }
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (JsonParseException e) {
            throw new InvalidInput(ErrorCodes.MALFORMED_JSON, null, "malformed JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage());
        } catch (MismatchedInputException e) {
            throw mismatch(e);
        } catch (JsonMappingException e) {
            throw new InvalidInput(fieldPath(e), e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInput(ErrorCodes.MALFORMED_JSON, null, "unreadable body: " + e.getMessage());
        }
        if (value == null) {
            throw new InvalidInput(ErrorCodes.MALFORMED_JSON, null, "expected a JSON object, got null");
        }
        return value;
    }

    public void send(ServerResponse response, Object body) {
        send(response, Status.OK_200, body);
    }

    public void send(ServerResponse response, Status status, Object body) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
        }
        response.status(status);
        response.headers().contentType(HttpMediaTypes.JSON_UTF_8);
        response.send(bytes);
    }

    public byte[] bytes(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
        }
    }

    private static void requireJsonContentType(ServerRequest request) {
        Optional<HttpMediaType> contentType = request.headers().contentType();
        if (contentType.isEmpty()) {
            throw new UnsupportedMedia("send the body as JSON with Content-Type: application/json");
        }
        String subtype = contentType.get().mediaType().subtype().toLowerCase(Locale.ROOT);
        String type = contentType.get().mediaType().type().toLowerCase(Locale.ROOT);
        if (!type.equals("application") || !(subtype.equals("json") || subtype.endsWith("+json"))) {
            throw new UnsupportedMedia("Content-Type " + contentType.get().mediaType().text()
                    + " is not accepted here; send application/json");
        }
    }

    private static byte[] readLimited(ServerRequest request) {
        byte[] body;
        try (InputStream in = request.content().inputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException | RuntimeException e) {
            RuntimeException failure = RequestBodyFailures.translate(e, request);
            if (failure instanceof UploadBody.ClientGone gone) {
                throw new CloseConnectionException("the client stopped sending the request body", gone);
            }
            throw failure;
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new PayloadTooLarge("request body is larger than the limit of " + MAX_BODY_BYTES + " bytes");
        }
        return body;
    }

    private static InvalidInput mismatch(MismatchedInputException e) {
        String field = fieldPath(e);
        String expected = describe(e.getTargetType());
        if (e instanceof InvalidFormatException format) {
            return new InvalidInput(field, "expected " + expected + ", got " + printable(format.getValue()));
        }
        if (field == null) {
            return new InvalidInput(ErrorCodes.MALFORMED_JSON, null, "expected " + expected);
        }
        return new InvalidInput(field, "expected " + expected);
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == java.util.UUID.class) {
            return "an id (UUID)";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an RFC 3339 timestamp";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).toList();
        }
        return "an object";
    }

    private static String printable(Object value) {
        String text = String.valueOf(value);
        return "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
    }

}
