package org.chatalot.bench.web;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.chatalot.bench.core.Launch;
import org.chatalot.bench.core.LoopbackGuard;

/**
 * nginx on 127.0.0.1 with TLS and HTTP/2 in front of the server, as the installer sets it up (the page and
 * the API at {@code /}, the WebSocket at {@code /ws}), with a throwaway CA whose root the benchmark's
 * browser profile trusts (so the browser verifies the chain, as it would in production).
 */
final class WebFront implements AutoCloseable {
    static final String NGINX = "/usr/sbin/nginx";
    static final String OPENSSL = "/usr/bin/openssl";
    static final String CERTUTIL = "/usr/bin/certutil";

    private final Process process;
    private final int port;
    private final Path browserHome;

    private WebFront(Process process, int port, Path browserHome) {
        this.process = process;
        this.port = port;
        this.browserHome = browserHome;
    }

    static boolean isInstalled() {
        return List.of(NGINX, OPENSSL, CERTUTIL).stream().allMatch(tool -> Files.isExecutable(Path.of(tool)));
    }

    static WebFront start(Path workDir, URI upstream) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(workDir, "web-front-");
        Files.createDirectories(dir.resolve("logs"));
        Path ca = dir.resolve("ca.pem");
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        run(List.of(OPENSSL, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-days", "2", "-subj", "/CN=Chatalot bench CA", "-addext", "basicConstraints=critical,CA:TRUE,pathlen:0",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign", "-keyout", dir.resolve("ca.key").toString(),
                "-out", ca.toString()), dir);
        run(List.of(OPENSSL, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj",
                "/CN=localhost", "-keyout", key.toString(), "-out", dir.resolve("cert.csr").toString()), dir);
        Files.writeString(dir.resolve("leaf.ext"), "basicConstraints=critical,CA:FALSE\n"
                + "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n"
                + "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        run(List.of(OPENSSL, "x509", "-req", "-in", dir.resolve("cert.csr").toString(), "-CA", ca.toString(),
                "-CAkey", dir.resolve("ca.key").toString(), "-CAcreateserial", "-days", "2", "-extfile",
                dir.resolve("leaf.ext").toString(), "-out", cert.toString()), dir);
        Path home = dir.resolve("browser-home");
        Path nssdb = home.resolve(".pki/nssdb");
        Files.createDirectories(nssdb);
        run(List.of(CERTUTIL, "-N", "--empty-password", "-d", "sql:" + nssdb), dir);
        run(List.of(CERTUTIL, "-A", "-n", "chatalot-bench-ca", "-t", "C,,", "-i", ca.toString(), "-d",
                "sql:" + nssdb), dir);
        int port = Launch.freePort();
        Files.writeString(dir.resolve("nginx.conf"), config(dir, port, cert, key, upstream));
        Process process = new ProcessBuilder(NGINX, "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("logs/stdout.log").toFile()).start();
        try {
            Launch.awaitPort(process, port, Duration.ofSeconds(20), dir.resolve("logs/error.log"));
            LoopbackGuard.requireLoopbackOnly(process.toHandle(), "nginx");
            return new WebFront(process, port, home);
        } catch (IOException | RuntimeException e) {
            Launch.stop(process, Duration.ofSeconds(5));
            throw e;
        }
    }

    URI base() {
        return URI.create("https://localhost:" + port);
    }

    /** A HOME whose NSS database trusts the front's CA (Chromium on Linux reads ~/.pki/nssdb). */
    Path browserHome() {
        return browserHome;
    }

    static String config(Path dir, int port, Path cert, Path key, URI upstream) {
        String proxied = String.join("\n",
                "            proxy_http_version 1.1;",
                "            proxy_set_header Host $http_host;",
                "            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
                "            proxy_set_header X-Forwarded-Proto $scheme;");
        return String.join("\n",
                "# written by the Chatalot benchmark (W8, web client)",
                "daemon off;",
                "worker_processes 1;",
                "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("logs/error.log") + " warn;",
                "events { worker_connections 256; }",
                "http {",
                "    access_log off;",
                "    client_body_temp_path " + dir.resolve("body") + ";",
                "    proxy_temp_path " + dir.resolve("proxy") + ";",
                "    fastcgi_temp_path " + dir.resolve("fastcgi") + ";",
                "    uwsgi_temp_path " + dir.resolve("uwsgi") + ";",
                "    scgi_temp_path " + dir.resolve("scgi") + ";",
                "    server {",
                "        listen 127.0.0.1:" + port + " ssl http2;",
                "        ssl_certificate " + cert + ";",
                "        ssl_certificate_key " + key + ";",
                "        ssl_protocols TLSv1.2 TLSv1.3;",
                "        location /ws {",
                "            proxy_pass " + upstream + "/ws;",
                proxied,
                "            proxy_set_header Upgrade $http_upgrade;",
                "            proxy_set_header Connection \"upgrade\";",
                "            proxy_read_timeout 1h;",
                "        }",
                "        location / {",
                "            proxy_pass " + upstream + ";",
                proxied,
                // As the installer's site: uploads up to the server's limit, streamed rather than spooled.
                "            client_max_body_size 110m;",
                "            proxy_request_buffering off;",
                "        }",
                "    }",
                "}",
                "");
    }

    @Override
    public void close() {
        Launch.stop(process, Duration.ofSeconds(10));
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("logs/tools.log").toFile())).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + Launch.tail(dir.resolve("logs/tools.log")));
        }
    }
}
