package org.chatalot.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.chatalot.model.ws.ClientMessage;

/** One benchmark WebSocket: authenticates, then hands every text frame to a consumer. */
final class Socket implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Void> authenticated = new CompletableFuture<>();
    private final Consumer<String> frames;
    private WebSocket socket;

    private Socket(Consumer<String> frames) {
        this.frames = frames;
    }

    static Socket open(HttpClient client, URI base, String token, Consumer<String> frames) {
        Socket listener = new Socket(frames);
        URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "/ws");
        listener.socket = client.newWebSocketBuilder().buildAsync(ws, listener).join();
        listener.send(new ClientMessage.Authenticate(token));
        listener.authenticated.join();
        return listener;
    }

    void send(ClientMessage message) {
        try {
            sendRaw(Api.JSON.writeValueAsString(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    void close() {
        socket.abort();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            if (!authenticated.isDone() && frame.contains("\"type\":\"authenticated\"")) {
                authenticated.complete(null);
            }
            frames.accept(frame);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        authenticated.completeExceptionally(error);
    }
}
