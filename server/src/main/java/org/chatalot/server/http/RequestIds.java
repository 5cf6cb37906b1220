package org.chatalot.server.http;

import java.security.SecureRandom;
import java.util.HexFormat;

import io.helidon.webserver.http.ServerRequest;

/** Short random ids that tie a response ({@code X-Request-Id}) to the server's log line. */
public final class RequestIds {
    private static final String CONTEXT_KEY = "chatalot.request-id";

    private final SecureRandom random = new SecureRandom();

    public String next() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static void store(ServerRequest request, String id) {
        request.context().register(CONTEXT_KEY, id);
    }

    /** The id assigned to this request by the request-context filter. */
    public static String of(ServerRequest request) {
        return request.context().get(CONTEXT_KEY, String.class).orElse("-");
    }
}
