package org.chatalot.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.WebSocketHandshakeException;
import java.util.Map;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.ws.ClientMessage;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.WsClient;

/**
 * Browsers send Origin with every upgrade; the server must accept its own origin however it is reached
 * (directly, via PUBLIC_URL, via a trusted proxy's forwarded headers) and refuse everything else.
 */
class OriginIT {

    @Nested
    class Direct {
        @RegisterExtension
        static TestServer server = TestServer.create().with("PUBLIC_URL", "https://chat.example.com:8443");

        @Test
        void sameOriginAsTheHostIsAccepted() {
            String self = "http://127.0.0.1:" + server.server().port();
            try (WsClient socket = WsClient.connect(server, Map.of("Origin", self))) {
                assertThat(works(socket)).isTrue();
            }
        }

        @Test
        void thePublicUrlIsAcceptedWhateverTheHostHeaderSays() {
            try (WsClient socket = WsClient.connect(server, Map.of("Origin", "https://Chat.Example.com:8443"))) {
                assertThat(works(socket)).isTrue();
            }
        }

        @Test
        void aForeignOriginIsRefusedWith403() {
            assertRefused(server, Map.of("Origin", "https://evil.example"));
            assertRefused(server, Map.of("Origin", "https://chat.example.com"));
            assertRefused(server, Map.of("Origin", "null"));
        }

        @Test
        void clientsWithoutAnOriginAreLeftToTheTokenCheck() {
            try (WsClient socket = WsClient.connect(server)) {
                assertThat(works(socket)).isTrue();
            }
        }
    }

    @Nested
    class BehindATrustedProxy {
        @RegisterExtension
        static TestServer server = TestServer.create();

        @Test
        void theOriginTheProxyReportsIsAccepted() {
            // nginx with "Host $host" on port 8443 forwards a Host without the port; the forwarded headers
            // still say what the browser used.
            Map<String, String> headers = Map.of("Origin", "https://chat.test:8443",
                    "X-Forwarded-Proto", "https", "X-Forwarded-Host", "chat.test:8443");
            try (WsClient socket = WsClient.connect(server, headers)) {
                assertThat(works(socket)).isTrue();
            }
        }
    }

    @Nested
    class FromAnUntrustedPeer {
        @RegisterExtension
        static TestServer server = TestServer.create().with("TRUSTED_PROXIES", "192.0.2.1/32");

        @Test
        void forwardedHeadersCannotTalkItIntoAForeignOrigin() {
            assertRefused(server, Map.of("Origin", "https://chat.test:8443",
                    "X-Forwarded-Proto", "https", "X-Forwarded-Host", "chat.test:8443"));
        }
    }

    private static boolean works(WsClient socket) {
        socket.send(new ClientMessage.Ping("origin"));
        return socket.await("error").get("code").asText().equals("not_authenticated");
    }

    private static void assertRefused(TestServer server, Map<String, String> headers) {
        assertThatThrownBy(() -> WsClient.connect(server, headers))
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(403));
    }
}
