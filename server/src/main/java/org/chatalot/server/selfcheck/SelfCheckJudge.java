package org.chatalot.server.selfcheck;

import java.io.IOException;
import java.net.URI;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.chatalot.model.health.CertificateWindow;
import org.chatalot.model.health.SelfCheck;

/**
 * Turns one look at the public URL into the self-check report: the certificate judged against its own lifetime
 * (the doctor's thresholds: warn under a third left, fail under a tenth), its verification, and whether the
 * health answer came back through the proxy.
 */
final class SelfCheckJudge {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SelfCheckJudge() {
    }

    static SelfCheck judge(URI publicUrl, PublicUrlProbe.Observation seen, Instant now) {
        List<SelfCheck.Finding> findings = new ArrayList<>();
        String target = publicUrl.getHost() + ":" + (publicUrl.getPort() == -1 ? 443 : publicUrl.getPort());
        SelfCheck.Certificate certificate = null;
        if (!seen.connected()) {
            findings.add(fail("public_url.reach", "cannot connect to " + target + ": " + describe(seen)));
        } else if (seen.chain().isEmpty()) {
            findings.add(fail("tls.handshake", "no TLS session with " + target + ": " + describe(seen)));
        } else {
            certificate = certificate(seen, now);
            expiry(certificate, publicUrl.getHost(), now).ifPresent(findings::add);
            if (!seen.verified() && !isValidityOnly(seen)) {
                findings.add(fail("certificate.trust", "the certificate of " + target + " could not be verified ("
                        + describe(seen) + "); for a private CA set SELF_CHECK_CA_FILE to its certificate"));
            }
        }
        SelfCheck.ThroughProxy health = throughProxy(seen);
        if (seen.verified() && !health.up()) {
            findings.add(fail("proxy.health", "GET " + publicUrl + "/api/health through the proxy: "
                    + health.detail()));
        }
        findings.sort(Comparator.comparing(f -> f.severity().equals(SelfCheck.FAIL) ? 0 : 1));
        String status = findings.isEmpty() ? SelfCheck.OK : findings.get(0).severity();
        return new SelfCheck(publicUrl.toString(), now, status, certificate, health, findings);
    }

    private static SelfCheck.Certificate certificate(PublicUrlProbe.Observation seen, Instant now) {
        X509Certificate leaf = seen.chain().get(0);
        CertificateWindow window = new CertificateWindow(leaf.getNotBefore().toInstant(),
                leaf.getNotAfter().toInstant());
        return new SelfCheck.Certificate(leaf.getSubjectX500Principal().getName(),
                leaf.getIssuerX500Principal().getName(), window.notBefore(), window.notAfter(),
                window.left(now).toSeconds(), window.lifetime().toSeconds(), seen.verified(),
                window.stage(now).name().toLowerCase(Locale.ROOT));
    }

    private static Optional<SelfCheck.Finding> expiry(SelfCheck.Certificate certificate, String host,
                                                                 Instant now) {
        CertificateWindow window = new CertificateWindow(certificate.notBefore(), certificate.notAfter());
        String lifetime = CertificateWindow.describe(window.lifetime());
        String left = CertificateWindow.describe(window.left(now));
        String about = "the certificate for " + host + " ";
        return Optional.ofNullable(switch (window.stage(now)) {
            case EXPIRED -> fail("certificate.expiry", about + "expired " + left + " ago (valid until "
                    + certificate.notAfter() + ")");
            case NOT_YET_VALID -> fail("certificate.expiry", about + "is not valid before " + certificate.notBefore()
                    + ": check this machine's clock");
            case CRITICAL -> fail("certificate.expiry", about + "expires in " + left + ", under a tenth of its "
                    + lifetime + " lifetime: renewal has failed");
            case RENEWAL_DUE -> new SelfCheck.Finding("certificate.expiry", SelfCheck.WARN, about + "expires in "
                    + left + ", under a third of its " + lifetime + " lifetime: renewal is due");
            case VALID -> null;
        });
    }

    private static SelfCheck.ThroughProxy throughProxy(PublicUrlProbe.Observation seen) {
        double millis = Math.round(seen.latency().toNanos() / 10_000.0) / 100.0;
        if (!seen.verified()) {
            return new SelfCheck.ThroughProxy(false, 0, 0, seen.chain().isEmpty() ? "not sent: no TLS connection"
                    : "not sent: the certificate did not verify (the self-check never skips verification)");
        }
        if (seen.status() == 0) {
            return new SelfCheck.ThroughProxy(false, 0, millis, "no answer: " + describe(seen));
        }
        String status = parseStatus(seen.body());
        boolean up = seen.status() == 200 && status.equals("ok");
        String detail = seen.status() + (status.isEmpty() ? " (not Chatalot's health answer: the proxy may not reach "
                + "the server)" : " with status " + status);
        return new SelfCheck.ThroughProxy(up, seen.status(), millis, detail);
    }

    private static String parseStatus(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node.path("status").asText("") : "";
        } catch (IOException notJson) {
            return "";
        }
    }

    private static boolean isValidityOnly(PublicUrlProbe.Observation seen) {
        for (Throwable cause = seen.failure().orElse(null); cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateExpiredException || cause instanceof CertificateNotYetValidException
                    || cause instanceof CertPathValidatorException path
                    && (path.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                    || path.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(PublicUrlProbe.Observation seen) {
        Throwable root = seen.failure().orElse(null);
        if (root == null) {
            return "unknown error";
        }
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static SelfCheck.Finding fail(String id, String message) {
        return new SelfCheck.Finding(id, SelfCheck.FAIL, message);
    }
}
