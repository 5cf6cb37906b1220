package org.chatalot.installer.doctor;

import java.io.IOException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.chatalot.installer.tls.CertificateFacts;
import org.chatalot.installer.tls.HostnameMatcher;
import org.chatalot.installer.tls.TrustManagers;

/** Verdicts on the TLS front: handshake, protocol versions, chain, names, validity, key and ALPN. */
final class TlsChecks {
    private static final String EXPIRY_FIX = "Renew the certificate (acme.sh --renew -d HOST --force, certbot renew, "
            + "or chatalot-install cert local-ca) and reload the proxy; check that the renewal job runs.";

    private TlsChecks() {
    }

    static Finding handshake(TlsProbe probe) {
        String title = "TLS handshake";
        if (probe.isTrusted()) {
            return Finding.pass("tls.handshake", title, "completed with " + probe.protocol().orElse("?"));
        }
        if (probe.reachedCertificate()) {
            return Finding.pass("tls.handshake", title, "the server negotiated TLS and presented "
                    + probe.chain().size() + " certificate(s); verification is judged by the certificate checks");
        }
        return Finding.fail("tls.handshake", title, "no TLS session: " + describe(probe.failure().orElse(null)),
                "Make sure the proxy listens with TLS on this port (nginx: listen 443 ssl http2;) and that "
                        + "ssl_certificate / ssl_certificate_key point at readable files.");
    }

    static Finding protocols(DoctorRequest request) {
        String title = "TLS versions (1.2/1.3 offered, 1.0/1.1 refused)";
        List<String> offered = new ArrayList<>();
        int timeout = (int) request.timeout().toMillis();
        try {
            for (int version : new int[] {ProtocolProbe.TLS10, ProtocolProbe.TLS11, ProtocolProbe.TLS12,
                ProtocolProbe.TLS13}) {
                if (ProtocolProbe.accepts(request.host(), request.httpsPort(), version, timeout)) {
                    offered.add(ProtocolProbe.name(version));
                }
            }
        } catch (IOException e) {
            return Finding.fail("tls.protocols", title, "probe failed: " + describe(e), Fixes.PROTOCOLS);
        }
        String evidence = "server accepts: " + (offered.isEmpty() ? "none" : String.join(", ", offered));
        if (offered.contains("TLS 1.0") || offered.contains("TLS 1.1")) {
            return Finding.fail("tls.protocols", title, evidence, Fixes.PROTOCOLS);
        }
        if (!offered.contains("TLS 1.2")) {
            return Finding.warn("tls.protocols", title, evidence + " (older clients need TLS 1.2)", Fixes.PROTOCOLS);
        }
        if (!offered.contains("TLS 1.3")) {
            return Finding.warn("tls.protocols", title, evidence + " (TLS 1.3 is faster and safer)", Fixes.PROTOCOLS);
        }
        return Finding.pass("tls.protocols", title, evidence);
    }

    static Finding chain(TlsProbe probe, DoctorRequest request) {
        String title = "Certificate chain complete and trusted (" + request.trust().describe() + ")";
        if (!probe.reachedCertificate()) {
            return Finding.skip("tls.chain", title, "no certificate was presented");
        }
        X509Certificate[] chain = probe.chain().toArray(X509Certificate[]::new);
        try {
            TrustManagers.forMode(request.trust()).checkServerTrusted(chain, probe.authType());
            return Finding.pass("tls.chain", title, chainSummary(probe.chain()));
        } catch (CertificateException e) {
            if (isValidityOnly(e)) {
                return Finding.pass("tls.chain", title, chainSummary(probe.chain())
                        + "; complete and anchored, its validity dates are judged by tls.expiry");
            }
            String fix = chain.length == 1 && !isSelfIssued(chain[0]) ? Fixes.FULLCHAIN
                    : "Use a certificate from a CA the clients trust, or give the doctor and the admin app the "
                    + "private CA with --ca-file (or pin the certificate with --pin SHA256).\n" + Fixes.FULLCHAIN;
            return Finding.fail("tls.chain", title, chainSummary(probe.chain()) + "; rejected: " + describe(e), fix);
        }
    }

