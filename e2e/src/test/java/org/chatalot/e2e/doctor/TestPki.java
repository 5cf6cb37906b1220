package org.chatalot.e2e.doctor;

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

/**
 * A real three-level PKI in a folder, made with the installer's own issuer: a root CA (what clients are
 * told to trust), an intermediate, and server certificates for the good and the broken fronts.
 */
final class TestPki {
    private final Path dir;
    private final Issued root;
    private final Issued intermediate;

    TestPki(Path dir) {
        this.dir = dir;
        Instant now = Instant.now();
        // Path length 1: the intermediate below it is allowed (browsers enforce the root's limit).
        root = CertificateIssuer.selfSigned(CertificateSpec.authority("Chatalot Test Root",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)), 1), CertificateIssuer.ecKeyPair());
        intermediate = CertificateIssuer.issue(CertificateSpec.authority("Chatalot Test Intermediate",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1825))), CertificateIssuer.ecKeyPair(), root);
        write("root.pem", Pem.certificate(root.certificate()));
    }

    Path rootCertificate() {
        return dir.resolve("root.pem");
    }

    /** Leaf + intermediate, as acme.sh's --fullchain-file writes it. */
    ServerFiles server(String name, List<String> dnsNames, Instant notBefore, Instant notAfter) {
        Issued leaf = CertificateIssuer.issue(CertificateSpec.server(dnsNames, List.of(), notBefore, notAfter),
                CertificateIssuer.ecKeyPair(), intermediate);
        Path key = write(name + ".key", Pem.privateKey(leaf.privateKey()));
        Path fullChain = write(name + "-fullchain.pem",
                Pem.chain(List.of(leaf.certificate(), intermediate.certificate())));
        Path leafOnly = write(name + "-cert.pem", Pem.certificate(leaf.certificate()));
        return new ServerFiles(fullChain, leafOnly, key);
    }

    ServerFiles validFor(String... dnsNames) {
        Instant now = Instant.now();
        return server(String.join("_", dnsNames), List.of(dnsNames), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(90)));
    }

    record ServerFiles(Path fullChain, Path leafOnly, Path key) {
    }

    private Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
