package org.chatalot.e2e.doctor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.chatalot.installer.doctor.Doctor;
import org.chatalot.installer.doctor.DoctorReport;
import org.chatalot.installer.doctor.DoctorRequest;
import org.chatalot.installer.doctor.ProgressListener;
import org.chatalot.installer.tls.TrustMode;
import org.chatalot.testing.Caddy;
import org.chatalot.testing.FreePorts;
import org.chatalot.testing.Nginx;
import org.chatalot.testing.TempDirs;

/**
 * Ports, PKI and the doctor call shared by the end-to-end doctor tests. The public part is what the admin app's
 * screenshots need: a healthy front for a real server, its URL and the CA to trust.
 */
public final class FrontFixture implements AutoCloseable {
    public final int httpsPort = FreePorts.next();
    public final int httpPort = FreePorts.next();
    final Path dir = TempDirs.create("chatalot-front-");
    final TestPki pki;
    final TestPki.ServerFiles goodCertificate;

    public FrontFixture() {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pki = new TestPki(dir);
        goodCertificate = pki.validFor("chat.test");
    }

    public String publicUrl() {
        return "https://chat.test:" + httpsPort;
    }

    /** The installer's nginx site for a server on {@code serverPort}, with a good certificate chain. */
    public String healthySite(int serverPort) {
        return site(serverPort, goodCertificate).text();
    }

    /** The root of the test PKI, for a CA-file trust. */
    public Path rootCertificate() {
        return pki.rootCertificate();
    }

    FrontSite site(int serverPort, TestPki.ServerFiles tls) {
        return FrontSite.rendered(httpsPort, httpPort, serverPort, tls, dir.resolve("acme"));
    }

    /** A doctor run as the server's owner (a real access token: the WebSocket checks sign in with it). */
    DoctorRequest request(Duration idle, String accessToken) {
        return DoctorRequest.defaults(URI.create(publicUrl())).withTrust(TrustMode.caFile(pki.rootCertificate()))
                .withHttpPort(httpPort).withAccessToken(accessToken).withIdle(idle)
                .withTimeout(Duration.ofSeconds(15));
    }

    /** Starts nginx with {@code site}, runs the doctor, stops nginx. */
    DoctorReport check(FrontSite site, DoctorRequest request) {
        try (Nginx nginx = Nginx.withSite(site.text()).start(httpsPort)) {
            return Doctor.run(request, ProgressListener.NONE);
        }
    }

    /** Caddy with its internal CA in front of the server on {@code serverPort}. */
    FrontSite caddySite(int serverPort) {
        return FrontSite.caddy(httpsPort, httpPort, serverPort);
    }

    /**
     * Starts Caddy with {@code caddyfile}, runs the doctor trusting Caddy's internal CA (made at its start) as well
     * as the test PKI, stops Caddy.
     */
    DoctorReport checkCaddy(FrontSite caddyfile, DoctorRequest request) {
        try (Caddy caddy = Caddy.withCaddyfile(caddyfile.text()).start(httpsPort)) {
            if (caddyfile.text().contains("tls internal")) {
                caddy.awaitCertificate("chat.test", httpsPort);
            }
            Path both = dir.resolve("caddy-and-test-roots.pem");
            try {
                Files.writeString(both, Files.readString(pki.rootCertificate()) + Files.readString(
                        caddy.rootCertificate()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Doctor.run(request.withTrust(TrustMode.caFile(both)), ProgressListener.NONE);
        }
    }

    @Override
    public void close() {
        TempDirs.deleteRecursively(dir);
    }
}
