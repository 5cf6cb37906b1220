package org.chatalot.e2e.desktop;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.chatalot.admin.testing.TestCertificates;
import org.chatalot.testing.ExternalTools;
import org.chatalot.testing.TempDirs;

/**
 * nginx terminating TLS in front of an upstream, from a config in a temp folder ({@code daemon off}, own pid and
 * logs, a random port), stopped by PID. Minimal on purpose; a shared runner may replace it in test-support.
 */
final class NginxFront implements AutoCloseable {
    private final Path dir = TempDirs.create("admin-nginx-");
    private final int port;
    private Process process;

    NginxFront() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    URI url() {
        return URI.create("https://localhost:" + port);
    }

    /** (Re)starts nginx presenting {@code identity}, proxying to {@code upstreamPort}. */
    void start(TestCertificates.Issued identity, int upstreamPort) throws Exception {
        stop();
        identity.writeCertificatePem(dir.resolve("cert.pem"));
        identity.writeKeyPem(dir.resolve("key.pem"));
        Files.writeString(dir.resolve("nginx.conf"), config(upstreamPort));
        Path nginx = ExternalTools.require("nginx");
        process = new ProcessBuilder(List.of(nginx.toString(), "-p", dir.toString(), "-c", "nginx.conf"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        awaitPort();
    }

    private String config(int upstreamPort) {
        return """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server {
                        listen 127.0.0.1:%2$d ssl;
                        server_name localhost;
                        ssl_certificate %1$s/cert.pem;
                        ssl_certificate_key %1$s/key.pem;
                        add_header Strict-Transport-Security "max-age=31536000" always;
                        location / {
                            proxy_pass http://127.0.0.1:%3$d;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $http_host;
                            proxy_set_header X-Forwarded-For $remote_addr;
                            proxy_set_header X-Forwarded-Proto https;
                        }
                    }
                }
                """.formatted(dir, port, upstreamPort);
    }

    private void awaitPort() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited: " + Files.readString(dir.resolve("stdout.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port);
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        TempDirs.deleteRecursively(dir);
    }
}
