package org.chatalot.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.model.auth.RegistrationMode;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultsMatchTheDocumentedTable() {
        ServerConfig config = ConfigLoader.load(Map.of()).config();

        assertThat(config.network().listen()).isEqualTo(new HostPort("0.0.0.0", 8080));
        assertThat(config.network().localAdmin()).contains(new HostPort("127.0.0.1", 9090));
        assertThat(config.network().publicUrl()).isEmpty();
        assertThat(config.network().wsPingInterval()).isEqualTo(Duration.ofSeconds(25));
        assertThat(config.storage().dataDir()).isEqualTo(Path.of("./data").toAbsolutePath().normalize());
        assertThat(config.storage().databaseUrl()).startsWith("jdbc:h2:file:").contains("WRITE_DELAY=0");
        assertThat(config.limits().maxFileSizeMb()).isEqualTo(100);
        assertThat(config.limits().uploadQuotaMb()).isEqualTo(500);
        assertThat(config.limits().general()).isEqualTo(new ServerConfig.RateLimit(20, 50));
        assertThat(config.limits().auth()).isEqualTo(new ServerConfig.RateLimit(5, 10));
        assertThat(config.security().registrationMode()).isEqualTo(RegistrationMode.INVITE_ONLY);
        assertThat(config.security().argon2()).isEqualTo(new ServerConfig.Argon2(65_536, 3, 4));
        assertThat(config.security().auditRetentionDays()).isEqualTo(90);
        assertThat(config.network().trustedProxies()).extracting(Cidr::toString)
                .containsExactly("127.0.0.1/32", "::1/128");
        assertThat(config.network().forwardedHeaders()).isEqualTo(ForwardedHeaders.X_FORWARDED);
        assertThat(config.calls().turnTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(config.logLevel()).isEqualTo(System.Logger.Level.INFO);
    }

    @Test
    void invalidNumberNamesTheVariableAndTheAcceptedForm() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("MAX_FILE_SIZE_MB", "lots")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MAX_FILE_SIZE_MB: expected a whole number from 1 to 10240, got \"lots\"");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var env = Map.of("LISTEN_ADDR", "nowhere", "REGISTRATION_MODE", "sometimes", "TRUSTED_PROXIES", "10.0.0.0/99",
                "LOG_LEVEL", "loud");

        assertThatThrownBy(() -> ConfigLoader.load(env))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(4)
                        .anySatisfy(p -> assertThat(p).startsWith("LISTEN_ADDR: expected host:port"))
                        .anySatisfy(p -> assertThat(p)
                                .startsWith("REGISTRATION_MODE: expected open, invite_only or closed"))
                        .anySatisfy(p -> assertThat(p).startsWith("TRUSTED_PROXIES: expected comma-separated CIDRs")
                                .contains("prefix must be 0-32"))
                        .anySatisfy(p -> assertThat(p).startsWith("LOG_LEVEL: expected ERROR, WARN")));
    }

    @Test
    void forwardedHeadersNamesOneFamily() {
        assertThat(ConfigLoader.load(Map.of("FORWARDED_HEADERS", "Forwarded")).config().network().forwardedHeaders())
                .isEqualTo(ForwardedHeaders.FORWARDED);
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("FORWARDED_HEADERS", "both")))
                .hasMessageContaining("FORWARDED_HEADERS: expected x-forwarded or forwarded, got \"both\"");
    }

    @Test
    void publicUrlMustBeAnOriginWithoutAPath() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("PUBLIC_URL", "https://chat.example.com/chat")))
                .hasMessageContaining("PUBLIC_URL").hasMessageContaining("no path or query");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("PUBLIC_URL", "ftp://chat.example.com")))
                .hasMessageContaining("PUBLIC_URL").hasMessageContaining("scheme must be https");

        ServerConfig config = ConfigLoader.load(Map.of("PUBLIC_URL", "https://Chat.Example.com:8443/")).config();
        assertThat(config.network().publicOrigin()).contains("https://chat.example.com:8443");
    }

    @Test
    void theSelfCheckDefaultsToEveryFiveMinutesAndNamesAnUnreadableCaFile() {
        ServerConfig.SelfCheck defaults = ConfigLoader.load(Map.of()).config().selfCheck();
        assertThat(defaults.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.caFile()).isEmpty();
        assertThat(ConfigLoader.load(Map.of("SELF_CHECK_INTERVAL_SECONDS", "0")).config().selfCheck().isEnabled())
                .isFalse();
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("SELF_CHECK_CA_FILE", "/nonexistent/ca.pem",
                "SELF_CHECK_CONNECT_ADDR", "nowhere")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).startsWith("SELF_CHECK_CA_FILE: expected a readable PEM file")
                                .contains("cannot read /nonexistent/ca.pem"))
                        .anySatisfy(p -> assertThat(p).startsWith("SELF_CHECK_CONNECT_ADDR: expected host:port")));
    }

    @Test
    void localAdminListenerMustStayOnLoopbackOrBeOff() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOCAL_ADMIN_ADDR", "0.0.0.0:9090")))
                .hasMessageContaining("LOCAL_ADMIN_ADDR").hasMessageContaining("loopback");

        assertThat(ConfigLoader.load(Map.of("LOCAL_ADMIN_ADDR", "off")).config().network().localAdmin()).isEmpty();
    }

    @Test
    void argon2CannotBeTunedBelowTheOwaspMinimum() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ARGON2_MEMORY_KIB", "4096")))
                .hasMessageContaining("ARGON2_MEMORY_KIB: expected a whole number from 19456");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ARGON2_ITERATIONS", "1")))
                .hasMessageContaining("ARGON2_ITERATIONS: expected a whole number from 2");
    }

    @Test
    void jwtKeyPathsComeTogether() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("JWT_PRIVATE_KEY_PATH", "/etc/chatalot/jwt.pem")))
                .hasMessageContaining("JWT_PRIVATE_KEY_PATH and JWT_PUBLIC_KEY_PATH must be set together");
    }

    @Test
    void turnSecretNeedsTurnUrlsAndIceServersMustBeValidJson() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("TURN_SECRET", "s3cret")))
                .hasMessageContaining("TURN_URLS: required when TURN_SECRET is set");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ICE_SERVERS", "[{\"urls\": [\"http://x\"]}]")))
                .hasMessageContaining("ICE_SERVERS").hasMessageContaining("is not a stun:");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ICE_SERVERS", "[{")))
                .hasMessageContaining("ICE_SERVERS: expected a JSON list");

        var config = ConfigLoader.load(Map.of("ICE_SERVERS", "[{\"urls\":[\"stun:stun.example.com:3478\"]}]",
                "TURN_SECRET", "s3cret", "TURN_URLS", "turn:turn.example.com:3478?transport=udp")).config();
        assertThat(config.calls().iceServers()).singleElement()
                .satisfies(server -> assertThat(server.urls()).containsExactly("stun:stun.example.com:3478"));
        assertThat(config.calls().turnUrls()).containsExactly("turn:turn.example.com:3478?transport=udp");
    }

    @Test
    void iceServersRefuseStaticTurnPasswordsBecauseTheyAreServedToAnyone() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ICE_SERVERS",
                "[{\"urls\":[\"turn:turn.example.com\"],\"username\":\"u\",\"credential\":\"static\"}]")))
                .hasMessageContaining("ICE_SERVERS").hasMessageContaining("must not carry a username or credential")
                .hasMessageContaining("TURN_SECRET");
    }

    @Test
    void yamlFileIsReadAndTheEnvironmentWins() throws IOException {
        Path file = dir.resolve("chatalot.yaml");
        Files.writeString(file, """
                max_file_size_mb: 250
                registration_mode: open
                public_url: https://chat.example.com
                ice_servers:
                  - urls: ["stun:stun.example.com:3478"]
                """);
        Map<String, String> env = new HashMap<>();
        env.put("CHATALOT_CONFIG", file.toString());
        env.put("REGISTRATION_MODE", "closed");

        ServerConfig config = ConfigLoader.load(env).config();

        assertThat(config.limits().maxFileSizeMb()).isEqualTo(250);
        assertThat(config.security().registrationMode()).isEqualTo(RegistrationMode.CLOSED);
        assertThat(config.network().publicOrigin()).contains("https://chat.example.com");
        assertThat(config.calls().iceServers()).hasSize(1);
    }

    @Test
    void unknownKeyInTheYamlFileIsAnErrorNamingTheKeyAndFile() throws IOException {
        Path file = dir.resolve("chatalot.yaml");
        Files.writeString(file, "max_file_size: 250\n");

        assertThatThrownBy(() -> ConfigLoader.load(Map.of("CHATALOT_CONFIG", file.toString())))
                .hasMessageContaining("max_file_size (in " + file + "): unknown setting");
    }

    @Test
    void badValueInTheYamlFileNamesTheFile() throws IOException {
        Path file = dir.resolve("chatalot.yaml");
        Files.writeString(file, "upload_quota_mb: -5\n");

        assertThatThrownBy(() -> ConfigLoader.load(Map.of("CHATALOT_CONFIG", file.toString())))
                .hasMessageContaining("UPLOAD_QUOTA_MB (in " + file + "): expected a whole number from 0");
    }

    @Test
    void missingYamlFileIsReported() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("CHATALOT_CONFIG", dir.resolve("nope.yaml").toString())))
                .hasMessageContaining("CHATALOT_CONFIG: cannot read");
    }

    @Test
    void summaryMasksSecretsAndSaysWhereValuesCameFrom() {
        var loaded = ConfigLoader.load(Map.of("TURN_SECRET", "hunter2-very-secret", "TURN_URLS", "turn:t.example.com",
                "TOTP_ENCRYPTION_KEY", "0".repeat(64), "MAX_FILE_SIZE_MB", "42"));

        assertThat(loaded.summary())
                .doesNotContain("hunter2-very-secret").doesNotContain("0".repeat(64))
                .contains("TURN_SECRET = **** (environment)")
                .contains("MAX_FILE_SIZE_MB = 42 (environment)")
                .contains("UPLOAD_QUOTA_MB = 500\n");
        assertThat(loaded.config().security().totpEncryptionKey().orElseThrow().toString()).isEqualTo("****");
    }

    @Test
    void secretValuesAreNotEchoedInErrors() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("TURN_SECRET", " ", "TURN_URLS", "nonsense-url")))
                .hasMessageContaining("TURN_URLS");
    }
}
