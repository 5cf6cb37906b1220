package org.chatalot.bench.chatalot;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.chatalot.bench.room.FrameSocket;

/** One authenticated WebSocket of our protocol: authenticates, then hands every text frame to a consumer. */
public final class Socket {
    private final FrameSocket socket;

    private Socket(FrameSocket socket) {
        this.socket = socket;
    }

    /**
     * Opens {@code /ws}, authenticates with {@code token} and waits (bounded) for {@code authenticated}. Frames
     * arrive on the generator's one reader thread ({@link FrameSocket}): {@code frames} must be quick. The HTTP
     * client is no longer used for the socket; the parameter stays so callers need not change.
     */
    public static Socket open(HttpClient client, URI base, String token, Consumer<CharSequence> frames) {
        CompletableFuture<Void> authenticated = new CompletableFuture<>();
        URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "/ws");
        FrameSocket socket = FrameSocket.open(ws, null, frame -> {
            if (!authenticated.isDone() && frame.toString().contains("\"type\":\"authenticated\"")) {
                authenticated.complete(null);
            }
            frames.accept(frame);
        });
        socket.send("{\"type\":\"authenticate\",\"token\":\"" + token + "\"}");
        authenticated.orTimeout(20, TimeUnit.SECONDS).join();
        return new Socket(socket);
    }

    /** {@code send_message} of {@code content} (plain ASCII: no JSON escaping needed) to a channel. */
    public void sendMessage(String channelId, String content, String clientId) {
        socket.send("{\"type\":\"send_message\",\"channel_id\":\"" + channelId + "\",\"content\":\"" + content
                + "\"" + (clientId == null ? "" : ",\"client_id\":\"" + clientId + "\"") + "}");
    }

    public void close() {
        socket.close();
    }
}
