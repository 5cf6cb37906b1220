package org.chatalot.server.config;

import java.util.List;
import java.util.Optional;

/** Every variable the server reads. docs/configuration.md lists the same set (a test keeps them in step). */
public final class Settings {
    public static final Setting LISTEN_ADDR = Setting.of("LISTEN_ADDR", "0.0.0.0:8080",
            "public HTTP listener, host:port (behind the TLS proxy)");
    public static final Setting PUBLIC_URL = Setting.of("PUBLIC_URL", null,
            "public origin, e.g. https://chat.example.com; used for links and WebSocket Origin checks");
    public static final Setting DATA_DIR = Setting.of("DATA_DIR", "./data",
            "database, uploaded files, generated keys and the setup code");
    public static final Setting DATABASE_URL = Setting.of("DATABASE_URL", null,
            "JDBC URL; defaults to the H2 file DATA_DIR/chatalot with durable commits");
    public static final Setting MAX_FILE_SIZE_MB = Setting.of("MAX_FILE_SIZE_MB", "100",
            "largest upload in MiB; the proxy body limit must be at least this plus overhead");
    public static final Setting UPLOAD_QUOTA_MB = Setting.of("UPLOAD_QUOTA_MB", "500",
            "storage per user in MiB; 0 means unlimited");
    public static final Setting UPLOADS_PER_MINUTE = Setting.of("UPLOADS_PER_MINUTE", "30",
            "uploads one user may start per minute (a burst of this many, then refilled evenly)");
    public static final Setting REGISTRATION_MODE = Setting.of("REGISTRATION_MODE", "invite_only",
            "open, invite_only or closed (an admin can change it at run time)");
    public static final Setting TRUSTED_PROXIES = Setting.of("TRUSTED_PROXIES", "127.0.0.1/32,::1/128",
            "CIDRs whose forwarded headers (the FORWARDED_HEADERS family) are believed");
    public static final Setting FORWARDED_HEADERS = Setting.of("FORWARDED_HEADERS", "x-forwarded",
            "x-forwarded (X-Forwarded-For/-Proto/-Host, X-Real-IP) or forwarded (RFC 7239): the only family read "
                    + "from a trusted proxy; the other is ignored");
    public static final Setting ICE_SERVERS = Setting.of("ICE_SERVERS", null,
            "JSON list of STUN/TURN servers handed to call clients");
    public static final Setting TURN_SECRET = Setting.secret("TURN_SECRET",
            "shared secret for time-limited TURN credentials (coturn use-auth-secret)");
    public static final Setting TURN_URLS = Setting.of("TURN_URLS", null,
            "comma-separated turn:/turns: URLs the minted credentials are for");
    public static final Setting TURN_TTL_SECONDS = Setting.of("TURN_TTL_SECONDS", "3600",
            "lifetime of minted TURN credentials");
    public static final Setting JWT_PRIVATE_KEY_PATH = Setting.of("JWT_PRIVATE_KEY_PATH", null,
            "Ed25519 private key (PKCS#8 PEM); generated in DATA_DIR/keys on first start when unset");
    public static final Setting JWT_PUBLIC_KEY_PATH = Setting.of("JWT_PUBLIC_KEY_PATH", null,
            "Ed25519 public key (X.509 PEM) matching JWT_PRIVATE_KEY_PATH");
    public static final Setting TOTP_ENCRYPTION_KEY = Setting.secret("TOTP_ENCRYPTION_KEY",
            "32-byte key (64 hex digits or base64) encrypting TOTP secrets; generated when unset");
    public static final Setting LOCAL_ADMIN_ADDR = Setting.of("LOCAL_ADMIN_ADDR", "127.0.0.1:9090",
            "loopback listener for metrics, detailed health and local admin commands; 'off' disables it");
    public static final Setting LOG_LEVEL = Setting.of("LOG_LEVEL", "INFO",
            "ERROR, WARN, INFO, DEBUG or TRACE");
    public static final Setting RATE_LIMIT_PER_SECOND = Setting.of("RATE_LIMIT_PER_SECOND", "20",
            "sustained requests per second per client IP");
    public static final Setting RATE_LIMIT_BURST = Setting.of("RATE_LIMIT_BURST", "50",
            "requests a client IP may send at once before the sustained rate applies");
    public static final Setting AUTH_RATE_LIMIT_PER_SECOND = Setting.of("AUTH_RATE_LIMIT_PER_SECOND", "5",
            "sustained requests per second per client IP on /api/auth/*");
    public static final Setting AUTH_RATE_LIMIT_BURST = Setting.of("AUTH_RATE_LIMIT_BURST", "10",
            "burst on /api/auth/*");
    public static final Setting WS_RATE_LIMIT_PER_SECOND = Setting.of("WS_RATE_LIMIT_PER_SECOND", "10",
            "sustained WebSocket frames per second per socket");
    public static final Setting WS_RATE_LIMIT_BURST = Setting.of("WS_RATE_LIMIT_BURST", "30",
            "WebSocket frames a socket may send at once");
    public static final Setting MIN_FREE_DISK_MB = Setting.of("MIN_FREE_DISK_MB", "256",
            "below this much free space in DATA_DIR every write is refused (storage_full) and health fails");
    public static final Setting SHUTDOWN_GRACE_SECONDS = Setting.of("SHUTDOWN_GRACE_SECONDS", "10",
            "how long a stopping server lets in-flight requests finish");
    public static final Setting WS_PING_INTERVAL_SECONDS = Setting.of("WS_PING_INTERVAL_SECONDS", "25",
            "WebSocket ping frame interval; keeps idle sockets alive through proxies (0 disables: tests only)");
    public static final Setting MAX_CONNECTIONS = Setting.of("MAX_CONNECTIONS", "10000",
            "open TCP connections the public listener accepts at once (WebSockets included); more wait to be accepted");
    public static final Setting IDLE_CONNECTION_TIMEOUT_SECONDS = Setting.of("IDLE_CONNECTION_TIMEOUT_SECONDS", "60",
            "an HTTP connection that sends no request for this long is closed");
    public static final Setting REQUEST_HEADER_TIMEOUT_SECONDS = Setting.of("REQUEST_HEADER_TIMEOUT_SECONDS", "20",
            "time a client has to send a request's line and headers, once it has started (else 408)");
    public static final Setting REQUEST_BODY_TIMEOUT_SECONDS = Setting.of("REQUEST_BODY_TIMEOUT_SECONDS", "20",
            "time a request body may keep the server waiting, plus one second per KiB received (else 408)");
    public static final Setting AUDIT_RETENTION_DAYS = Setting.of("AUDIT_RETENTION_DAYS", "90",
            "audit log entries older than this are pruned");
    public static final Setting ADMIN_ALLOWED_CIDRS = Setting.of("ADMIN_ALLOWED_CIDRS", null,
            "when set, /api/admin/* answers 404 to client IPs outside these CIDRs");
    public static final Setting SELF_CHECK_INTERVAL_SECONDS = Setting.of("SELF_CHECK_INTERVAL_SECONDS", "300",
            "how often the server checks its PUBLIC_URL through the proxy (certificate, health); 0 turns it off");
    public static final Setting SELF_CHECK_CA_FILE = Setting.of("SELF_CHECK_CA_FILE", null,
            "PEM file of a private CA the self-check trusts besides the JDK's (local CA, Caddy's internal CA)");
    public static final Setting SELF_CHECK_CONNECT_ADDR = Setting.of("SELF_CHECK_CONNECT_ADDR", null,
            "host:port the self-check connects to instead of PUBLIC_URL's address (a box behind NAT)");
    public static final Setting ARGON2_MEMORY_KIB = Setting.of("ARGON2_MEMORY_KIB", "65536",
            "Argon2id memory cost in KiB (at least 19456, OWASP's minimum)");
    public static final Setting ARGON2_ITERATIONS = Setting.of("ARGON2_ITERATIONS", "3",
            "Argon2id passes over memory (at least 2)");
    public static final Setting ARGON2_PARALLELISM = Setting.of("ARGON2_PARALLELISM", "4",
            "Argon2id lanes");

