package org.chatalot.server.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.chatalot.model.auth.RegistrationMode;
import org.chatalot.model.call.IceServer;

/**
 * Everything the server is configured with, parsed and validated. Components receive the slice they
 * need ({@link Network}, {@link Storage}, …) through their constructors.
 */
public record ServerConfig(Network network,
                           Storage storage,
                           Limits limits,
                           Security security,
                           Calls calls,
                           System.Logger.Level logLevel,
                           SelfCheck selfCheck) {

    /** Listeners and what the server believes about the proxy in front of it. */
    public record Network(HostPort listen,
                          Optional<URI> publicUrl,
                          List<Cidr> trustedProxies,
                          ForwardedHeaders forwardedHeaders,
                          Optional<HostPort> localAdmin,
                          Duration wsPingInterval,
                          Duration shutdownGrace,
                          Connections connections) {

        /** The public origin ({@code scheme://host[:port]}) when PUBLIC_URL is set. */
        public Optional<String> publicOrigin() {
            return publicUrl.map(URI::toString);
        }
    }

    /**
     * What one client connection may hold on the public listener: how many there may be, how long one may
     * sit without a request, and how long a request's head and body may take to arrive.
     */
    public record Connections(int maxConnections, Duration idleTimeout, Duration headerTimeout,
                              Duration bodyTimeout) {
    }

    public record Storage(Path dataDir, String databaseUrl, long minFreeDiskBytes) {

        public Path filesDir() {
            return dataDir.resolve("files");
        }

        public Path keysDir() {
            return dataDir.resolve("keys");
        }

        /** The H2 file of the default database (DATABASE_URL unset), DATA_DIR/chatalot.mv.db; empty otherwise. */
        public Optional<Path> defaultDatabaseFile() {
            return databaseUrl.equals(ConfigParser.defaultDatabaseUrl(dataDir))
                    ? Optional.of(dataDir.resolve("chatalot.mv.db")) : Optional.empty();
        }
    }

    public record Limits(int maxFileSizeMb, int uploadQuotaMb, int uploadsPerMinute, RateLimit general, RateLimit auth,
                         RateLimit websocket) {

        public long maxFileSizeBytes() {
            return maxFileSizeMb * 1024L * 1024L;
        }

        /** 0 means unlimited. */
        public long uploadQuotaBytes() {
            return uploadQuotaMb * 1024L * 1024L;
        }

        /** Uploads per user as a token bucket: a minute's worth at once, then refilled evenly. */
        public RateLimit uploads() {
            return new RateLimit(uploadsPerMinute / 60.0, uploadsPerMinute);
        }
    }

    /** A token bucket: {@code burst} requests at once, refilled at {@code perSecond}. */
    public record RateLimit(double perSecond, int burst) {
    }

    public record Security(RegistrationMode registrationMode,
                           Optional<Path> jwtPrivateKeyPath,
                           Optional<Path> jwtPublicKeyPath,
                           Optional<Secret> totpEncryptionKey,
                           Argon2 argon2,
                           List<Cidr> adminAllowedCidrs,
                           int auditRetentionDays) {
    }

    /** Argon2id cost parameters; validated to stay at or above OWASP's minimum. */
    public record Argon2(int memoryKib, int iterations, int parallelism) {
    }

    /**
     * The server's periodic look at its own PUBLIC_URL through the proxy.
     *
     * @param interval  time between checks; zero when turned off
     * @param caFile    a private CA trusted besides the JDK's
     * @param connectTo where to connect instead of PUBLIC_URL's own address
     */
    public record SelfCheck(Duration interval, Optional<Path> caFile, Optional<HostPort> connectTo) {
        public boolean isEnabled() {
            return !interval.isZero();
        }
    }

    public record Calls(List<IceServer> iceServers,
                        Optional<Secret> turnSecret,
                        List<String> turnUrls,
                        Duration turnTtl) {
    }
}