    static Finding hostname(TlsProbe probe, DoctorRequest request) {
        String title = "Certificate names " + request.host();
        if (!probe.reachedCertificate()) {
            return Finding.skip("tls.hostname", title, "no certificate was presented");
        }
        List<String> names = CertificateFacts.of(probe.chain().get(0), Instant.now()).subjectAlternativeNames();
        if (HostnameMatcher.matches(request.host(), names)) {
            return Finding.pass("tls.hostname", title, "subject alternative names: " + names);
        }
        return Finding.fail("tls.hostname", title, request.host() + " is not among " + names,
                "Issue the certificate for " + request.host() + " (acme.sh/certbot -d " + request.host()
                        + ", or chatalot-install cert local-ca --domain " + request.host() + ") and point "
                        + "ssl_certificate at it; the server_name block must serve that certificate.");
    }

    static Finding expiry(List<X509Certificate> chain, Instant now) {
        String title = "Certificate validity left";
        if (chain.isEmpty()) {
            return Finding.skip("tls.expiry", title, "no certificate was presented");
        }
        CertificateFacts leaf = CertificateFacts.of(chain.get(0), now);
        long lifetimeDays = Duration.between(leaf.notBefore(), leaf.notAfter()).toDays();
        String evidence = "valid " + leaf.notBefore() + " to " + leaf.notAfter() + " (" + lifetimeDays
                + " days); " + leaf.daysLeft() + " days left (" + Math.round(leaf.remainingFraction() * 100) + "%)";
        if (now.isBefore(leaf.notBefore())) {
            return Finding.fail("tls.expiry", title, "not valid yet: " + evidence, "Check the server's clock.");
        }
        Duration left = Duration.between(now, leaf.notAfter());
        if (left.isNegative() || left.compareTo(Duration.ofDays(3)) < 0 || leaf.remainingFraction() < 0.1) {
            return Finding.fail("tls.expiry", title, (left.isNegative() ? "EXPIRED: " : "") + evidence, EXPIRY_FIX);
        }
        if (leaf.remainingFraction() < 1.0 / 3) {
            return Finding.warn("tls.expiry", title, evidence + "; renewal is due", EXPIRY_FIX);
        }
        return Finding.pass("tls.expiry", title, evidence);
    }

    static Finding key(List<X509Certificate> chain) {
        String title = "Certificate key type and size";
        if (chain.isEmpty()) {
            return Finding.skip("tls.key", title, "no certificate was presented");
        }
        CertificateFacts leaf = CertificateFacts.of(chain.get(0), Instant.now());
        String evidence = leaf.keyAlgorithm() + (leaf.keyBits() > 0 ? " " + leaf.keyBits() + " bits" : "");
        boolean weak = switch (leaf.keyAlgorithm()) {
            case "RSA" -> leaf.keyBits() < 2048;
            case "EC" -> leaf.keyBits() < 256;
            case "Ed25519", "Ed448", "EdDSA" -> false;
            default -> true;
        };
        return weak ? Finding.fail("tls.key", title, evidence + " is too weak",
                "Reissue with an EC P-256 key (acme.sh --keylength ec-256) or RSA of at least 2048 bits.")
                : Finding.pass("tls.key", title, evidence);
    }

    static Finding http2(TlsProbe probe) {
        String title = "HTTP/2 via ALPN";
        if (!probe.isTrusted()) {
            return Finding.skip("http.h2", title, "needs a verified TLS connection");
        }
        String alpn = probe.alpn().orElse("none");
        return alpn.equals("h2") ? Finding.pass("http.h2", title, "server selected h2")
                : Finding.warn("http.h2", title, "server selected " + alpn + " when offered h2", Fixes.HTTP2);
    }

    private static String chainSummary(List<X509Certificate> chain) {
        List<String> subjects = chain.stream().map(c -> c.getSubjectX500Principal().getName()).toList();
        return chain.size() + " certificate(s) sent: " + String.join(" <- ", subjects);
    }

    private static boolean isSelfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    static boolean isValidityOnly(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateExpiredException || cause instanceof CertificateNotYetValidException) {
                return true;
            }
            if (cause instanceof CertPathValidatorException path
                    && (path.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                    || path.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID)) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable e) {
        if (e == null) {
            return "unknown error";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : e.getClass().getSimpleName() + ": " + message;
    }
}
