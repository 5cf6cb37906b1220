package org.chatalot.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.chatalot.server.config.ServerConfig;
import org.chatalot.server.testing.RawHttp;

/**
 * The watch forgets a connection once it has ended (closed or reset by the client): nothing of it stays on a
 * connection's thread to do that, so the watchdog finds the closed socket. A real Helidon listener on a random port with the
 * watch as its only connection selector, as {@code ChatServer} sets it up, and raw sockets as clients.
 */
class SlowClientsWatchIT {
    private static final Duration LONG = Duration.ofSeconds(60);

    private final SlowClients slowClients = new SlowClients(new ServerConfig.Connections(100, LONG, LONG, LONG),
            new ErrorResponses(new Json(), new RequestIds()));
    private WebServer server;

    @BeforeEach
    void start() {
        Http1ConnectionSelector http1 = Http1ConnectionSelector.builder().config(slowClients.http1Config()).build();
        server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .protocolsDiscoverServices(false)
                .addConnectionSelector(slowClients.watching(http1))
                .routing(routing -> routing.get("/", (request, response) -> response.send("ok")))
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        server.stop();
        slowClients.close();
    }

    @Test
    void aConnectionIsWatchedWhileOpenAndForgottenOnceItHasEnded() throws IOException {
        try (RawHttp reset = new RawHttp(server.port()); RawHttp closed = new RawHttp(server.port())) {
            assertThat(reset.send("GET / HTTP/1.1\r\nHost: chat.test\r\n\r\n").read().status()).isEqualTo(200);
            assertThat(closed.send("GET / HTTP/1.1\r\nHost: chat.test\r\n\r\n").read().status()).isEqualTo(200);
            awaitWatched(2);

            closed.close();
            awaitWatched(1);

            reset.abort();
            awaitWatched(0);
        }
    }

    /** Waits (up to 10 s, several watchdog rounds) until exactly {@code count} connections are watched. */
    private void awaitWatched(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (slowClients.watched() != count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(slowClients.watched()).as("connections watched").isEqualTo(count);
    }
}
