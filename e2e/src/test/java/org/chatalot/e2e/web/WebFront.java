package org.chatalot.e2e.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.chatalot.e2e.doctor.FrontFixture;
import org.chatalot.testing.ExternalTools;
import org.chatalot.testing.FreePorts;
import org.chatalot.testing.Nginx;
import org.chatalot.testing.TempDirs;
import org.chatalot.testing.ToolResult;

/**
 * The public face of a test deployment: the installer's nginx site (TLS with a test CA's chain, HTTP/2,
 * HSTS, the /ws block) in front of the server, at {@code https://chat.test:<port>}, and a browser profile
 * home whose NSS database trusts that CA, so Chromium verifies the chain and the host name as it would in
 * production. Nothing turns certificate checks off.
 */
final class WebFront implements AutoCloseable {
    final FrontFixture fixture = new FrontFixture();
    /** The server's own port, fixed so a restarted server is found by the same nginx upstream. */
    final int serverPort = FreePorts.next();
    private final Path browserHome = TempDirs.create("chatalot-browser-home-");
    private Nginx nginx;

    /** Ports and certificates only: nothing runs until {@link #start} (the class may be loaded just to be skipped). */
    WebFront() {
    }

    String publicUrl() {
        return fixture.publicUrl();
    }

    String url(String path) {
        return publicUrl() + path;
    }

    /** The server's LISTEN_ADDR: loopback on the port nginx forwards to. */
    String listenAddress() {
        return "127.0.0.1:" + serverPort;
    }

    Path browserHome() {
        return browserHome;
    }

    void start() {
        trustTestRoot();
        nginx = Nginx.withSite(fixture.healthySite(serverPort)).start(fixture.httpsPort);
    }

    /** {@code nginx -s reload}, as an admin (or certbot's deploy hook) would: open connections are drained. */
    void reload() {
        nginx.reload(fixture.healthySite(serverPort));
    }

    private void trustTestRoot() {
        Path certutil = ExternalTools.require("certutil");
        Path db = browserHome.resolve(".pki/nssdb");
        try {
            Files.createDirectories(db);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(List.of(certutil.toString(), "-N", "--empty-password", "-d", "sql:" + db));
        run(List.of(certutil.toString(), "-A", "-n", "chatalot-test-root", "-t", "C,,", "-i",
                fixture.rootCertificate().toString(), "-d", "sql:" + db));
    }

    private static void run(List<String> command) {
        ToolResult result = ToolResult.run(command, Duration.ofSeconds(30));
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + result.output());
        }
    }

    @Override
    public void close() {
        if (nginx != null) {
            nginx.close();
        }
        fixture.close();
        TempDirs.deleteRecursively(browserHome);
    }
}
