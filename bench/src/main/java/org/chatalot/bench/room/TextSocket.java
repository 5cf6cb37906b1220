package org.chatalot.bench.room;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A JDK WebSocket that hands every complete text frame to a consumer. Sends are serialised, because the JDK
 * client allows one outstanding send per socket, and each waits (bounded) until the frame is written.
 */
public final class TextSocket implements WebSocket.Listener {
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final StringBuilder partial = new StringBuilder();
    private volatile Consumer<CharSequence> frames;
    private WebSocket socket;

    private TextSocket(Consumer<CharSequence> frames) {
        this.frames = frames;
    }

    /** Opens {@code uri} (with a subprotocol when not null) and starts delivering frames to {@code frames}. */
    public static TextSocket open(HttpClient client, URI uri, String subprotocol, Consumer<CharSequence> frames) {
        TextSocket listener = new TextSocket(frames);
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (subprotocol != null) {
            builder.subprotocols(subprotocol);
        }
        listener.socket = builder.buildAsync(uri, listener).orTimeout(20, TimeUnit.SECONDS).join();
        return listener;
    }

    /** From now on frames go to {@code next} (used when a handshake hands over to the measurement). */
    public void redirect(Consumer<CharSequence> next) {
        frames = next;
    }

    public synchronized void send(String text) {
        socket.sendText(text, true).orTimeout(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
    }

    public void close() {
        socket.abort();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (last && partial.isEmpty()) {
            frames.accept(data);
        } else {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                frames.accept(frame);
            }
        }
        webSocket.request(1);
        return null;
    }
}
