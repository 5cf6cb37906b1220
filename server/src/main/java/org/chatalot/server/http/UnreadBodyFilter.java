package org.chatalot.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;

/**
 * What happens to a request body nobody read (or read only in part) after the server answered early: 401,
 * 404, 413, 429 and so on.
 *
 * <p>Closing a connection that still has unread bytes makes Linux send a reset, and the client (or nginx,
 * which then answers 502) usually loses the real answer with it. Helidon reads the rest of the body itself
 * only when the request allows keep-alive, but nginx sends {@code Connection: close} on every proxied
 * request, so behind nginx every early answer to an upload was at risk. After the answer has gone out, this
 * filter has Helidon read and discard the rest (bounded by the listener's maximum payload); if that fails,
 * the connection is closed rather than letting the rest be parsed as a next request. A body the client
 * holds back for {@code 100 Continue} is left alone: it is not coming. Registered outermost, so it also
 * sees the answers of the other filters.
 */
public final class UnreadBodyFilter implements Filter {
    static final long MAX_LINGER_BYTES = 16L * 1024 * 1024;
    static final Duration MAX_LINGER_TIME = Duration.ofSeconds(10);

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        chain.proceed();
        if (!response.isSent() || !request.content().hasEntity() || request.content().consumed()
                || isWithheld(request)) {
            return;
        }
        try {
            request.content().consume();
        } catch (RuntimeException e) {
            throw new CloseConnectionException("could not read the rest of a request body after answering", e);
        }
    }

    /** True when the client sent {@code Expect: 100-continue} and was never told to go on. */
    static boolean isWithheld(ServerRequest request) {
        return request.headers().contains(HeaderValues.EXPECT_100) && !request.continueSent();
    }

    /**
     * Reads and discards up to 16 MiB or 10 s of a body; true when it ended within them. For callers that
     * will close the connection anyway and only want to give the client time to read their answer.
     */
    static boolean linger(InputStream body) {
        byte[] sink = new byte[64 * 1024];
        long deadline = System.nanoTime() + MAX_LINGER_TIME.toNanos();
        long left = MAX_LINGER_BYTES;
        try {
            while (left > 0 && System.nanoTime() < deadline) {
                int read = body.read(sink, 0, (int) Math.min(sink.length, left));
                if (read < 0) {
                    return true;
                }
                left -= read;
            }
        } catch (IOException | RuntimeException e) {
            // the client went away: nothing left to linger for
            return false;
        }
        return false;
    }
}
