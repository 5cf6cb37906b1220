package org.chatalot.server.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.ProductVersion;
import org.chatalot.model.auth.LoginRequest;
import org.chatalot.server.ChatServer;
import org.chatalot.server.config.ConfigLoader;
import org.chatalot.server.db.DatabaseTooNew;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;
import org.chatalot.testing.TempDirs;

/**
 * A data directory made by the previous release (scripts/make-upgrade-fixture, kept under
 * src/test/resources/upgrade/VERSION) starts under this version with every user, session, 2FA key, channel,
 * message, reaction, edit, file, invite and setting intact, after every migration since has run.
 */
class UpgradeFromPreviousReleaseIT {
    static final String PREVIOUS = "0.1.0";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DATA = unpack(PREVIOUS);
    private static final JsonNode FIXTURE = read("/upgrade/" + PREVIOUS + "/fixture.json");
    private static final String KEYS_BEFORE = keys(DATA);

    @RegisterExtension
    static TestServer server = TestServer.create().with("DATA_DIR", DATA.toString());

    @AfterAll
    static void removeData() {
        TempDirs.deleteRecursively(DATA);
    }

    @Test
    void everyMigrationSinceHasRunAndTheServerReportsThisVersion() throws Exception {
        JsonNode health = JSON.readTree(server.get("/api/health").body());

        assertThat(health.path("version").asText()).isEqualTo(ProductVersion.current());
        assertThat(health.path("db_healthy").asBoolean()).isTrue();
        assertThat(appliedMigrations()).isEqualTo(migrationFiles());
    }

    @Test
    void passwordsTwoFactorKeysAndRolesStillWork() {
        JsonNode owner = login("olivia", null);
        assertThat(owner.path("user").path("role").asText()).isEqualTo("owner");

        HttpResponse<String> withoutCode = server.users().post(null, "/api/auth/login",
                LoginRequest.of("bob", user("bob").path("password").asText()));
        assertThat(withoutCode.body()).contains("totp_required");
        // the 2FA secret is stored encrypted with DATA_DIR/keys/totp.key: a code from it proves the key came along
        JsonNode bob = login("bob", totpNow(user("bob").path("totp_secret").asText()));
        assertThat(bob.path("user").path("id").asText()).isEqualTo(user("bob").path("id").asText());
        assertThat(keys(DATA)).isEqualTo(KEYS_BEFORE);
    }

    @Test
    void sessionsOfThePreviousReleaseAreStillThere() throws Exception {
        List<String> sessions = new ArrayList<>();
        for (JsonNode id : user("bob").path("session_ids")) {
            sessions.add(id.asText());
        }
        assertThat(sessions).hasSize(2);
        assertThat(column("SELECT id FROM auth_session WHERE user_id = '" + user("bob").path("id").asText() + "'"))
                .containsAll(sessions);
    }

    @Test
    void messagesRepliesEditsReactionsAndAttachmentsAreIntact() throws Exception {
        String bob = bobWithBackupCode(0);
        JsonNode messages = FIXTURE.path("messages");

        JsonNode page = get(bob, "/api/channels/" + channel("general") + "/messages?limit=100").path("messages");
        JsonNode welcome = byId(page, messages.path("welcome").path("id").asText());
        assertThat(welcome.path("content").asText()).isEqualTo(messages.path("welcome").path("content").asText());
        assertThat(welcome.path("reactions").toString()).contains(messages.path("welcome").path("reaction").asText());
        JsonNode reply = byId(page, messages.path("reply").path("id").asText());
        assertThat(reply.path("content").asText()).isEqualTo(messages.path("reply").path("content").asText());
        assertThat(reply.path("reply_to").asText()).isEqualTo(messages.path("reply").path("reply_to").asText());
        assertThat(get(bob, "/api/messages/" + reply.path("id").asText() + "/edits").toString())
                .contains(messages.path("reply").path("edited_from").asText());
        JsonNode attachment = byId(page, messages.path("attachment").path("id").asText());
        assertThat(attachment.path("attachments").get(0).path("id").asText())
                .isEqualTo(FIXTURE.path("file").path("id").asText());

        JsonNode dm = get(bob, "/api/channels/" + channel("dm") + "/messages").path("messages");
        assertThat(byId(dm, messages.path("dm").path("id").asText()).path("content").asText())
                .isEqualTo(messages.path("dm").path("content").asText());
        String owner = login("olivia", null).path("access_token").asText();
        JsonNode secret = get(owner, "/api/channels/" + channel("owners-only") + "/messages").path("messages");
        assertThat(byId(secret, messages.path("private").path("id").asText()).path("content").asText())
                .isEqualTo(messages.path("private").path("content").asText());
    }

