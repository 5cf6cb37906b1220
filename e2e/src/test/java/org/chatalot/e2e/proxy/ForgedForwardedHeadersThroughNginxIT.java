package org.chatalot.e2e.proxy;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.e2e.doctor.FrontFixture;
import org.chatalot.server.testing.TestServer;
import org.chatalot.testing.Nginx;

/** The contract through real nginx running the site {@code chatalot-install nginx} writes, with TLS. */
class ForgedForwardedHeadersThroughNginxIT extends ForgedForwardedHeadersContract {
    @RegisterExtension
    static TestServer server = server();
    private static FrontFixture front;
    private static Nginx nginx;

    @BeforeAll
    static void startNginx() {
        front = new FrontFixture();
        nginx = Nginx.withSite(front.healthySite(server.server().port())).start(front.httpsPort);
    }

    @AfterAll
    static void stopNginx() {
        if (nginx != null) {
            nginx.close();
        }
        if (front != null) {
            front.close();
        }
    }

    @Override
    TestServer testServer() {
        return server;
    }

    @Override
    URI front() {
        return URI.create(front.publicUrl());
    }

    @Override
    Path trustedRoot() {
        return front.rootCertificate();
    }
}
