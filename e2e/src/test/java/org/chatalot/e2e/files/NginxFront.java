package org.chatalot.e2e.files;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.chatalot.testing.ExternalTools;

/**
 * A real nginx in front of one or more upstreams, configured as docs/tls-and-reverse-proxy.md says
 * ({@code client_max_body_size} = MAX_FILE_SIZE_MB + 10M, HTTP/1.1 to the upstream, request buffering
 * off), run from a temporary prefix on free ports in the foreground and stopped by its PID. Needs no root;
 * as root its workers run as nobody, so the prefix is made world-traversable.
 */
final class NginxFront implements AutoCloseable {
    private final Process process;
    private final Path prefix;
    private final List<Integer> ports;

    private NginxFront(Process process, Path prefix, List<Integer> ports) {
        this.process = process;
        this.prefix = prefix;
        this.ports = ports;
    }

    /** One TLS server block per upstream port, each on its own free port, in that order. */
    static NginxFront start(Path prefix, int maxFileSizeMb, TestCertificate certificate, int... upstreams)
            throws IOException, InterruptedException {
        Path nginx = ExternalTools.require("nginx");
        Files.setPosixFilePermissions(prefix, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<Integer> ports = new ArrayList<>();
        StringBuilder servers = new StringBuilder();
        for (int upstream : upstreams) {
            int port = freePort();
            ports.add(port);
            servers.append(serverBlock(port, upstream, maxFileSizeMb, certificate));
        }
        Path config = prefix.resolve("nginx.conf");
        Files.writeString(config, mainConfig(prefix, servers.toString()));
        Process process = new ProcessBuilder(nginx.toString(), "-p", prefix.toString(), "-c", config.toString(),
                "-e", prefix.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("nginx.out").toFile()).start();
        NginxFront front = new NginxFront(process, prefix, ports);
        front.awaitListening(Duration.ofSeconds(15));
        return front;
    }

    /** The port of the server block for the i-th upstream. */
    int port(int index) {
        return ports.get(index);
    }

    String errorLog() throws IOException {
        Path log = prefix.resolve("error.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static String mainConfig(Path prefix, String servers) {
        return """
                daemon off;
                master_process on;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                %2$s}
                """.formatted(prefix, servers);
    }

    /** The site block of docs/tls-and-reverse-proxy.md, on a test port. */
    private static String serverBlock(int port, int upstream, int maxFileSizeMb, TestCertificate certificate) {
        return """
                    server {
                        listen 127.0.0.1:%1$d ssl http2;
                        server_name localhost;
                        ssl_certificate     %3$s;
                        ssl_certificate_key %4$s;
                        ssl_protocols TLSv1.2 TLSv1.3;
                        client_max_body_size %5$dM;
                        location / {
                            proxy_pass http://127.0.0.1:%2$d;
                            proxy_http_version 1.1;
                            proxy_set_header Host $http_host;
                            proxy_set_header X-Real-IP $remote_addr;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            proxy_set_header X-Forwarded-Host $http_host;
                            proxy_request_buffering off;
                        }
                    }
                """.formatted(port, upstream, certificate.chain(), certificate.key(), maxFileSizeMb + 10);
    }

    private void awaitListening(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int port : ports) {
            while (!accepts(port)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    close();
                    throw new AssertionError("nginx did not start: " + Files.readString(prefix.resolve("nginx.out"))
                            + errorLog());
                }
                Thread.sleep(20);
            }
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SIGTERM to the master (a fast shutdown), then SIGKILL if it lingers. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
