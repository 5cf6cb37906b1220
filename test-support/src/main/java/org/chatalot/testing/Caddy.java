package org.chatalot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Caddy run in the foreground from a private folder: its data (the local CA of {@code tls internal},
 * certificates) and config stay inside it, the admin endpoint is off, the root CA is not installed into the
 * system, and the HTTP redirect listener gets a free port instead of 80. Stopped by PID.
 */
public final class Caddy implements AutoCloseable {
    private static final String GLOBAL_OPTIONS = """
            {
            	admin off
            	http_port %d
            	skip_install_trust
            	storage file_system %s
            }

            """;
    private final Path binary;
    private final Path dir;
    private Process process;

    private Caddy(Path binary, Path dir) {
        this.binary = binary;
        this.dir = dir;
    }

    /**
     * Prepares a folder with {@code site} (a Caddyfile site block, such as the installer renders) behind
     * global options that keep Caddy inside it; skips the test (fails on CI) when caddy is missing.
     */
    public static Caddy withSite(String site, int httpPort) {
        Caddy caddy = new Caddy(ExternalTools.require("caddy"), TempDirs.create("chatalot-caddy-"));
        try {
            Files.writeString(caddy.caddyfile(), GLOBAL_OPTIONS.formatted(httpPort, caddy.dir.resolve("data")) + site);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return caddy;
    }

    /** Starts Caddy and waits until {@code port} accepts connections and its local CA exists. */
    public Caddy start(int port) {
        try {
            ProcessBuilder builder = new ProcessBuilder(binary.toString(), "run", "--adapter", "caddyfile",
                    "--config", caddyfile().toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("caddy.log").toFile());
            builder.environment().putAll(Map.of("HOME", dir.toString(), "XDG_DATA_HOME", dir.toString(),
                    "XDG_CONFIG_HOME", dir.toString()));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean up = Poll.until(() -> !process.isAlive() || accepts(port) && Files.exists(rootCertificate()),
                Duration.ofSeconds(30));
        if (!up || !process.isAlive()) {
            throw new AssertionError("caddy did not start on " + port + ":\n" + log());
        }
        return this;
    }

    /** The root of {@code tls internal}'s local CA, for clients to trust. */
    public Path rootCertificate() {
        return dir.resolve("data/pki/authorities/local/root.crt");
    }

    public String log() {
        try {
            Path log = dir.resolve("caddy.log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code caddy validate} of the same file, so a test can show Caddy's own complaint. */
    public ToolResult validate() {
        return ToolResult.run(List.of(binary.toString(), "validate", "--adapter", "caddyfile", "--config",
                caddyfile().toString()), Map.of("HOME", dir.toString(), "XDG_DATA_HOME", dir.toString(),
                "XDG_CONFIG_HOME", dir.toString()), Duration.ofSeconds(60));
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        TempDirs.deleteRecursively(dir);
    }

    private Path caddyfile() {
        return dir.resolve("Caddyfile");
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
