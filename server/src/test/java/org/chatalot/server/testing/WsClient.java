package org.chatalot.server.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.chatalot.model.ws.ClientMessage;
import org.chatalot.model.ws.ServerMessage;
import org.chatalot.server.http.Json;

/**
 * A real WebSocket client (the JDK's) for tests: records every frame, lets a test wait for one by type
 * and predicate with a second-scale timeout, and reports the close code.
 */
public final class WsClient implements AutoCloseable {
    private static final ObjectMapper JSON = Json.createMapper();
    /**
     * Long enough that a busy machine (other builds, stress-ng) never trips it; it only bounds how long a
     * test that is going to fail takes to say so, since a frame that does arrive returns at once.
     */
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(15);

    private final WebSocket socket;
    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final CompletableFuture<Void> pingReceived = new CompletableFuture<>();
    private final LinkedBlockingQueue<CompletableFuture<ByteBuffer>> pongs = new LinkedBlockingQueue<>();
    private volatile boolean answerPings = true;

    private WsClient(WebSocket.Builder builder, URI uri) {
        this.socket = builder.buildAsync(uri, new Listener()).join();
    }

    public static WsClient connect(TestServer server) {
        return connect(server, Map.of());
    }

    public static WsClient connect(TestServer server, Map<String, String> headers) {
        URI uri = URI.create("ws://127.0.0.1:" + server.server().port() + "/ws");
        return connect(uri, headers);
    }

    public static WsClient connect(URI uri, Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(15));
        headers.forEach(builder::header);
        return new WsClient(builder, uri);
    }

    /**
     * Connects and authenticates; returns once {@code authenticated} arrived, which must be the socket's first
     * frame (every test that opens a socket this way checks that, see AuthenticatedFirstIT).
     */
    public static WsClient authenticated(TestServer server, String token) {
        WsClient client = connect(server);
        client.send(new ClientMessage.Authenticate(token));
        JsonNode authenticated = client.await("authenticated");
        JsonNode first = client.seen().getFirst();
        if (first != authenticated) {
            client.abort();
            throw new AssertionError("a new socket's first frame was " + first + ", not authenticated");
        }
        return client;
    }

    public void send(ClientMessage message) {
        try {
            sendRaw(JSON.writeValueAsString(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends one message as WebSocket fragments of at most {@code size} chars, never splitting a pair. */
    public void sendFragmented(String text, int size) {
        int at = 0;
        while (at < text.length()) {
            int end = Math.min(text.length(), at + size);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            socket.sendText(text.substring(at, end), end == text.length()).join();
            at = end;
        }
    }

    /** Waits for the next frame of this type (skipping others, which stay in {@link #seen()}). */
    public JsonNode await(String type) {
        return await(type, node -> true, DEFAULT_WAIT);
    }

    public JsonNode await(String type, Predicate<JsonNode> match) {
        return await(type, match, DEFAULT_WAIT);
    }

    public JsonNode await(String type, Predicate<JsonNode> match, Duration timeout) {
        return awaitFrame("\"" + type + "\"", node -> type.equals(node.path("type").asText()) && match.test(node),
                timeout);
    }

    /** Waits for the next frame that matches, whatever its type (e.g. {@code authenticated} or an error). */
    public JsonNode awaitAny(Predicate<JsonNode> match) {
        return awaitFrame("matching", match, DEFAULT_WAIT);
    }

    /** Waits for the next frame of any of these types, e.g. an answer that may be a result or an error. */
    public JsonNode awaitFirstOf(Duration timeout, String... types) {
        List<String> wanted = List.of(types);
        return awaitFrame(wanted.toString(), node -> wanted.contains(node.path("type").asText()), timeout);
    }

    private JsonNode awaitFrame(String what, Predicate<JsonNode> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode next = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("no " + what + " frame within " + timeout + "; got " + seen());
                }
                if (match.test(next)) {
                    return next;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Asserts nothing of this type arrives within the time (for "must not receive" checks). */
    public void expectNone(String type, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                JsonNode next = inbox.poll(left, TimeUnit.NANOSECONDS);
                if (next != null && type.equals(next.path("type").asText())) {
                    throw new AssertionError("unexpected \"" + type + "\": " + next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public <T extends ServerMessage> T read(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError("cannot read " + node + " as " + type.getSimpleName(), e);
        }
    }

    public synchronized List<JsonNode> seen() {
        return List.copyOf(seen);
    }

    /** The close code the server sent (or 1006 when the connection just dropped). */
    public int awaitClose(Duration timeout) {
        return closeCode.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    public boolean isClosed() {
        return closeCode.isDone();
    }

    /** Stop answering server pings (simulates a dead client). */
    public void ignorePings() {
        answerPings = false;
    }

    public CompletableFuture<Void> pingReceived() {
        return pingReceived;
    }

    /** Sends a ping frame; the future completes with the payload of the pong that answers it. */
    public CompletableFuture<ByteBuffer> ping(ByteBuffer payload) {
        CompletableFuture<ByteBuffer> answer = new CompletableFuture<>();
        pongs.add(answer);
        socket.sendPing(payload).join();
        return answer;
    }

    /** Drops the TCP connection without a close handshake. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode node = JSON.readTree(partial.toString());
                    synchronized (WsClient.this) {
                        seen.add(node);
                    }
                    inbox.add(node);
                } catch (JsonProcessingException e) {
                    inbox.add(JSON.createObjectNode().put("type", "unparseable").put("text", partial.toString()));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            pingReceived.complete(null);
            webSocket.request(1);
            if (answerPings) {
                return webSocket.sendPong(message);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            CompletableFuture<ByteBuffer> waiting = pongs.poll();
            if (waiting != null) {
                ByteBuffer copy = ByteBuffer.allocate(message.remaining());
                copy.put(message).flip();
                waiting.complete(copy);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.complete(1006);
        }
    }
}
