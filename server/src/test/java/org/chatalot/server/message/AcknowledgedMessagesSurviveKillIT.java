package org.chatalot.server.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.RegisterRequest;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.CreateChannelRequest;
import org.chatalot.model.message.MessagePage;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.server.Main;
import org.chatalot.server.http.Json;
import org.chatalot.testing.JavaProcess;

/**
 * {@code message_sent} is a promise: the message is on disk. The server runs as a separate JVM; a client
 * streams messages as fast as the protocol lets it (32 awaiting {@code message_sent}), and once hundreds are
 * acknowledged the server is killed with SIGKILL (no shutdown hook, no flush) while the stream goes on. After a
 * restart on the same data directory, every acknowledged message is in the history.
 */
class AcknowledgedMessagesSurviveKillIT {
    private static final Pattern LISTENING = Pattern.compile("Chatalot is listening on (http://\\S+?)(;|$)");
    private static final ObjectMapper JSON = Json.createMapper();
    private static final int ACKS_BEFORE_KILL = 300;
    private static final int IN_FLIGHT_LIMIT = 32;
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedMessageIsInTheHistoryAfterKillMinus9() throws Exception {
        Map<String, String> env = Map.of("DATA_DIR", dir.resolve("data").toString(), "LISTEN_ADDR", "127.0.0.1:0",
                "LOCAL_ADMIN_ADDR", "off", "ARGON2_MEMORY_KIB", "19456", "ARGON2_ITERATIONS", "2",
                "ARGON2_PARALLELISM", "1", "WS_RATE_LIMIT_PER_SECOND", "100000", "WS_RATE_LIMIT_BURST", "100000",
                "RATE_LIMIT_BURST", "100000", "AUTH_RATE_LIMIT_BURST", "1000");
        Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
        UUID channelId;
        String token;
        try (JavaProcess server = JavaProcess.start(Main.class.getName(), List.of("-Xmx256m"), env, List.of(), dir)) {
            URI base = baseUri(server);
            String code = Files.readString(dir.resolve("data/setup-code")).strip();
            AuthTokens owner = post(base, null, "/api/auth/register",
                    new RegisterRequest("owner", null, null, PASSWORD, null, code), AuthTokens.class);
            token = owner.accessToken();
            channelId = post(base, token, "/api/channels", new CreateChannelRequest("durable", null, null, null),
                    Channel.class).id();
            CountDownLatch enough = new CountDownLatch(ACKS_BEFORE_KILL);
            Semaphore window = new Semaphore(IN_FLIGHT_LIMIT);
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(base.toString().replace("http:", "ws:") + "/ws"),
                            new AckCollector(acknowledged, enough, window)).join();
            socket.sendText(JSON.writeValueAsString(new ClientMessage.Authenticate(token)), true).join();
            UUID channel = channelId;
            Thread stream = Thread.ofVirtual().start(() -> stream(socket, channel, window));
            assertThat(enough.await(120, TimeUnit.SECONDS)).as("acks arrived; server said:%n%s", server.output())
                    .isTrue();
            server.killHard();
            stream.interrupt();
        }
        Set<UUID> acked = Set.copyOf(acknowledged);

        try (JavaProcess restarted = JavaProcess.start(Main.class.getName(), List.of(), env, List.of(), dir)) {
            URI base = baseUri(restarted);
            String fresh = post(base, null, "/api/auth/login",
                    Map.of("username", "owner", "password", PASSWORD), AuthTokens.class).accessToken();
            Set<UUID> stored = history(base, fresh, channelId);

            assertThat(acked.size()).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
            assertThat(stored).containsAll(acked);
            System.out.printf("kill -9 after %d acknowledged messages: %d stored after restart%n", acked.size(),
                    stored.size());
        }
    }

    /** Sends until the server is gone, keeping at most the protocol's limit awaiting acknowledgement. */
    private static void stream(WebSocket socket, UUID channelId, Semaphore window) {
        try {
            for (int i = 0; i < ACKS_BEFORE_KILL * 4; i++) {
                window.acquire();
                socket.sendText(JSON.writeValueAsString(new ClientMessage.SendMessage(channelId, "durable " + i,
                        null, null, null, "c" + i)), true).join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // The server was killed mid-send.
        }
    }

    private static Set<UUID> history(URI base, String token, UUID channelId) throws Exception {
        Set<UUID> ids = new HashSet<>();
        String before = "";
        while (true) {
            MessagePage page = get(base, token, "/api/channels/" + channelId + "/messages?limit=100" + before,
                    MessagePage.class);
            page.messages().forEach(m -> ids.add(m.id()));
            if (page.nextBefore() == null) {
                return ids;
            }
            before = "&before=" + page.nextBefore();
        }
    }

    private static <T> T post(URI base, String token, String path, Object body, Class<T> type) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return read(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()), type);
    }

    private static <T> T get(URI base, String token, String path, Class<T> type) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .build();
        return read(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()), type);
    }

    private static <T> T read(HttpResponse<String> response, Class<T> type) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return JSON.readValue(response.body(), type);
    }

    private static URI baseUri(JavaProcess process) throws Exception {
        Matcher matcher = LISTENING.matcher(process.awaitLine(l -> LISTENING.matcher(l).find(),
                Duration.ofSeconds(120)));
        assertThat(matcher.find()).isTrue();
        return URI.create(matcher.group(1));
    }

    /** Records the id of every {@code message_sent}; each answer (or error) makes room for one more message. */
    private static final class AckCollector implements WebSocket.Listener {
        private final Set<UUID> acknowledged;
        private final CountDownLatch enough;
        private final Semaphore window;
        private final StringBuilder partial = new StringBuilder();

        AckCollector(Set<UUID> acknowledged, CountDownLatch enough, Semaphore window) {
            this.acknowledged = acknowledged;
            this.enough = enough;
            this.window = window;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (!last) {
                webSocket.request(1);
                return null;
            }
            try {
                JsonNode frame = JSON.readTree(partial.toString());
                partial.setLength(0);
                String type = frame.path("type").asText();
                if ("message_sent".equals(type)) {
                    acknowledged.add(UUID.fromString(frame.get("message_id").asText()));
                    enough.countDown();
                }
                if ("message_sent".equals(type) || "error".equals(type)) {
                    window.release();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            webSocket.request(1);
            return null;
        }
    }
}
