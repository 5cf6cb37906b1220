package org.chatalot.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.chatalot.model.auth.RegistrationMode;
import org.chatalot.model.call.IceServer;
import org.chatalot.server.config.ConfigLoader.RawValue;

/** Turns raw setting text into typed values, collecting every problem before failing. */
final class ConfigParser {
    static final int OWASP_MIN_ARGON2_MEMORY_KIB = 19_456;
    static final int OWASP_MIN_ARGON2_ITERATIONS = 2;
    /** H2's page cache in the default database URL (see {@link #defaultDatabaseUrl}). */
    static final int DATABASE_CACHE_KB = 2048;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Map<String, RawValue> raw;
    private final List<String> problems = new ArrayList<>();

    ConfigParser(Map<String, RawValue> raw) {
        this.raw = raw;
    }

    ServerConfig parse() {
        var network = new ServerConfig.Network(
                required(Settings.LISTEN_ADDR, HostPort::parse, "host:port, e.g. 0.0.0.0:8080"),
                optional(Settings.PUBLIC_URL, ConfigParser::publicUrl, "an origin such as https://chat.example.com"),
                cidrs(Settings.TRUSTED_PROXIES),
                required(Settings.FORWARDED_HEADERS, v -> ForwardedHeaders.fromSetting(v).orElseThrow(
                        () -> new IllegalArgumentException("unknown family")), "x-forwarded or forwarded"),
                localAdmin(),
                Duration.ofSeconds(integer(Settings.WS_PING_INTERVAL_SECONDS, 0, 3_600)),
                Duration.ofSeconds(integer(Settings.SHUTDOWN_GRACE_SECONDS, 0, 600)),
                new ServerConfig.Connections(
                        integer(Settings.MAX_CONNECTIONS, 16, 1_000_000),
                        Duration.ofSeconds(integer(Settings.IDLE_CONNECTION_TIMEOUT_SECONDS, 1, 86_400)),
                        Duration.ofSeconds(integer(Settings.REQUEST_HEADER_TIMEOUT_SECONDS, 1, 3_600)),
                        Duration.ofSeconds(integer(Settings.REQUEST_BODY_TIMEOUT_SECONDS, 1, 3_600))));
        Path dataDir = required(Settings.DATA_DIR, v -> Path.of(v).toAbsolutePath().normalize(), "a directory path");
        var storage = new ServerConfig.Storage(
                dataDir,
                optional(Settings.DATABASE_URL, ConfigParser::jdbcUrl, "a JDBC URL starting with jdbc:")
                        .orElse(defaultDatabaseUrl(dataDir)),
                integer(Settings.MIN_FREE_DISK_MB, 0, 2_000_000_000) * 1024L * 1024L);
        var limits = new ServerConfig.Limits(
                integer(Settings.MAX_FILE_SIZE_MB, 1, 10_240),
                integer(Settings.UPLOAD_QUOTA_MB, 0, 10_485_760),
                integer(Settings.UPLOADS_PER_MINUTE, 1, 100_000),
                new ServerConfig.RateLimit(decimal(Settings.RATE_LIMIT_PER_SECOND),
                        integer(Settings.RATE_LIMIT_BURST, 1, 1_000_000)),
                new ServerConfig.RateLimit(decimal(Settings.AUTH_RATE_LIMIT_PER_SECOND),
                        integer(Settings.AUTH_RATE_LIMIT_BURST, 1, 1_000_000)),
                new ServerConfig.RateLimit(decimal(Settings.WS_RATE_LIMIT_PER_SECOND),
                        integer(Settings.WS_RATE_LIMIT_BURST, 1, 1_000_000)));
        var security = new ServerConfig.Security(
                required(Settings.REGISTRATION_MODE, ConfigParser::registrationMode, "open, invite_only or closed"),
                optional(Settings.JWT_PRIVATE_KEY_PATH, Path::of, "a file path"),
                optional(Settings.JWT_PUBLIC_KEY_PATH, Path::of, "a file path"),
                optional(Settings.TOTP_ENCRYPTION_KEY, Secret::new, "a key"),
                new ServerConfig.Argon2(
                        integer(Settings.ARGON2_MEMORY_KIB, OWASP_MIN_ARGON2_MEMORY_KIB, 4 * 1024 * 1024),
                        integer(Settings.ARGON2_ITERATIONS, OWASP_MIN_ARGON2_ITERATIONS, 100),
                        integer(Settings.ARGON2_PARALLELISM, 1, 64)),
                cidrs(Settings.ADMIN_ALLOWED_CIDRS),
                integer(Settings.AUDIT_RETENTION_DAYS, 1, 36_500));
        var calls = new ServerConfig.Calls(
                optional(Settings.ICE_SERVERS, ConfigParser::iceServers,
                        "a JSON list such as [{\"urls\":[\"stun:stun.example.com:3478\"]}]").orElse(List.of()),
                optional(Settings.TURN_SECRET, Secret::new, "a secret"),
                optional(Settings.TURN_URLS, ConfigParser::turnUrls, "comma-separated turn: or turns: URLs")
                        .orElse(List.of()),
                Duration.ofSeconds(integer(Settings.TURN_TTL_SECONDS, 60, 7 * 86_400)));
        var logLevel = required(Settings.LOG_LEVEL, ConfigParser::logLevel, "ERROR, WARN, INFO, DEBUG or TRACE");
        var selfCheck = new ServerConfig.SelfCheck(
                Duration.ofSeconds(integer(Settings.SELF_CHECK_INTERVAL_SECONDS, 0, 86_400)),
                optional(Settings.SELF_CHECK_CA_FILE, ConfigParser::readableFile, "a readable PEM file"),
                optional(Settings.SELF_CHECK_CONNECT_ADDR, HostPort::parse, "host:port, e.g. 127.0.0.1:443"));
        checkConsistency(security, calls);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new ServerConfig(network, storage, limits, security, calls, logLevel, selfCheck);
    }

