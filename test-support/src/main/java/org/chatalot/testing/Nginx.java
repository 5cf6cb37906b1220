package org.chatalot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx run from a private prefix folder ({@code -p DIR}, {@code daemon off}) with one site file
 * included into a minimal {@code nginx.conf}: no root needed, nothing under /etc touched, stopped by PID.
 * The folder is world-readable because nginx's workers drop to {@code nobody} when started as root.
 * {@code nginx.conf} also includes {@code sites-enabled/*}, so code under test can install a site there the way
 * it would on a Debian box, and reload this nginx with {@link #reloadCommand()}. The one way tests run nginx.
 */
public final class Nginx implements AutoCloseable {
    private static final String MAIN_CONF = """
            daemon off;
            worker_processes 1;
            pid %1$s/nginx.pid;
            error_log %1$s/error.log warn;
            events { worker_connections 256; }
            http {
                access_log %1$s/access.log;
                client_body_temp_path %1$s/tmp/body;
                proxy_temp_path %1$s/tmp/proxy;
                fastcgi_temp_path %1$s/tmp/fastcgi;
                uwsgi_temp_path %1$s/tmp/uwsgi;
                scgi_temp_path %1$s/tmp/scgi;
                include %1$s/site.conf;
                include %1$s/sites-enabled/*;
            }
            """;
    private final Path binary;
    private final Path prefix;
    private Process process;

    private Nginx(Path binary, Path prefix) {
        this.binary = binary;
        this.prefix = prefix;
    }

    /** Prepares a prefix with the given site; skips the test (fails on CI) when nginx is missing. */
    public static Nginx withSite(String site) {
        Nginx nginx = new Nginx(ExternalTools.require("nginx"), TempDirs.create("chatalot-nginx-"));
        try {
            Files.setPosixFilePermissions(nginx.prefix, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createDirectories(nginx.prefix.resolve("tmp"));
            Files.createDirectories(nginx.sitesEnabled());
            Files.writeString(nginx.conf(), MAIN_CONF.formatted(nginx.prefix));
            nginx.writeSite(site);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return nginx;
    }

    public Path prefix() {
        return prefix;
    }

    /** The main configuration, as nginx's {@code -c} takes it. */
    public Path conf() {
        return prefix.resolve("nginx.conf");
    }

    /** A folder {@code nginx.conf} includes every file of (empty at first). */
    public Path sitesEnabled() {
        return prefix.resolve("sites-enabled");
    }

    /** {@code nginx -t}: exit code and output, so a test can show nginx's own complaint. */
    public ToolResult test() {
        return ToolResult.run(List.of(binary.toString(), "-t", "-p", prefix.toString(), "-c", conf().toString()),
                Duration.ofSeconds(20));
    }

    /**
     * Starts nginx and waits until it has bound every {@code listen} address and every one of {@code ports}
     * accepts connections. A port that something else on the machine took meanwhile fails here with nginx's
     * "Address already in use", instead of a test then talking to that other program.
     */
    public Nginx start(int... ports) {
        ToolResult check = test();
        if (check.exitCode() != 0) {
            throw new AssertionError("nginx -t rejected the site:\n" + check.output());
        }
        Path pidFile = prefix.resolve("nginx.pid");
        try {
            Files.deleteIfExists(pidFile);
            process = new ProcessBuilder(binary.toString(), "-p", prefix.toString(), "-c", conf().toString())
                    .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // nginx writes its pid file only once every listening socket is bound; while a port is taken it retries
        // for a few seconds and exits, which a connection test alone would mistake for success.
        boolean bound = Poll.until(() -> !process.isAlive() || Files.exists(pidFile), Duration.ofSeconds(30));
        if (!process.isAlive() || !bound) {
            throw new AssertionError("nginx did not bind its ports:\n" + errorLog());
        }
        for (int port : ports) {
            awaitPort(port, Duration.ofSeconds(30)); // as long as the runners it replaces waited on a busy machine
        }
        return this;
    }

    /**
     * Stops nginx, replaces the site and starts it again on {@code ports}: unlike a reload, no old worker can
     * still answer a new connection with the previous certificate once this returns.
     */
    public Nginx restart(String site, int... ports) {
        stop();
        writeSite(site);
        return start(ports);
    }

    /** Replaces the site and reloads the running nginx, as {@code systemctl reload nginx} would. */
    public void reload(String site) {
        writeSite(site);
        ToolResult result = ToolResult.run(List.of(binary.toString(), "-p", prefix.toString(), "-c",
                conf().toString(), "-s", "reload"), Duration.ofSeconds(20));
        if (result.exitCode() != 0) {
            throw new AssertionError("nginx reload failed:\n" + result.output());
        }
    }

    /** The reload command line, for code under test that reloads nginx itself (e.g. a certbot deploy hook). */
    public List<String> reloadCommand() {
        return List.of(binary.toString(), "-p", prefix.toString(), "-c", conf().toString(), "-s", "reload");
    }

    public String errorLog() {
        try {
            Path log = prefix.resolve("error.log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
        TempDirs.deleteRecursively(prefix);
    }

    private void stop() {
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
    }

    private void writeSite(String site) {
        try {
            Files.writeString(prefix.resolve("site.conf"), site);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitPort(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("nginx exited at start:\n" + errorLog());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Poll.pause(Duration.ofMillis(50));
            }
        }
        throw new AssertionError("nginx did not listen on " + port + " within " + timeout + ":\n" + errorLog());
    }
}
