package org.chatalot.model.health;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The server's own look at its public URL, repeated on a schedule: the certificate users are shown and the
 * health answer that comes back through the proxy. Part of the detailed health report, so an admin learns of
 * a certificate about to expire from Prometheus or the loopback listener even while the admin app is closed.
 *
 * @param publicUrl    the URL checked (the server's PUBLIC_URL)
 * @param checkedAt    when the last check ran
 * @param status       {@code ok}, {@code warn} or {@code fail}: the worst of the findings
 * @param certificate  the certificate presented, or null when no TLS handshake got that far
 * @param throughProxy {@code GET /api/health} over the public URL, or null when it could not be sent
 * @param findings     what is wrong, worst first; empty when all is well
 */
public record SelfCheck(@JsonProperty("public_url") String publicUrl,
                        @JsonProperty("checked_at") Instant checkedAt,
                        String status,
                        Certificate certificate,
                        @JsonProperty("through_proxy") ThroughProxy throughProxy,
                        List<Finding> findings) {

    public static final String OK = "ok";
    public static final String WARN = "warn";
    public static final String FAIL = "fail";

    public SelfCheck {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /**
     * The leaf certificate the public URL presented.
     *
     * @param subject         subject DN
     * @param issuer          issuer DN
     * @param notBefore       start of validity
     * @param notAfter        end of validity
     * @param secondsLeft     until {@code notAfter}, negative once expired
     * @param lifetimeSeconds from {@code notBefore} to {@code notAfter}
     * @param verified        whether the chain and host name verified against the server's trust
     * @param stage           {@link CertificateWindow.Stage} in lower case: valid, renewal_due, critical, expired …
     */
    public record Certificate(String subject,
                              String issuer,
                              @JsonProperty("not_before") Instant notBefore,
                              @JsonProperty("not_after") Instant notAfter,
                              @JsonProperty("seconds_left") long secondsLeft,
                              @JsonProperty("lifetime_seconds") long lifetimeSeconds,
                              boolean verified,
                              String stage) {
    }

    /**
     * {@code GET /api/health} sent to the public URL, so through the proxy, as a browser would.
     *
     * @param up         200 with {@code "status":"ok"} from this server
     * @param statusCode the HTTP status, 0 when no answer came
     * @param latencyMs  how long the answer took
     * @param detail     what came back, or why nothing did
     */
    public record ThroughProxy(boolean up,
                               @JsonProperty("status_code") int statusCode,
                               @JsonProperty("latency_ms") double latencyMs,
                               String detail) {
    }

    /**
     * One problem: a stable id ({@code certificate.expiry}, {@code certificate.trust}, {@code proxy.health}),
     * {@code warn} or {@code fail}, and what was seen.
     */
    public record Finding(String id, String severity, String message) {
    }
}
