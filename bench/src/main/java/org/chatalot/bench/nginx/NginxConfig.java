package org.chatalot.bench.nginx;

import java.net.URI;
import java.nio.file.Path;

/** The front's nginx.conf, as a pure function of its folder, port, certificate and upstreams. */
final class NginxConfig {
    private NginxConfig() {
    }

    static String render(Path dir, int port, Path cert, Path key, URI api, URI sink) {
        return String.join("\n",
                "# written by the Chatalot benchmark",
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
                "        listen 127.0.0.1:" + port + " ssl;",
                "        ssl_certificate " + cert + ";",
                "        ssl_certificate_key " + key + ";",
                "        ssl_protocols TLSv1.2 TLSv1.3;",
                "        client_max_body_size 200M;",
                location("/api/", api),
                location("= /sink", sink.resolve("/sink")),
                "    }",
                "}",
                "");
    }

    private static String location(String match, URI upstream) {
        return String.join("\n",
                "        location " + match + " {",
                "            proxy_pass " + upstream + ";",
                "            proxy_http_version 1.1;",
                "            proxy_set_header Host $http_host;",
                "            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
                "            proxy_set_header X-Forwarded-Proto $scheme;",
                "            proxy_request_buffering off;",
                "        }");
    }
}
