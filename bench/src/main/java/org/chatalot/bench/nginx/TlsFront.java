package org.chatalot.bench.nginx;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.chatalot.bench.core.Launch;
import org.chatalot.bench.core.LoopbackGuard;

/**
 * nginx terminating TLS on 127.0.0.1 in front of two upstreams: {@code /api/} goes to our server and
 * {@code /sink} to the ceiling's discard handler, with the installer's proxy settings for uploads (HTTP/1.1
 * upstream, request buffering off), so the two uploads differ only in what receives them.
 */
public final class TlsFront implements AutoCloseable {
    static final String NGINX = "/usr/sbin/nginx";
    static final String OPENSSL = "/usr/bin/openssl";

    private final Process process;
    private final int port;
    private final Path certificate;

    private TlsFront(Process process, int port, Path certificate) {
        this.process = process;
        this.port = port;
        this.certificate = certificate;
    }

    public static boolean isInstalled() {
        return Files.isExecutable(Path.of(NGINX)) && Files.isExecutable(Path.of(OPENSSL));
    }

    public static TlsFront start(Path workDir, URI api, URI sink) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(workDir, "nginx-");
        Files.createDirectories(dir.resolve("logs"));
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        run(List.of(OPENSSL, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", key.toString(), "-out", cert.toString()), dir);
        int port = Launch.freePort();
        Files.writeString(dir.resolve("nginx.conf"), NginxConfig.render(dir, port, cert, key, api, sink));
        Process process = new ProcessBuilder(NGINX, "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("logs/stdout.log").toFile()).start();
        try {
            Launch.awaitPort(process, port, Duration.ofSeconds(20), dir.resolve("logs/error.log"));
            LoopbackGuard.requireLoopbackOnly(process.toHandle(), "nginx");
            return new TlsFront(process, port, cert);
        } catch (IOException | RuntimeException e) {
            Launch.stop(process, Duration.ofSeconds(5));
            throw e;
        }
    }

    public URI base() {
        return URI.create("https://127.0.0.1:" + port);
    }

    /** Trusts exactly the front's throwaway certificate. */
    public SSLContext trust() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            store.setCertificateEntry("front", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    @Override
    public void close() {
        Launch.stop(process, Duration.ofSeconds(10));
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("logs/openssl.log").toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("openssl failed: " + Launch.tail(dir.resolve("logs/openssl.log")));
        }
    }
}
