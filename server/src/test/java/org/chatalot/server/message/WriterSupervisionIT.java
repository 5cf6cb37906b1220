package org.chatalot.server.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.health.Health;
import org.chatalot.model.health.Readiness;
import org.chatalot.model.message.SendMessageRequest;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.server.testing.ErrorAssertions;
import org.chatalot.server.testing.FaultyJdbc;
import org.chatalot.server.testing.HeldCommits;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.WsClient;
import org.chatalot.testing.TempDirs;

/**
 * The message writer thread dies for real: the database driver (a test-only one in front of H2, see
 * {@link FaultyJdbc}) throws an {@link Error} while the writer inserts one chosen message. Messages queued
 * behind it get their error, new sends are refused at once with a clear reason, REST sends answer 503 within
 * a bound, and readiness and health turn red: nothing waits forever on a thread that is gone.
 */
class WriterSupervisionIT {
    private static final Path DB_DIR = TempDirs.create("chatalot-faulty-");
    private static final String FATAL = "this message kills the writer";

    @RegisterExtension
    static TestServer server = TestServer.create().with("DATABASE_URL", FaultyJdbc.url(DB_DIR))
            .with("WS_RATE_LIMIT_PER_SECOND", "100000").with("WS_RATE_LIMIT_BURST", "100000");

    @AfterAll
    static void cleanUp() {
        FaultyJdbc.heal();
        TempDirs.deleteRecursively(DB_DIR);
    }

    @Test
    void aWriterKilledByAnErrorFailsWhatWaitsRefusesNewSendsAndTurnsHealthRed() throws Exception {
        AuthTokens sender = server.users().register("w.sender");
        AuthTokens poster = server.users().register("w.poster");
        Channel channel = server.chat().publicChannel(sender, "doomed");
        server.chat().join(poster, channel.id());
        String messages = "/api/channels/" + channel.id() + "/messages";
        FaultyJdbc.failWhen("INSERT INTO message ", FATAL, () -> new InjectedError("injected into the writer"));
        try (WsClient socket = WsClient.authenticated(server, sender.accessToken())) {
            socket.send(new ClientMessage.SendMessage(channel.id(), "alive", null, null, null, "c-alive"));
            assertThat(socket.await("message_sent").get("client_id").asText()).isEqualTo("c-alive");
            assertThat(server.get("/api/health/ready").statusCode()).isEqualTo(200);

            CompletableFuture<HttpResponse<String>> waitingPost;
            try (HeldCommits held = HeldCommits.on(server, channel.id())) {
                // The first waits at the channel row; the fatal one and those after it queue behind.
                socket.send(new ClientMessage.SendMessage(channel.id(), "held", null, null, null, "c-held"));
                held.awaitBlocked(Duration.ofSeconds(10));
                socket.send(new ClientMessage.SendMessage(channel.id(), FATAL, null, null, null, "c-fatal"));
                socket.send(new ClientMessage.SendMessage(channel.id(), "behind 1", null, null, null, "c-behind-1"));
                socket.send(new ClientMessage.SendMessage(channel.id(), "behind 2", null, null, null, "c-behind-2"));
                socket.send(new ClientMessage.Ping("queued"));
                socket.await("pong");
                waitingPost = CompletableFuture.supplyAsync(() -> server.users().post(poster.accessToken(),
                        messages, new SendMessageRequest("over REST", null, null, null)));
            }
            JsonNode fatal = socket.await("error", n -> "c-fatal".equals(n.path("client_id").asText()));
            JsonNode behind1 = socket.await("error", n -> "c-behind-1".equals(n.path("client_id").asText()));
            JsonNode behind2 = socket.await("error", n -> "c-behind-2".equals(n.path("client_id").asText()));
            HttpResponse<String> waited = waitingPost.get(30, TimeUnit.SECONDS);

            socket.send(new ClientMessage.SendMessage(channel.id(), "after", null, null, null, "c-after"));
            JsonNode refused = socket.await("error", n -> "c-after".equals(n.path("client_id").asText()),
                    Duration.ofSeconds(5));
            HttpResponse<String> restAfter = CompletableFuture.supplyAsync(() -> server.users().post(
                    poster.accessToken(), messages, new SendMessageRequest("after, over REST", null, null, null)))
                    .get(30, TimeUnit.SECONDS);
            HttpResponse<String> ready = server.get("/api/health/ready");
            HttpResponse<String> health = server.get("/api/health");

            for (JsonNode error : List.of(fatal, behind1, behind2, refused)) {
                assertThat(error.get("code").asText()).isEqualTo("unavailable");
                assertThat(error.get("message").asText()).contains("message writer stopped")
                        .doesNotContain("Injected", "Error");
            }
            assertThat(waited.statusCode()).as(waited.body()).isEqualTo(503);
            ErrorAssertions.assertError(server, restAfter, 503, "unavailable", "message writer stopped");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(server.read(ready, Readiness.class).checks())
                    .filteredOn(check -> check.name().equals("message_writer")).singleElement()
                    .satisfies(check -> {
                        assertThat(check.ok()).isFalse();
                        assertThat(check.detail()).contains("stopped");
                    });
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(server.read(health, Health.class).status()).isEqualTo(Health.DEGRADED);
            assertThat(server.get("/api/health/live").statusCode()).as("the process is alive").isEqualTo(200);
            socket.expectNone("message_sent", Duration.ofMillis(300));
        }
    }

    /** An {@link Error} of the test's own, so nothing mistakes it for a real one. */
    static final class InjectedError extends Error {
        InjectedError(String message) {
            super(message);
        }
    }
}