    /**
     * H2 commits are made durable before they return (WRITE_DELAY=0); see docs/operations.md. H2's page cache
     * is {@value #DATABASE_CACHE_KB} KiB instead of its 16 MiB: every commit puts new versions of the pages it
     * changed into the cache, and with a large cache the old versions stay there for seconds, long enough to be
     * promoted to the old generation, which then fills with dead pages (at 200 messages/s to 49 members the old
     * generation grew by 193 MiB in 175 young collections, by 71 MiB with a 2 MiB cache; docs/performance.md).
     */
    static String defaultDatabaseUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("chatalot") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE="
                + DATABASE_CACHE_KB;
    }


    private void checkConsistency(ServerConfig.Security security, ServerConfig.Calls calls) {
        if (security.jwtPrivateKeyPath().isPresent() != security.jwtPublicKeyPath().isPresent()) {
            problems.add(Settings.JWT_PRIVATE_KEY_PATH.name() + " and " + Settings.JWT_PUBLIC_KEY_PATH.name()
                    + " must be set together (or both left unset to generate a key pair)");
        }
        if (calls.turnSecret().isPresent() && calls.turnUrls().isEmpty()) {
            problems.add(Settings.TURN_URLS.name() + ": required when TURN_SECRET is set");
        }
    }

    private <T> T required(Setting setting, Function<String, T> parser, String expected) {
        return optional(setting, parser, expected).orElse(null);
    }

    private <T> Optional<T> optional(Setting setting, Function<String, T> parser, String expected) {
        RawValue value = raw.get(setting.name());
        if (value == null || value.value().isBlank()) {
            if (setting.defaultValue() != null) {
                problems.add(describe(setting, value) + ": must not be empty; expected " + expected);
            }
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(value.value().trim()));
        } catch (RuntimeException e) {
            String shown = setting.secret() ? "" : ", got \"" + value.value() + "\"";
            String reason = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
            problems.add(describe(setting, value) + ": expected " + expected + shown + reason);
            return Optional.empty();
        }
    }

    private int integer(Setting setting, int min, int max) {
        Integer value = required(setting, v -> {
            int parsed = Integer.parseInt(v);
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException("out of range");
            }
            return parsed;
        }, "a whole number from " + min + " to " + max);
        return value == null ? min : value;
    }

    private double decimal(Setting setting) {
        Double value = required(setting, v -> {
            double parsed = Double.parseDouble(v);
            if (!(parsed > 0) || parsed > 1_000_000) {
                throw new IllegalArgumentException("out of range");
            }
            return parsed;
        }, "a positive number");
        return value == null ? 1 : value;
    }

    private List<Cidr> cidrs(Setting setting) {
        return optional(setting, v -> Arrays.stream(v.split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).map(Cidr::parse).toList(),
                "comma-separated CIDRs such as 127.0.0.1/32,::1/128").orElse(List.of());
    }

    private Optional<HostPort> localAdmin() {
        RawValue value = raw.get(Settings.LOCAL_ADMIN_ADDR.name());
        if (value != null && value.value().trim().equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        return optional(Settings.LOCAL_ADMIN_ADDR, v -> {
            HostPort hostPort = HostPort.parse(v);
            if (!isLoopback(hostPort.host())) {
                throw new IllegalArgumentException(
                        "it must be a loopback address: it serves commands without a password");
            }
            return hostPort;
        }, "a loopback host:port such as 127.0.0.1:9090, or off");
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    private static URI publicUrl(String value) {
        URI uri;
        try {
            uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("scheme must be https (or http for local testing)");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("no host");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty()
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the server must be served at the root of its host: no path or query");
        }
        return URI.create(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
    }

    private static Path readableFile(String value) {
        Path path = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isReadable(path) || !Files.isRegularFile(path)) {
            throw new IllegalArgumentException("cannot read " + path);
        }
        return path;
    }

    private static String jdbcUrl(String value) {
        if (!value.startsWith("jdbc:")) {
            throw new IllegalArgumentException("no jdbc: prefix");
        }
        return value;
    }

    private static RegistrationMode registrationMode(String value) {
        return RegistrationMode.fromWireName(value).orElseThrow(() -> new IllegalArgumentException("unknown mode"));
    }

    private static System.Logger.Level logLevel(String value) {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "ERROR" -> System.Logger.Level.ERROR;
            case "WARN", "WARNING" -> System.Logger.Level.WARNING;
            case "INFO" -> System.Logger.Level.INFO;
            case "DEBUG" -> System.Logger.Level.DEBUG;
            case "TRACE" -> System.Logger.Level.TRACE;
            default -> throw new IllegalArgumentException("unknown level");
        };
    }

    private static List<IceServer> iceServers(String value) {
        List<IceServer> servers;
        try {
            servers = List.of(JSON.readValue(value, IceServer[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage());
        }
        for (IceServer server : servers) {
            if (server == null || server.urls() == null || server.urls().isEmpty()) {
                throw new IllegalArgumentException("every entry needs a non-empty \"urls\" list");
            }
            for (String url : server.urls()) {
                if (!url.matches("(stun|stuns|turn|turns):.+")) {
                    throw new IllegalArgumentException("'" + url + "' is not a stun:, stuns:, turn: or turns: URL");
                }
            }
            // These are served to anyone (GET /api/auth/config): a password here would be a public one.
            if (server.username() != null || server.credential() != null) {
                throw new IllegalArgumentException("entries must not carry a username or credential; for TURN set "
                        + "TURN_SECRET and TURN_URLS, and each user gets short-lived credentials");
            }
        }
        return servers;
    }

    private static List<String> turnUrls(String value) {
        List<String> urls = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String url : urls) {
            if (!url.matches("(turn|turns):.+")) {
                throw new IllegalArgumentException("'" + url + "' is not a turn: or turns: URL");
            }
        }
        return urls;
    }

    private static String describe(Setting setting, RawValue value) {
        return value == null || value.origin().equals("environment") || value.origin().equals("default")
                ? setting.name() : setting.name() + " (in " + value.origin().substring("file ".length()) + ")";
    }
}
