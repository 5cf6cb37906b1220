package org.chatalot.e2e.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.installer.plan.DeploySettings;
import org.chatalot.installer.proxy.CaddySite;
import org.chatalot.server.testing.TestServer;
import org.chatalot.testing.Caddy;
import org.chatalot.testing.FreePorts;
import org.chatalot.testing.Poll;

/** The contract through real Caddy running the Caddyfile {@code chatalot-install caddy --internal-tls} writes. */
class ForgedForwardedHeadersThroughCaddyIT extends ForgedForwardedHeadersContract {
    private static final int HTTPS_PORT = FreePorts.next();
    @RegisterExtension
    static TestServer server = server();
    private static Caddy caddy;

    @BeforeAll
    static void startCaddy() {
        DeploySettings settings = DeploySettings.builder("chat.test").httpsPort(HTTPS_PORT)
                .upstream("127.0.0.1:" + server.server().port()).build();
        caddy = Caddy.withSite(CaddySite.render(settings, true), FreePorts.next()).start(HTTPS_PORT);
        // The local CA exists as soon as Caddy listens, but the site certificate may follow a moment later.
        FrontClient probe = new FrontClient(HONEST, URI.create("https://chat.test:" + HTTPS_PORT),
                caddy.rootCertificate());
        boolean serving = Poll.until(() -> {
            try {
                return probe.get("/api/health/live", null, Map.of()).statusCode() == 200;
            } catch (RuntimeException handshakeNotYet) {
                return false;
            }
        }, Duration.ofSeconds(30));
        assertThat(serving).as("Caddy serves the site over TLS:\n%s", caddy.log()).isTrue();
    }

    @AfterAll
    static void stopCaddy() {
        if (caddy != null) {
            caddy.close();
        }
    }

    @Override
    TestServer testServer() {
        return server;
    }

    @Override
    URI front() {
        return URI.create("https://chat.test:" + HTTPS_PORT);
    }

    @Override
    Path trustedRoot() {
        return caddy.rootCertificate();
    }
}
