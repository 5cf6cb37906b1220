package org.chatalot.installer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.chatalot.installer.cert.CertificateIssuer;
import org.chatalot.installer.cert.CertificateSpec;
import org.chatalot.installer.cert.Issued;
import org.chatalot.installer.cert.Pem;

/** Certificate files for tests that only need nginx or Caddy to load something real. */
public final class TestCertificates {

    private TestCertificates() {
    }

    public record TlsFiles(Path certificate, Path key, Issued issued) {
    }

    public static TlsFiles selfSigned(Path dir, String name) {
        Instant now = Instant.now();
        Issued issued = CertificateIssuer.selfSigned(CertificateSpec.server(List.of(name), List.of(),
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30))), CertificateIssuer.ecKeyPair());
        try {
            Path cert = Files.writeString(dir.resolve(name + ".pem"), Pem.certificate(issued.certificate()));
            Path key = Files.writeString(dir.resolve(name + ".key"), Pem.privateKey(issued.privateKey()));
            return new TlsFiles(cert, key, issued);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