    public static final List<Setting> ALL = List.of(
            LISTEN_ADDR, PUBLIC_URL, DATA_DIR, DATABASE_URL, MAX_FILE_SIZE_MB, UPLOAD_QUOTA_MB, UPLOADS_PER_MINUTE,
            REGISTRATION_MODE, TRUSTED_PROXIES, FORWARDED_HEADERS, ICE_SERVERS, TURN_SECRET, TURN_URLS,
            TURN_TTL_SECONDS, JWT_PRIVATE_KEY_PATH, JWT_PUBLIC_KEY_PATH, TOTP_ENCRYPTION_KEY, LOCAL_ADMIN_ADDR,
            LOG_LEVEL, RATE_LIMIT_PER_SECOND, RATE_LIMIT_BURST, AUTH_RATE_LIMIT_PER_SECOND, AUTH_RATE_LIMIT_BURST,
            WS_RATE_LIMIT_PER_SECOND, WS_RATE_LIMIT_BURST, MIN_FREE_DISK_MB, SHUTDOWN_GRACE_SECONDS,
            WS_PING_INTERVAL_SECONDS, MAX_CONNECTIONS, IDLE_CONNECTION_TIMEOUT_SECONDS,
            REQUEST_HEADER_TIMEOUT_SECONDS, REQUEST_BODY_TIMEOUT_SECONDS, AUDIT_RETENTION_DAYS,
            ADMIN_ALLOWED_CIDRS, SELF_CHECK_INTERVAL_SECONDS, SELF_CHECK_CA_FILE, SELF_CHECK_CONNECT_ADDR,
            ARGON2_MEMORY_KIB, ARGON2_ITERATIONS, ARGON2_PARALLELISM);

    /** Environment variable naming the optional YAML file. */
    public static final String CONFIG_FILE_VARIABLE = "CHATALOT_CONFIG";

    private Settings() {
    }

    public static Optional<Setting> byName(String name) {
        return ALL.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }
}
