package org.chatalot.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.server.testing.RawHttp;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.WsClient;

/**
 * Clients that send slowly, or not at all, cannot hold a connection: a raw socket trickles a request's
 * headers or body a few bytes at a time (slowloris) and gets 408 and a closed connection once the short
 * timeouts configured here have passed; a connection that never sends a request is closed. Honest clients
 * (a request in a few pieces, a kept-alive connection, a WebSocket) are not touched.
 */
class SlowClientsIT {
    /** How long a trickle may go on before the test gives up: far beyond the timeouts below. */
    private static final int MAX_PIECES = 150;

    @RegisterExtension
    static TestServer server = TestServer.create()
            .with("REQUEST_HEADER_TIMEOUT_SECONDS", "2")
            .with("REQUEST_BODY_TIMEOUT_SECONDS", "2")
            .with("IDLE_CONNECTION_TIMEOUT_SECONDS", "3");

    @Test
    void headersSentAFewBytesAtATimeAreCutOffWith408() throws Exception {
        try (Client client = new Client()) {
            client.send("GET /api/health HTTP/1.1\r\nHost: chat.test\r\n");
            client.trickle("X-Slow: y\r\n");

            String answer = client.answer();
            assertThat(answer).startsWith("HTTP/1.1 408 ").contains("Connection: close")
                    .contains("\"code\":\"request_timeout\"").contains("headers");
            assertThat(client.piecesSent).isLessThan(MAX_PIECES);
        }
    }

    @Test
    void aRequestLineSentAByteAtATimeIsCutOffToo() throws Exception {
        try (Client client = new Client()) {
            client.trickle("G");

            assertThat(client.answer()).startsWith("HTTP/1.1 408 ");
        }
    }

    @Test
    void aBodySentTooSlowlyIsCutOffWith408() throws Exception {
        try (Client client = new Client()) {
            client.send("POST /api/auth/login HTTP/1.1\r\nHost: chat.test\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000\r\n\r\n{\"username\":\"");
            client.trickle("a");

            String answer = client.answer();
            assertThat(answer).startsWith("HTTP/1.1 408 ").contains("\"code\":\"request_timeout\"").contains("body");
        }
    }

    @Test
    void aConnectionThatNeverSendsARequestIsClosedWithoutAnAnswer() throws Exception {
        try (Client client = new Client()) {
            assertThat(client.answer()).as("closed, nothing said").isEmpty();
        }
    }

    @Test
    void aKeptAliveConnectionIsClosedOnceIdleAfterItsAnswers() throws Exception {
        try (Client client = new Client()) {
            client.send("GET /api/health/live HTTP/1.1\r\nHost: chat.test\r\n\r\n");

            String answers = client.answer();
            assertThat(answers).startsWith("HTTP/1.1 200 ").doesNotContain(" 408 ");
        }
    }

    @Test
    void anHonestRequestInSeveralPiecesAndASecondOneOnTheSameConnectionAreAnswered() throws Exception {
        try (RawHttp client = new RawHttp(server.server().port())) {
            client.send("POST /api/auth/login HTTP/1.1\r\nHost: chat.test\r\n");
            TimeUnit.MILLISECONDS.sleep(100);
            client.send("Content-Type: application/json\r\nContent-Length: 45\r\n\r\n");
            TimeUnit.MILLISECONDS.sleep(100);
            client.send("{\"username\":\"nobody\",\"password\":\"wrong-pass\"}");
            assertThat(client.read().status()).isEqualTo(401);

            client.send("GET /api/health/live HTTP/1.1\r\nHost: chat.test\r\n\r\n");
            assertThat(client.read().status()).isEqualTo(200);
        }
    }

    @Test
    void aWebSocketIsNotAnHttpRequestThatTakesTooLong() {
        AuthTokens user = server.users().register("slow.ws");
        try (WsClient socket = WsClient.authenticated(server, user.accessToken())) {
            socket.expectNone("error", Duration.ofSeconds(5));
            socket.send(new ClientMessage.Ping("still here"));

            assertThat(socket.await("pong").get("nonce").asText()).isEqualTo("still here");
            assertThat(socket.isClosed()).isFalse();
        }
    }

    /** A raw HTTP/1.1 client whose reader collects everything the server sends until it closes. */
    private static final class Client implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final CompletableFuture<String> received = new CompletableFuture<>();
        private int piecesSent;

        Client() throws IOException {
            socket = new Socket("127.0.0.1", server.server().port());
            out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            Thread.ofVirtual().start(() -> {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                try {
                    in.transferTo(all);
                } catch (IOException e) {
                    // a reset ends the answer as well as a close does
                }
                received.complete(all.toString(StandardCharsets.ISO_8859_1));
            });
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** Sends {@code piece} every 200 ms until the server closes the connection (30 s at most). */
        void trickle(String piece) throws InterruptedException {
            while (piecesSent < MAX_PIECES && !received.isDone()) {
                try {
                    send(piece);
                } catch (IOException e) {
                    return;
                }
                piecesSent++;
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }

        /** Everything the server sent, once it has closed the connection (which it must within 30 s). */
        String answer() throws Exception {
            return received.get(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
