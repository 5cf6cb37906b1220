package org.chatalot.installer.cert;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.chatalot.installer.exec.Shell;
import org.chatalot.installer.plan.FileMode;
import org.chatalot.installer.tls.CertificateFacts;

/**
 * A private CA in {@code dir} (created once, reused on every later run so devices keep trusting it) and a
 * server certificate it signs. The server certificate is reissued only when missing, when its names
 * changed, or when under a third of its lifetime is left, so re-running changes nothing.
 */
public final class LocalCa {
    static final Duration CA_LIFETIME = Duration.ofDays(3650);
    /** Browsers refuse server certificates valid for longer than 398 days. */
    static final Duration SERVER_LIFETIME = Duration.ofDays(397);
    private final Shell shell;
    private final Clock clock;

    public LocalCa(Shell shell, Clock clock) {
        this.shell = shell;
        this.clock = clock;
    }

    /**
     * @param files          where everything is
     * @param isCaCreated    the CA is new (devices must be told to trust it)
     * @param isServerIssued the server certificate is new
     * @param caFingerprint  the CA certificate's SHA-256 fingerprint
     */
    public record Result(CertificateFiles files, boolean isCaCreated, boolean isServerIssued, String caFingerprint) {
    }

    public Result ensure(Path dir, List<String> dnsNames, List<String> ipNames) {
        CertificateFiles files = CertificateFiles.in(dir);
        Optional<Issued> existingCa = readIssued(files.caCertificate(), files.caKey());
        Issued ca = existingCa.orElseGet(this::newAuthority);
        if (existingCa.isEmpty()) {
            shell.write(files.caKey(), Pem.privateKey(ca.privateKey()), FileMode.SECRET);
            shell.write(files.caCertificate(), Pem.certificate(ca.certificate()), FileMode.PUBLIC);
        }
        boolean issue = existingCa.isEmpty() || !isCurrent(files.certificate(), dnsNames, ipNames);
        if (issue) {
            Instant now = clock.instant();
            KeyPair keys = CertificateIssuer.ecKeyPair();
            Issued server = CertificateIssuer.issue(CertificateSpec.server(dnsNames, ipNames,
                    now.minus(Duration.ofMinutes(5)), now.plus(SERVER_LIFETIME)), keys, ca);
            shell.write(files.privateKey(), Pem.privateKey(server.privateKey()), FileMode.SECRET);
            shell.write(files.certificate(), Pem.certificate(server.certificate()), FileMode.PUBLIC);
            shell.write(files.fullChain(), Pem.chain(List.of(server.certificate(), ca.certificate())),
                    FileMode.PUBLIC);
        }
        return new Result(files, existingCa.isEmpty(), issue, CertificateFacts.fingerprint(ca.certificate()));
    }

    private Issued newAuthority() {
        Instant now = clock.instant();
        return CertificateIssuer.selfSigned(CertificateSpec.authority("Chatalot private CA " + now.getEpochSecond(),
                now.minus(Duration.ofMinutes(5)), now.plus(CA_LIFETIME)), CertificateIssuer.ecKeyPair());
    }

    private boolean isCurrent(Path certificatePath, List<String> dnsNames, List<String> ipNames) {
        return shell.read(certificatePath).map(Pem::readCertificates).filter(chain -> !chain.isEmpty())
                .map(chain -> CertificateFacts.of(chain.get(0), clock.instant()))
                .filter(facts -> facts.subjectAlternativeNames().equals(sans(dnsNames, ipNames)))
                .filter(facts -> facts.remainingFraction() > 1.0 / 3)
                .isPresent();
    }

    private static List<String> sans(List<String> dnsNames, List<String> ipNames) {
        List<String> all = new ArrayList<>();
        dnsNames.forEach(name -> all.add("DNS:" + name));
        ipNames.forEach(ip -> all.add("IP:" + ip));
        return all;
    }

    private Optional<Issued> readIssued(Path certificate, Path key) {
        Optional<String> certPem = shell.read(certificate);
        Optional<String> keyPem = shell.read(key);
        if (certPem.isEmpty() || keyPem.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Issued(Pem.readCertificates(certPem.get()).get(0), readKey(keyPem.get())));
    }

    static PrivateKey readKey(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        for (String algorithm : List.of("EC", "RSA", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException wrongAlgorithm) {
                continue;
            }
        }
        throw new IllegalArgumentException("not a PKCS#8 EC, RSA or Ed25519 private key");
    }

    /** What to tell the admin about trusting the CA on their devices. */
    public static String trustInstructions(CertificateFiles files, Optional<String> sha256) {
        return TrustInstructions.forCa(files.caCertificate(), sha256, Optional.of(files.caKey()));
    }
}
