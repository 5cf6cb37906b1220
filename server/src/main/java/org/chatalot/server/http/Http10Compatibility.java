package org.chatalot.server.http;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Supplier;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;

/**
 * Accepts HTTP/1.0 requests, which Helidon refuses with 505. nginx speaks HTTP/1.0 to its upstream unless
 * told {@code proxy_http_version 1.1}, and the reference nginx configuration does not say so for
 * {@code location /}; without this, every request through such a proxy would fail. The request line is
 * presented to the normal HTTP/1.1 handling as {@code HTTP/1.1}; nginx sends {@code Connection: close} with
 * HTTP/1.0, so the connection still ends after the response, and nginx accepts an HTTP/1.1 answer.
 * Only the first request of a connection is rewritten (HTTP/1.0 clients do not pipeline in practice).
 */
public final class Http10Compatibility implements ServerConnectionSelector {
    private static final byte LF = '\n';
    private static final String HTTP_1_0 = " HTTP/1.0\r";

    private final ServerConnectionSelector http11;

    public Http10Compatibility(ServerConnectionSelector http11) {
        this.http11 = http11;
    }

    @Override
    public int bytesToIdentifyConnection() {
        return 0;
    }

    @Override
    public Support supports(BufferData request) {
        int lf = request.indexOf(LF);
        if (lf == -1) {
            return Support.UNKNOWN;
        }
        return request.readString(lf).endsWith(HTTP_1_0) ? Support.SUPPORTED : Support.UNSUPPORTED;
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return Set.of();
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        // The connection as it is, except that its reader shows the first request line as HTTP/1.1.
        return http11.connection(ConnectionContexts.withReader(ctx,
                DataReader.create(new FirstLinePatcher(ctx.dataReader()))));
    }

    /** Hands over the socket's bytes, with the version of the first request line changed in place. */
    private static final class FirstLinePatcher implements Supplier<byte[]> {
        private final DataReader source;
        private boolean first = true;

        FirstLinePatcher(DataReader source) {
            this.source = source;
        }

        @Override
        public byte[] get() {
            if (source.available() == 0) {
                source.pullData();
            }
            byte[] bytes = source.readBytes(source.available());
            if (first) {
                first = false;
                patch(bytes);
            }
            return bytes;
        }

        private static void patch(byte[] bytes) {
            String head = new String(bytes, 0, Math.min(bytes.length, 8192), StandardCharsets.ISO_8859_1);
            int lineEnd = head.indexOf('\n');
            int version = lineEnd < 0 ? -1 : head.lastIndexOf(HTTP_1_0, lineEnd);
            if (version >= 0) {
                bytes[version + HTTP_1_0.length() - 2] = '1';
            }
        }
    }
}