    @Test
    void uploadedFilesDownloadByteForByte() throws Exception {
        String bob = bobWithBackupCode(1);
        JsonNode file = FIXTURE.path("file");

        HttpResponse<byte[]> download = server.client().send(server.request("/api/files/" + file.path("id").asText())
                .header("Authorization", "Bearer " + bob).GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.body())))
                .isEqualTo(file.path("sha256").asText());
    }

    @Test
    void settingsAndInvitesAreKept() throws Exception {
        String owner = login("olivia", null).path("access_token").asText();

        assertThat(get(owner, "/api/admin/settings")).isEqualTo(FIXTURE.path("settings"));
        JsonNode invite = get(owner, "/api/admin/invites/" + FIXTURE.path("invite").asText());
        assertThat(invite.path("usable").asBoolean()).isTrue();
    }

    @Test
    void aDatabaseFromANewerReleaseIsRefusedUntouched() throws Exception {
        Path newer = unpack(PREVIOUS);
        try {
            String url = "jdbc:h2:file:" + newer.resolve("chatalot") + ";WRITE_DELAY=0";
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                        + "\"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                        + "VALUES (99, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 0, 'test', 1, "
                        + "TRUE)");
            }
            int historyBefore = historyRows(url);
            var config = ConfigLoader.load(Map.of("DATA_DIR", newer.toString(), "LISTEN_ADDR",
                    "127.0.0.1:0", "LOCAL_ADMIN_ADDR", "off")).config();

            assertThatThrownBy(() -> ChatServer.start(config)).isInstanceOf(DatabaseTooNew.class)
                    .hasMessageContaining("upgraded by a newer Chatalot")
                    .hasMessageContaining("999 (from the future)")
                    .hasMessageContaining("Rolling back");

            assertThat(historyRows(url)).as("no migration ran").isEqualTo(historyBefore);
        } finally {
            TempDirs.deleteRecursively(newer);
        }
    }

    private static JsonNode login(String username, String totp) {
        HttpResponse<String> response = server.users().post(null, "/api/auth/login",
                new LoginRequest(username, user(username).path("password").asText(), totp, null));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return readTree(response.body());
    }

    /** A TOTP code counts once per 30 s step, so the other tests sign Bob in with his backup codes, one each. */
    private static String bobWithBackupCode(int index) {
        HttpResponse<String> response = server.users().post(null, "/api/auth/login", new LoginRequest("bob",
                user("bob").path("password").asText(), null, user("bob").path("backup_codes").get(index).asText()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return readTree(response.body()).path("access_token").asText();
    }

    private static JsonNode get(String token, String path) {
        HttpResponse<String> response = server.users().get(token, path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return readTree(response.body());
    }

    private static JsonNode byId(JsonNode messages, String id) {
        for (JsonNode message : messages) {
            if (message.path("id").asText().equals(id)) {
                return message;
            }
        }
        throw new AssertionError("message " + id + " missing from " + messages);
    }

    private static JsonNode user(String name) {
        return FIXTURE.path("users").path(name);
    }

    private static String channel(String name) {
        return FIXTURE.path("channels").path(name).asText();
    }

    private static String totpNow(String base32Secret) {
        return TestUsers.totpCode(base32Secret, 0);
    }

    private static int appliedMigrations() throws SQLException {
        return Integer.parseInt(column("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" "
                + "AND \"type\" = 'SQL'").getFirst());
    }

    /** The server holds the database open; H2 lets a second connection in only from the same process. */
    private static List<String> column(String query) throws SQLException {
        String url = ConfigLoader.load(Map.of("DATA_DIR", DATA.toString())).config().storage().databaseUrl();
        try (Connection c = DriverManager.getConnection(url);
             Statement s = c.createStatement(); ResultSet rows = s.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static int migrationFiles() throws Exception {
        Path folder = Path.of(UpgradeFromPreviousReleaseIT.class.getResource("/db/migration").toURI());
        try (var files = Files.list(folder)) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        }
    }

    private static int historyRows(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\"")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** The data directory the given release left, unpacked into a new temporary folder. */
    static Path unpack(String version) {
        Path dir = TempDirs.create("chatalot-upgrade-");
        try (InputStream in = UpgradeFromPreviousReleaseIT.class.getResourceAsStream(
                "/upgrade/" + version + "/data.zip"); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = dir.resolve(entry.getName()).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String keys(Path dataDir) {
        try (var files = Files.walk(dataDir.resolve("keys"))) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                all.append(file.getFileName()).append('=').append(Files.readString(file)).append('\n');
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = UpgradeFromPreviousReleaseIT.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
