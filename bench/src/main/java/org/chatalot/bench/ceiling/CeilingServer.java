package org.chatalot.bench.ceiling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import io.helidon.common.socket.SocketOptions;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.websocket.WsRouting;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;

/**
 * {@code java -cp chatalot-bench.jar org.chatalot.bench.ceiling.CeilingServer PORT}: the least a Helidon
 * server can do per chat message, so our server's figures can be read as a fraction of what the framework
 * allows on this machine. Prints {@code ceiling listening on PORT} once it accepts connections.
 */
public final class CeilingServer {
    private static final long MAX_UPLOAD_BYTES = 1L << 30;

    private final Set<WsSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<WsSession, ReentrantLock> writeLocks = new ConcurrentHashMap<>();

    private CeilingServer() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        WebServer server = new CeilingServer().server(port).start();
        System.out.println("ceiling listening on " + server.port());
    }

    private WebServer server(int port) {
        return WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                // the same socket option our server uses: without it small frames wait for delayed ACKs
                .connectionOptions(SocketOptions.builder().tcpNoDelay(true).build())
                .maxPayloadSize(MAX_UPLOAD_BYTES)
                .routing(routing -> routing
                        .get("/health", (req, res) -> res.send("ok"))
                        .post("/sink", CeilingServer::sink))
                .addRouting(WsRouting.builder().endpoint("/ws", Broadcast::new))
                .build();
    }

    /** Reads and discards the request body: the upload baseline behind nginx. */
    private static void sink(ServerRequest req, ServerResponse res) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = req.content().inputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        res.status(Status.CREATED_201).send("{\"size_bytes\":" + total + "}");
    }

    /** One socket: every complete text frame goes to all the others, written on this socket's thread. */
    private final class Broadcast implements WsListener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WsSession session) {
            writeLocks.put(session, new ReentrantLock());
            sessions.add(session);
        }

        @Override
        public void onMessage(WsSession from, String text, boolean last) {
            partial.append(text);
            if (!last) {
                return;
            }
            String frame = partial.toString();
            partial.setLength(0);
            for (WsSession to : sessions) {
                if (to != from) {
                    send(to, frame);
                }
            }
        }

        @Override
        public void onClose(WsSession session, int status, String reason) {
            sessions.remove(session);
            writeLocks.remove(session);
        }

        @Override
        public void onError(WsSession session, Throwable t) {
            onClose(session, 1011, "error");
        }

        private void send(WsSession to, String frame) {
            ReentrantLock lock = writeLocks.get(to);
            if (lock == null) {
                return;
            }
            lock.lock();
            try {
                to.send(frame, true);
            } catch (RuntimeException closed) {
                sessions.remove(to);
            } finally {
                lock.unlock();
            }
        }
    }
}
