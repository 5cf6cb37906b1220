package org.chatalot.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.server.testing.LogCapture;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.WsClient;
import org.chatalot.testing.Poll;

/** A client that stops reading must not slow anyone else down; it is closed and counted instead. */
class SlowConsumerIT {
    private static final int MESSAGES = 1_500;

    @RegisterExtension
    static TestServer server = TestServer.create()
            .with("WS_RATE_LIMIT_PER_SECOND", "100000").with("WS_RATE_LIMIT_BURST", "100000");

    @Test
    void aStalledReaderIsClosedWhileTheOthersGetEverything() throws Exception {
        AuthTokens sender = server.users().register("sc.sender");
        AuthTokens fast = server.users().register("sc.fast");
        AuthTokens slow = server.users().register("sc.slow");
        Channel channel = server.chat().publicChannel(sender, "firehose");
        server.chat().join(fast, channel.id());
        server.chat().join(slow, channel.id());
        LogCapture log = LogCapture.start();
        StalledClient stalled = StalledClient.connect(server, slow.accessToken());
        String payload = "x".repeat(32 * 1024);

        try (WsClient out = WsClient.authenticated(server, sender.accessToken());
             WsClient in = WsClient.authenticated(server, fast.accessToken())) {
            for (int i = 0; i < MESSAGES; i++) {
                if (i >= Dispatcher.MAX_SENDS_IN_FLIGHT) {
                    // The sender stays within its socket's limit of messages awaiting message_sent.
                    out.await("message_sent");
                }
                out.send(new ClientMessage.SendMessage(channel.id(), payload, null, null, null, null));
            }
            // The fast reader gets every message while the stalled one still reads nothing: proof enough that
            // it was not held back (the stalled client only resumes below). No stopwatch needed.
            for (int i = 0; i < MESSAGES; i++) {
                in.await("new_message", n -> true, Duration.ofSeconds(60));
            }
            assertThat(stalled.frames.get()).as("still stalled").isLessThan(MESSAGES);
        }
        stalled.resumeReading();
        int code = stalled.closed.get(20, TimeUnit.SECONDS);
        assertThat(code).as("closed as a slow consumer, or cut off when even the close could not be written")
                .isIn(4005, 1006);
        assertThat(stalled.frames.get()).isLessThan(MESSAGES);
        String metrics = server.send(HttpRequest.newBuilder(server.localUri("/metrics")).build()).body();
        assertThat(metrics).containsPattern("chatalot_ws_slow_consumers_total\\{[^}]*} [1-9]");
        // The operator's log names the client as the trusted proxy (loopback) gave it, not the proxy.
        try (log) {
            Poll.until(() -> log.messages().stream().anyMatch(m -> m.startsWith("Closing slow WebSocket")),
                    Duration.ofSeconds(20));
            assertThat(log.messages()).anyMatch(m -> m.startsWith("Closing slow WebSocket of " + StalledClient.ADDRESS));
        }
    }

    /** Authenticates, then stops asking for frames, so the socket's receive buffer fills up. */
    private static final class StalledClient implements WebSocket.Listener {
        /** Where the stalled client is, as a proxy on loopback (trusted by default) forwards it. */
        static final String ADDRESS = "198.51.100.23";
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final AtomicInteger frames = new AtomicInteger();
        final CompletableFuture<Void> authenticated = new CompletableFuture<>();
        private volatile boolean reading = true;
        private WebSocket socket;

        static StalledClient connect(TestServer server, String token) throws Exception {
            StalledClient client = new StalledClient();
            client.socket = HttpClient.newHttpClient().newWebSocketBuilder().header("X-Forwarded-For", ADDRESS)
                    .buildAsync(URI.create("ws://127.0.0.1:" + server.server().port() + "/ws"), client).join();
            client.socket.sendText("{\"type\":\"authenticate\",\"token\":\"" + token + "\"}", true).join();
            // Stalled from the moment the server has it as a member's socket, not after a guessed pause.
            client.authenticated.get(30, TimeUnit.SECONDS);
            return client;
        }

        void resumeReading() {
            reading = true;
            socket.request(Long.MAX_VALUE);
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (last) {
                frames.incrementAndGet();
            }
            if (!authenticated.isDone() && data.toString().contains("\"authenticated\"")) {
                reading = false;
                authenticated.complete(null);
            }
            if (reading) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(1006);
        }
    }
}
