package org.chatalot.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.RegisterRequest;
import org.chatalot.server.Main;
import org.chatalot.server.config.ConfigLoader;
import org.chatalot.server.db.Database;
import org.chatalot.server.db.Ids;
import org.chatalot.server.http.Json;
import org.chatalot.testing.JavaProcess;

/**
 * Exporting 10,000 audit entries of about 4 KiB each (over 40 MB of CSV) from a server whose whole heap is
 * 48 MB: it can only work if rows go from the database to the socket a page at a time.
 */
class AuditExportMemoryIT {
    private static final int ENTRIES = 10_000;
    private static final String HEAP = "-Xmx48m";
    private static final Pattern LISTENING = Pattern.compile("Chatalot is listening on (http://\\S+?)(;|$)");
    private static final ObjectMapper JSON = Json.createMapper();

    @TempDir
    Path dir;

    @Test
    void tenThousandEntriesStreamOutOfASmallHeap() throws Exception {
        Path dataDir = dir.resolve("data");
        Map<String, String> env = Map.of("DATA_DIR", dataDir.toString(), "LISTEN_ADDR", "127.0.0.1:0",
                "LOCAL_ADMIN_ADDR", "off", "ARGON2_MEMORY_KIB", "19456", "ARGON2_ITERATIONS", "2",
                "ARGON2_PARALLELISM", "1", "AUTH_RATE_LIMIT_BURST", "1000");
        seed(env);
        try (JavaProcess server = JavaProcess.start(Main.class.getName(), List.of(HEAP), env, List.of(), dir)) {
            URI base = baseUri(server);
            String token = owner(base, dataDir);

            long started = System.nanoTime();
            Export csv = download(base.resolve("/api/admin/audit/export?format=csv"), token);
            long csvMillis = (System.nanoTime() - started) / 1_000_000;
            Export json = download(base.resolve("/api/admin/audit/export?format=json"), token);

            System.out.printf("audit export of %d entries with %s: CSV %d MB in %d ms, JSON %d MB%n", ENTRIES, HEAP,
                    csv.bytes() / 1_000_000, csvMillis, json.bytes() / 1_000_000);
            assertThat(csv.bytes()).as("more than the heap, so it cannot have been buffered")
                    .isGreaterThan(48L * 1024 * 1024 * 3 / 4);
            assertThat(csv.rows()).isGreaterThanOrEqualTo(ENTRIES);
            assertThat(json.rows()).as("the CSV export itself was audited in between").isEqualTo(csv.rows() + 1);
            assertThat(server.isAlive()).isTrue();
            assertThat(server.output()).doesNotContain("OutOfMemoryError");
        }
    }

    /** Writes the entries straight into the database before the server starts (10,000 API calls would be slow). */
    private static void seed(Map<String, String> env) throws Exception {
        var storage = ConfigLoader.load(env).config().storage();
        Ids ids = new Ids(java.time.Clock.systemUTC());
        String padding = "x".repeat(3_900);
        String agent = "Mozilla/5.0 (X11; Linux x86_64) " + "y".repeat(360);
        try (Database database = Database.open(storage);
             Connection connection = database.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_log (id, at, actor_name, "
                     + "action, target_type, target_id, ip, user_agent, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < ENTRIES; i++) {
                insert.setObject(1, ids.next());
                insert.setTimestamp(2, Timestamp.from(Instant.now()));
                insert.setString(3, "seed");
                insert.setString(4, "test.seeded");
                insert.setString(5, "user");
                insert.setString(6, UUID.randomUUID().toString());
                insert.setString(7, "203.0.113." + i % 250);
                insert.setString(8, agent);
                insert.setString(9, "{\"n\":" + i + ",\"pad\":\"" + padding + "\"}");
                insert.addBatch();
                if (i % 500 == 499) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    private record Export(long bytes, long rows) {
    }

    /** Reads the body as it arrives, keeping nothing but counts. */
    private static Export download(URI uri, String token) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(2)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        CountingStream counted = new CountingStream(response.body());
        long rows = uri.getQuery().contains("csv") ? csvRows(counted) : jsonRows(counted);
        return new Export(counted.count, rows);
    }

    private static long csvRows(InputStream in) throws Exception {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().count() - 1;
        }
    }

    private static long jsonRows(InputStream in) throws Exception {
        long rows = 0;
        try (JsonParser parser = JSON.getFactory().createParser(in)) {
            int depth = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT && depth++ == 1) {
                    rows++;
                } else if (token == JsonToken.START_ARRAY) {
                    depth++;
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                }
            }
        }
        return rows;
    }

    private static String owner(URI base, Path dataDir) throws Exception {
        String code = Files.readString(dataDir.resolve("setup-code")).strip();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                base.resolve("/api/auth/register")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(new RegisterRequest("owner", null,
                        null, "correct horse battery staple", null, code)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readValue(response.body(), AuthTokens.class).accessToken();
    }

    private static URI baseUri(JavaProcess process) throws Exception {
        String line = process.awaitLine(l -> LISTENING.matcher(l).find(), Duration.ofSeconds(120));
        Matcher matcher = LISTENING.matcher(line);
        assertThat(matcher.find()).isTrue();
        return URI.create(matcher.group(1));
    }

    /** Counts bytes passing through. */
    private static final class CountingStream extends java.io.FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(n, 0);
            return n;
        }
    }
}
