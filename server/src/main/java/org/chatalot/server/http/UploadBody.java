package org.chatalot.server.http;

import java.io.IOException;
import java.io.InputStream;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import org.chatalot.server.error.ServiceException;

/**
 * An upload's body, opened only when wanted, and refused in a way the client actually hears.
 *
 * <p>When the client sent {@code Expect: 100-continue} and the body was never asked for, the refusal goes
 * out before it sends a byte and the connection stays usable. When the body was read in part, the refusal
 * is sent with {@code Connection: close}, up to 16 MiB (or 10 s) more is read and discarded so the client
 * can read the answer and stop, and then the connection is closed: its unread rest must never be parsed
 * as a next request (see {@link UnreadBodyFilter}).
 */
public final class UploadBody {
    private final ServerRequest request;
    private Tracked stream;

    public UploadBody(ServerRequest request) {
        this.request = request;
    }

    /** The request's Content-Length, or -1 when it is chunked. */
    public long declaredLength() {
        return request.headers().contentLength().orElse(-1L);
    }

    /** The body; the first call sends {@code 100 Continue} to a client that waits for it. */
    public InputStream open() {
        if (stream == null) {
            stream = new Tracked(request.content().inputStream(), request);
        }
        return stream;
    }

    /** Writes {@code error} through {@code errors}, then deals with whatever of the body is still coming. */
    public void refuse(ServerResponse response, ErrorResponses errors, ServiceException error) {
        if (stream == null || stream.ended) {
            // never read: UnreadBodyFilter lingers after this answer; fully read: nothing is left
            errors.send(response, error);
            return;
        }
        response.header(HeaderValues.CONNECTION_CLOSE);
        errors.send(response, error);
        boolean ended = UnreadBodyFilter.linger(stream);
        throw new CloseConnectionException(ended ? "refused upload read to its end"
                : "refused upload still sending after the linger limit");
    }

    /** The client stopped sending before the body's end (it cancelled, or the network failed). */
    public static final class ClientGone extends RuntimeException {
        ClientGone(Throwable cause) {
            super("the client stopped sending the request body", cause, false, false);
        }
    }

    /**
     * Remembers whether the body was read to its end, and reports a failed read as the client's malformed
     * body or as {@link ClientGone} (see {@link RequestBodyFailures}).
     */
    private static final class Tracked extends InputStream {
        private final InputStream in;
        private final ServerRequest request;
        private boolean ended;

        Tracked(InputStream in, ServerRequest request) {
            this.in = in;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            try {
                int count = in.read(buffer, offset, length);
                ended |= count < 0;
                return count;
            } catch (IOException | RuntimeException e) {
                throw RequestBodyFailures.translate(e, request);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
