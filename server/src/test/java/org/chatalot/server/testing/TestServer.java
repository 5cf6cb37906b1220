package org.chatalot.server.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.http.HttpService;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.chatalot.server.ChatServer;
import org.chatalot.server.config.ConfigLoader;
import org.chatalot.server.http.Json;
import org.chatalot.testing.TempDirs;
import org.chatalot.testing.TestPhase;

/**
 * The real server, started once per test class through the production wiring on random ports, with a
 * fresh data directory. Register with {@code @RegisterExtension static TestServer server = TestServer.create();}.
 * Defaults that would slow or trip tests (rate limits, Argon2 cost, free-disk threshold) are relaxed here
 * and nowhere else; a test that exercises one sets it back explicitly.
 */
public final class TestServer implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, HttpService> extraServices = new LinkedHashMap<>();
    /** Time limits only bound a test that is failing anyway: generous, so a busy machine never trips them. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).build();
    private final ObjectMapper json = Json.createMapper();
    private Path dataDir;
    private String databaseSettings;
    private Clock clock = Clock.systemUTC();
    private ChatServer server;
    private TestUsers users;

    private TestServer() {
        environment.put("LISTEN_ADDR", "127.0.0.1:0");
        environment.put("LOCAL_ADMIN_ADDR", "127.0.0.1:0");
        environment.put("RATE_LIMIT_PER_SECOND", "100000");
        environment.put("RATE_LIMIT_BURST", "100000");
        environment.put("AUTH_RATE_LIMIT_PER_SECOND", "100000");
        environment.put("AUTH_RATE_LIMIT_BURST", "100000");
        environment.put("ARGON2_MEMORY_KIB", "19456");
        environment.put("ARGON2_ITERATIONS", "2");
        environment.put("ARGON2_PARALLELISM", "1");
        environment.put("MIN_FREE_DISK_MB", "1");
        environment.put("SHUTDOWN_GRACE_SECONDS", "1");
    }

    public static TestServer create() {
        return new TestServer();
    }

    public TestServer with(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    /**
     * Appends H2 settings to the default database URL in the test's data directory, e.g.
     * {@code ";LOCK_TIMEOUT=30000"} so that a test holding a row lock never races H2's timeout on a busy machine.
     */
    public TestServer withDatabaseSettings(String settings) {
        this.databaseSettings = settings;
        return this;
    }

    /** The clock the whole server reads (tokens too): a {@link MutableClock} lets a test make days pass. */
    public TestServer withClock(Clock value) {
        this.clock = value;
        return this;
    }

    public TestServer withService(String path, HttpService service) {
        extraServices.put(path, service);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        TestPhase.requireIntegration("the Chatalot server (TestServer)", context.getRequiredTestClass());
        dataDir = TempDirs.create("chatalot-test-");
        environment.putIfAbsent("DATA_DIR", dataDir.toString());
        if (databaseSettings != null) {
            environment.putIfAbsent("DATABASE_URL", "jdbc:h2:file:" + dataDir.resolve("chatalot")
                    + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE" + databaseSettings);
        }
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
        TempDirs.deleteRecursively(dataDir);
    }

    /** Starts (again); a test that manages its own DATA_DIR (set with {@link #with}) may call it directly. */
    public void start() {
        if (dataDir == null && environment.containsKey("DATA_DIR")) {
            dataDir = Path.of(environment.get("DATA_DIR"));
        }
        server = ChatServer.start(ConfigLoader.load(environment).config(), extraServices, clock);
    }

    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Stops and starts again on the same data directory (and new ports). */
    public void restart() {
        stop();
        start();
    }

    /** Channel and message set-up through the REST API. */
    public TestChat chat() {
        return new TestChat(this);
    }

    /** Accounts made through the API (owner via setup code, members via invites). */
    public synchronized TestUsers users() {
        if (users == null) {
            users = new TestUsers(this);
        }
        return users;
    }

    public ChatServer server() {
        return server;
    }

    public Path dataDir() {
        return dataDir;
    }

    public URI uri(String path) {
        return server.baseUri().resolve(path);
    }

    public URI localUri(String path) {
        return URI.create("http://127.0.0.1:" + server.localAdminPort().orElseThrow() + path);
    }

    public HttpClient client() {
        return client;
    }

    public ObjectMapper json() {
        return json;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> postJson(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public <T> T read(HttpResponse<String> response, Class<T> type) {
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new AssertionError("response is not a " + type.getSimpleName() + ": " + response.body(), e);
        }
    }
}
