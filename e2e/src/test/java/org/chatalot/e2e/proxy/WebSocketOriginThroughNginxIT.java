package org.chatalot.e2e.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.server.testing.RawWebSocket;
import org.chatalot.server.testing.TestServer;
import org.chatalot.testing.FreePorts;
import org.chatalot.testing.Nginx;

/**
 * A browser's WebSocket upgrade, Origin and all, through real nginx listening on a non-default port. The
 * reference guide's {@code /ws} block forwards {@code Host $host}, which drops the port, and no
 * X-Forwarded-Proto: the server cannot see the origin the browser used, so it needs PUBLIC_URL. Forwarding
 * {@code $http_host} and X-Forwarded-* (as the installer's config does) works without it. A foreign origin
 * is refused either way.
 */
class WebSocketOriginThroughNginxIT {
    private static final int PROXY_PORT = FreePorts.next();
    private static final String BROWSER_ORIGIN = "http://chat.test:" + PROXY_PORT;

    /** The reference guide's WebSocket block, verbatim apart from the ports. */
    static String referenceSite(int serverPort) {
        return """
                server {
                    listen %1$d;
                    server_name chat.test;
                    location /ws {
                        proxy_pass http://127.0.0.1:%2$d/ws;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection "upgrade";
                        proxy_set_header Host $host;
                        proxy_set_header X-Real-IP $remote_addr;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_read_timeout 86400s;
                        proxy_send_timeout 86400s;
                    }
                }
                """.formatted(PROXY_PORT, serverPort);
    }

    /** What the installer renders for /ws (minus TLS): the port survives in Host, the scheme is told. */
    static String installerStyleSite(int serverPort) {
        return referenceSite(serverPort).replace("proxy_set_header Host $host;",
                "proxy_set_header Host $http_host;\n            proxy_set_header X-Forwarded-Proto $scheme;\n"
                        + "            proxy_set_header X-Forwarded-Host $http_host;");
    }

    static String upgrade(String origin) throws Exception {
        return RawWebSocket.handshake(PROXY_PORT, "chat.test:" + PROXY_PORT, Map.of("Origin", origin));
    }

    @Nested
    class ReferenceConfigWithPublicUrl {
        @RegisterExtension
        static TestServer server = TestServer.create().with("PUBLIC_URL", BROWSER_ORIGIN);

        @Test
        void theBrowsersOriginIsAcceptedAndAForeignOneRefused() throws Exception {
            try (Nginx nginx = Nginx.withSite(referenceSite(server.server().port())).start(PROXY_PORT)) {
                assertThat(upgrade(BROWSER_ORIGIN)).startsWith("HTTP/1.1 101");
                assertThat(upgrade("http://evil.test:" + PROXY_PORT)).startsWith("HTTP/1.1 403");
            }
        }
    }

    @Nested
    class ReferenceConfigWithoutPublicUrl {
        @RegisterExtension
        static TestServer server = TestServer.create();

        @Test
        void withoutPublicUrlTheServerCannotKnowThePortAndRefuses() throws Exception {
            try (Nginx nginx = Nginx.withSite(referenceSite(server.server().port())).start(PROXY_PORT)) {
                assertThat(upgrade(BROWSER_ORIGIN)).as("the trap docs/tls-and-reverse-proxy.md describes")
                        .startsWith("HTTP/1.1 403");
            }
        }
    }

    @Nested
    class InstallerStyleConfig {
        @RegisterExtension
        static TestServer server = TestServer.create();

        @Test
        void forwardedHostAndSchemeAreEnoughWithoutPublicUrl() throws Exception {
            try (Nginx nginx = Nginx.withSite(installerStyleSite(server.server().port())).start(PROXY_PORT)) {
                assertThat(upgrade(BROWSER_ORIGIN)).startsWith("HTTP/1.1 101");
                assertThat(upgrade("http://evil.test:" + PROXY_PORT)).startsWith("HTTP/1.1 403");
            }
        }
    }
}
