package org.chatalot.admin.history;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.chatalot.admin.connection.CertificateDetails;
import org.chatalot.installer.doctor.DoctorReport;
import org.chatalot.installer.doctor.Finding;
import org.chatalot.installer.doctor.Severity;
import org.chatalot.model.health.HealthFinding;

/**
 * One line of a profile's history: a background health check ({@code health}: the server's state, response time,
 * the certificate's days left and the server's own findings, e.g. a failed scheduled backup) or a deployment check
 * ({@code doctor}: its overall result and the findings that did not pass). Kept small: a month of checks every
 * five minutes is well under a megabyte.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Sample(Instant at,
                     Kind kind,
                     String health,
                     @JsonProperty("latency_ms") Double latencyMs,
                     @JsonProperty("cert_days") Long certDays,
                     @JsonProperty("cert_state") String certState,
                     String problem,
                     String doctor,
                     List<Item> findings) {

    public static final String OK = "ok";
    public static final String DEGRADED = "degraded";
    public static final String UNREACHABLE = "unreachable";

    public Sample {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** What kind of check made the sample. */
    public enum Kind {
        @JsonProperty("health") HEALTH,
        @JsonProperty("doctor") DOCTOR
    }

    /** A finding as the history keeps it: enough to say what got worse. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String id, String severity, String title) {
    }

    public static Sample healthy(Instant at, boolean ok, double latencyMs, Certificate certificate,
                                 List<HealthFinding> serverFindings) {
        List<Item> items = serverFindings == null ? List.of() : serverFindings.stream()
                .map(f -> new Item(f.id(), f.severity(), f.title())).toList();
        return new Sample(at, Kind.HEALTH, ok ? OK : DEGRADED, latencyMs, certificate.days(), certificate.state(),
                null, null, items);
    }

    public static Sample unreachable(Instant at, String problem) {
        return new Sample(at, Kind.HEALTH, UNREACHABLE, null, null, null, problem, null, List.of());
    }

    /** A deployment check: its worst result, and each finding that did not pass (absent means passed). */
    public static Sample ofDoctor(DoctorReport report) {
        List<Item> items = report.findings().stream().filter(f -> f.severity() != Severity.PASS)
                .map(f -> new Item(f.id(), f.severity().label(), f.title())).toList();
        String certState = report.finding("tls.expiry").map(Finding::severity).map(Sample::certState)
                .orElse(null);
        Long days = CertificateDetails.leafOf(report).map(leaf -> leaf.daysLeft(report.startedAt())).orElse(null);
        return new Sample(report.startedAt(), Kind.DOCTOR, null, null, days, certState, null,
                report.worst().label(), items);
    }

    private static String certState(Severity severity) {
        return switch (severity) {
            case PASS -> OK;
            case WARN -> "warn";
            case FAIL -> "fail";
            case SKIP -> null;
        };
    }

    /** The certificate as the background check saw it; both null when it was not read (plain HTTP, no answer). */
    public record Certificate(Long days, String state) {
        public static final Certificate UNKNOWN = new Certificate(null, null);

        private static final double DAY_MS = 86_400_000.0;

        /**
         * Days left, judged against the certificate's lifetime: warn with less than a third left, fail with less
         * than a tenth, or once expired; a certificate of a month or more also fails with under 3 days left. A
         * 90-day certificate warns a month ahead; a 12-hour one renewed on schedule stays quiet.
         */
        public static Certificate of(CertificateDetails leaf, Instant now) {
            double lifetime = Math.max(1, leaf.notAfter().toEpochMilli() - leaf.notBefore().toEpochMilli());
            double left = leaf.notAfter().toEpochMilli() - now.toEpochMilli();
            double fraction = left / lifetime;
            boolean nearlyOut = lifetime >= 30 * DAY_MS && left < 3 * DAY_MS;
            String state = left < 0 || fraction < 0.1 || nearlyOut ? "fail" : fraction < 1.0 / 3 ? "warn" : OK;
            return new Certificate(leaf.daysLeft(now), state);
        }
    }

    /** How bad a state is, for comparing two samples: ok 0, warn/degraded 1, fail/unreachable 2. */
    static int rank(String state) {
        if (state == null) {
            return 0;
        }
        return switch (state.toLowerCase(Locale.ROOT)) {
            case "warn", DEGRADED -> 1;
            case "fail", UNREACHABLE -> 2;
            default -> 0;
        };
    }
}
