package org.chatalot.installer.doctor;

import java.io.IOException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.security.auth.x500.X500Principal;

import org.chatalot.installer.tls.CertificateFacts;
import org.chatalot.installer.tls.HostnameMatcher;
import org.chatalot.installer.tls.TrustManagers;
import org.chatalot.installer.tls.TrustMode;
import org.chatalot.model.health.CertificateWindow;

/** Verdicts on the TLS front: handshake, protocol versions, chain, names, validity, key and ALPN. */
final class TlsChecks {
    static final String NO_CERTIFICATE = "because no certificate was presented (see tls.handshake)";
    static final String NO_SESSION = "because no TLS session was established (see tls.handshake)";

    private TlsChecks() {
    }

    static Finding handshake(TlsProbe probe, Fixes fixes) {
        String title = "TLS handshake";
        if (probe.isTrusted()) {
            return Finding.pass("tls.handshake", title, "completed with " + probe.protocol().orElse("?"));
        }
        if (probe.reachedCertificate()) {
            return Finding.pass("tls.handshake", title, "the server negotiated TLS and presented "
                    + probe.chain().size() + " certificate(s); verification is judged by the certificate checks");
        }
        return Finding.fail("tls.handshake", title, "no TLS session: " + describe(probe.failure().orElse(null)),
                fixes.handshake());
    }

