package org.chatalot.bench.nginx;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class NginxConfigTest {

    @Test
    void frontListensOnLoopbackWithTlsAndStreamsUploadsToBothUpstreams() {
        Path dir = Path.of("/tmp/front");
        String config = NginxConfig.render(dir, 8443, dir.resolve("cert.pem"), dir.resolve("key.pem"),
                URI.create("http://127.0.0.1:8080"), URI.create("http://127.0.0.1:9000"));

        assertThat(config).contains("listen 127.0.0.1:8443 ssl;", "daemon off;", "client_max_body_size 200M;",
                "location /api/ {", "proxy_pass http://127.0.0.1:8080;", "location = /sink {",
                "proxy_pass http://127.0.0.1:9000/sink;", "proxy_request_buffering off;",
                "pid /tmp/front/nginx.pid;");
        assertThat(config).doesNotContain("listen 443", "listen 80", "0.0.0.0");
    }
}
