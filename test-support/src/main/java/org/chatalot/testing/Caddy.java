package org.chatalot.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real Caddy run in the foreground from a private folder: its data (the local CA of {@code tls internal},
 * certificates) and config stay inside it, the admin endpoint is off (so several can run at once without
 * fighting over port 2019), and the root CA is never installed into the system. Stopped by PID. The global
 * options it needs are merged into those of the Caddyfile given, which may have its own (the installer's
 * does, for {@code http_port} and {@code skip_install_trust}).
 */
public final class Caddy implements AutoCloseable {
    private final Path binary;
    private final Path dir;
    private Process process;

    private Caddy(Path binary, Path dir) {
        this.binary = binary;
        this.dir = dir;
    }

    /**
     * {@code site} (a Caddyfile such as the installer renders) with its HTTP redirect listener on
     * {@code httpPort} instead of 80; skips the test (fails on CI) when caddy is missing.
     */
    public static Caddy withSite(String site, int httpPort) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("http_port", "http_port " + httpPort);
        options.put("skip_install_trust", "skip_install_trust");
        return create(site, options);
    }

    /** {@code caddyfile} as it is, ports and all, but kept inside this folder. */
    public static Caddy withCaddyfile(String caddyfile) {
        return create(caddyfile, new LinkedHashMap<>());
    }

    private static Caddy create(String caddyfile, Map<String, String> options) {
        Caddy caddy = new Caddy(ExternalTools.require("caddy"), TempDirs.create("chatalot-caddy-"));
        options.put("admin", "admin off");
        options.put("storage", "storage file_system " + caddy.dir.resolve("data"));
        try {
            Files.writeString(caddy.caddyfile(), withGlobalOptions(caddyfile, options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return caddy;
    }

    /** Starts Caddy and waits until every one of {@code ports} accepts connections and its local CA exists. */
    public Caddy start(int... ports) {
        try {
            ProcessBuilder builder = new ProcessBuilder(binary.toString(), "run", "--adapter", "caddyfile",
                    "--config", caddyfile().toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("caddy.log").toFile());
            builder.environment().putAll(environment());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean up = Poll.until(() -> !process.isAlive() || allAccept(ports) && Files.exists(rootCertificate()),
                Duration.ofSeconds(30));
        if (!up || !process.isAlive()) {
            throw new AssertionError("caddy did not start on " + List.of(ports) + ":\n" + log());
        }
        return this;
    }

    /**
     * Waits until Caddy serves {@code host} on {@code port} with a certificate from its local CA: a handshake
     * verified against {@link #rootCertificate()} with host-name checking. With {@code tls internal} Caddy opens
     * its port before the certificate is issued and put into its cache, and answers handshakes until then with
     * an {@code internal_error} alert; its log line "certificate obtained" comes before the certificate is used.
     */
    public void awaitCertificate(String host, int port) {
        if (!Poll.until(() -> verifiedHandshake(host, port), Duration.ofSeconds(60))) {
            throw new AssertionError("caddy served no certificate for " + host + " on " + port + ":\n" + log());
        }
    }

    private boolean verifiedHandshake(String host, int port) {
        try (SSLSocket socket = (SSLSocket) trustingRoot().getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(5_000);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(host)));
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private SSLContext trustingRoot() {
        try (InputStream pem = Files.newInputStream(rootCertificate())) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("caddy-local", CertificateFactory.getInstance("X.509").generateCertificate(pem));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Caddy's root certificate is not usable", e);
        }
    }

    /** The root of Caddy's local CA (what {@code tls internal} signs with), for clients to trust. */
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
                caddyfile().toString()), environment(), Duration.ofSeconds(60));
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

    private Map<String, String> environment() {
        return Map.of("HOME", dir.toString(), "XDG_DATA_HOME", dir.toString(), "XDG_CONFIG_HOME", dir.toString());
    }

    private Path caddyfile() {
        return dir.resolve("Caddyfile");
    }

    /**
     * The Caddyfile with {@code options} in its global options block: added to the one it has (an option it
     * already sets keeps its value), or as a block of their own at the top.
     */
    static String withGlobalOptions(String caddyfile, Map<String, String> options) {
        List<String> lines = new ArrayList<>(List.of(caddyfile.split("\n", -1)));
        int open = -1;
        for (int i = 0; i < lines.size(); i++) {
            String stripped = lines.get(i).strip();
            if (stripped.equals("{")) {
                open = i;
                break;
            }
            if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                break;
            }
        }
        if (open < 0) {
            StringBuilder block = new StringBuilder("{\n");
            options.values().forEach(option -> block.append('\t').append(option).append('\n'));
            return block.append("}\n\n").append(caddyfile).toString();
        }
        int close = open + 1;
        while (!lines.get(close).strip().equals("}")) {
            close++;
        }
        List<String> present = lines.subList(open + 1, close).stream().map(String::strip).toList();
        List<String> added = options.entrySet().stream()
                .filter(option -> present.stream().noneMatch(line -> line.startsWith(option.getKey())))
                .map(option -> "\t" + option.getValue()).toList();
        lines.addAll(close, added);
        return String.join("\n", lines);
    }

    private static boolean allAccept(int... ports) {
        for (int port : ports) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