    /**
     * Which versions the front accepts. After a failed handshake ({@code handshakeFailed}) a front that accepts
     * no version at all is that same failure seen again (Caddy still issuing its certificate, a port that is
     * not TLS), so it is skipped rather than a second finding; versions it does accept (TLS 1.0 alone, say)
     * may be why the handshake failed, and are reported.
     */
    static Finding protocols(DoctorRequest request, Fixes fixes, boolean handshakeFailed) {
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
            return handshakeFailed ? Finding.skip("tls.protocols", title, NO_SESSION)
                    : Finding.fail("tls.protocols", title, "probe failed: " + describe(e), fixes.protocols());
        }
        if (offered.isEmpty() && handshakeFailed) {
            return Finding.skip("tls.protocols", title, NO_SESSION);
        }
        String evidence = "server accepts: " + (offered.isEmpty() ? "none" : String.join(", ", offered));
        if (offered.contains("TLS 1.0") || offered.contains("TLS 1.1")) {
            return Finding.fail("tls.protocols", title, evidence, fixes.protocols());
        }
        if (!offered.contains("TLS 1.2")) {
            return Finding.warn("tls.protocols", title, evidence + " (older clients need TLS 1.2)", fixes.protocols());
        }
        if (!offered.contains("TLS 1.3")) {
            return Finding.warn("tls.protocols", title, evidence + " (TLS 1.3 is faster and safer)",
                    fixes.protocols());
        }
        return Finding.pass("tls.protocols", title, evidence);
    }

    /**
     * Whether the certificates sent lead to a trusted CA. Validity dates are left to {@link #expiry}, so an
     * expired certificate is reported as expired and never as untrusted; a leaf sent without its intermediate
     * is named as such, as testssl.sh does.
     */
    static Finding chain(TlsProbe probe, DoctorRequest request, Fixes fixes) {
        String title = "Certificate chain complete and trusted (" + request.trust().describe() + ")";
        if (!probe.reachedCertificate()) {
            return Finding.skip("tls.chain", title, NO_CERTIFICATE);
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
            return untrusted(title, chain, request.trust(), e, fixes);
        }
    }

    private static Finding untrusted(String title, X509Certificate[] chain, TrustMode trust, CertificateException e,
                                     Fixes fixes) {
        String summary = chainSummary(Arrays.asList(chain));
        if (trust instanceof TrustMode.PinnedFingerprint) {
            return Finding.fail("tls.chain", title, summary + "; " + describe(e), "If the certificate was renewed, "
                    + "check the new one and pin its fingerprint (--pin SHA256, shown in the certificate below).\n");
        }
        X509Certificate last = chain[chain.length - 1];
        boolean lastIssuerTrusted = isTrustedIssuer(last.getIssuerX500Principal(), trust);
        if (!isSelfIssued(last) && !lastIssuerTrusted && isPathNotFound(e)) {
            if (chain.length == 1) {
                return Finding.fail("tls.chain", title, "chain incomplete: intermediate missing. The server sends "
                        + "only " + name(last.getSubjectX500Principal()) + ", issued by "
                        + name(last.getIssuerX500Principal()) + ", and not that intermediate", fixes.fullChain());
            }
            return Finding.fail("tls.chain", title, summary + "; not anchored: " + name(last.getIssuerX500Principal())
                    + ", which issued the last certificate sent, is neither sent nor a trusted CA (an intermediate "
                    + "is missing, or it is a private CA)", fixes.fullChain() + fixes.untrusted());
        }
        if (isSelfIssued(last) && isPathNotFound(e)) {
            String what = chain.length == 1 ? "a self-signed certificate" : "a chain ending at the root "
                    + name(last.getSubjectX500Principal());
            return Finding.fail("tls.chain", title, summary + "; not signed by a trusted CA: the server sends "
                    + what + " that is not among the trusted CAs", fixes.untrusted());
        }
        return Finding.fail("tls.chain", title, summary + "; rejected: " + describe(e),
                fixes.untrusted() + fixes.fullChain());
    }

    static Finding hostname(TlsProbe probe, DoctorRequest request, Fixes fixes) {
        String title = "Certificate names " + request.host();
        if (!probe.reachedCertificate()) {
            return Finding.skip("tls.hostname", title, NO_CERTIFICATE);
        }
        List<String> names = CertificateFacts.of(probe.chain().get(0), Instant.now()).subjectAlternativeNames();
        if (HostnameMatcher.matches(request.host(), names)) {
            return Finding.pass("tls.hostname", title, "subject alternative names: " + names);
        }
        return Finding.fail("tls.hostname", title, request.host() + " is not among " + names, fixes.hostname());
    }

    /**
     * Validity left relative to the lifetime (warn under a third, fail under a tenth), so a 12-hour
     * certificate that is renewed on time passes; an intermediate sent with it must be valid too.
     */
    static Finding expiry(List<X509Certificate> chain, Instant now, Fixes fixes) {
        String title = "Certificate validity left (relative to its lifetime)";
        if (chain.isEmpty()) {
            return Finding.skip("tls.expiry", title, NO_CERTIFICATE);
        }
        CertificateWindow leaf = window(chain.get(0));
        String evidence = "valid " + leaf.notBefore() + " to " + leaf.notAfter() + " ("
                + CertificateWindow.describe(leaf.lifetime()) + "); " + remaining(leaf, now);
        CertificateWindow.Stage stage = leaf.stage(now);
        switch (stage) {
            case NOT_YET_VALID:
                return Finding.fail("tls.expiry", title, "NOT VALID YET: " + evidence,
                        "Check the clock of this machine and of the server (timedatectl).\n");
            case EXPIRED:
                return Finding.fail("tls.expiry", title, "EXPIRED: " + evidence, fixes.expiry());
            default:
                break;
        }
        for (X509Certificate issuer : chain.subList(1, chain.size())) {
            CertificateWindow window = window(issuer);
            if (!isSelfIssued(issuer) && window.stage(now).isFailure()) {
                return Finding.fail("tls.expiry", title, (window.stage(now) == CertificateWindow.Stage.EXPIRED
                        ? "EXPIRED: the intermediate " : "NOT VALID: the intermediate ")
                        + name(issuer.getSubjectX500Principal()) + " sent with the certificate is valid "
                        + window.notBefore() + " to " + window.notAfter(), "Serve your CA's current intermediate: "
                        + "re-download the full chain.\n" + fixes.fullChain());
            }
        }
        return switch (stage) {
            case CRITICAL -> Finding.fail("tls.expiry", title, evidence + "; under a tenth of its lifetime left: "
                    + "renewal has failed", fixes.expiry());
            case RENEWAL_DUE -> Finding.warn("tls.expiry", title, evidence + "; under a third left: renewal is due",
                    fixes.expiry());
            default -> Finding.pass("tls.expiry", title, evidence);
        };
    }

    private static String remaining(CertificateWindow window, Instant now) {
        if (!window.left(now).isNegative()) {
            return CertificateWindow.describe(window.left(now)) + " left ("
                    + Math.round(window.fractionLeft(now) * 100) + "%)";
        }
        return "expired " + CertificateWindow.describe(window.left(now)) + " ago";
    }

    static Finding key(List<X509Certificate> chain) {
        String title = "Certificate key type and size";
        if (chain.isEmpty()) {
            return Finding.skip("tls.key", title, NO_CERTIFICATE);
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
                "Reissue with an EC P-256 key (acme.sh --keylength ec-256) or RSA of at least 2048 bits.\n")
                : Finding.pass("tls.key", title, evidence);
    }

    static Finding http2(TlsProbe probe, Fixes fixes) {
        String title = "HTTP/2 via ALPN";
        String alpn = probe.alpn().orElse("none");
        return alpn.equals("h2") ? Finding.pass("http.h2", title, "server selected h2")
                : Finding.warn("http.h2", title, "server selected " + alpn + " when offered h2", fixes.http2());
    }

    private static CertificateWindow window(X509Certificate certificate) {
        return new CertificateWindow(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
    }

    private static String chainSummary(List<X509Certificate> chain) {
        List<String> subjects = chain.stream().map(TlsChecks::label).toList();
        return chain.size() + " certificate(s) sent: " + String.join(" <- ", subjects);
    }

    private static String name(X500Principal principal) {
        return principal.getName();
    }

    /** The subject, or the names when the subject is empty (Caddy's and many ACME leaves have none). */
    private static String label(X509Certificate certificate) {
        String subject = name(certificate.getSubjectX500Principal());
        return subject.isEmpty() ? "(no subject) " + CertificateFacts.of(certificate, Instant.now())
                .subjectAlternativeNames() : subject;
    }

    private static boolean isSelfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    private static boolean isTrustedIssuer(X500Principal issuer, TrustMode trust) {
        return Arrays.stream(TrustManagers.forMode(trust).getAcceptedIssuers())
                .anyMatch(anchor -> anchor.getSubjectX500Principal().equals(issuer));
    }

    /** PKIX found no path at all (as opposed to a path that failed a check such as a signature). */
    private static boolean isPathNotFound(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertPathBuilderException) {
                return true;
            }
        }
        return false;
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
