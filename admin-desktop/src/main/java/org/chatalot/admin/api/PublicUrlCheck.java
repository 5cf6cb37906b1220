package org.chatalot.admin.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.chatalot.model.health.HealthFinding;

/**
 * What the app shows of the server's own look at its public URL: the {@code self_check} object of detailed
 * health (certificate time left and stage, {@code /api/health} through the proxy, findings). Read by field name
 * from the report rather than bound to a type, so a server that does not check itself simply has none and one
 * that reports more is still read. Its findings join the server's others as {@code self_check.<id>}, so they are
 * listed on the Health screen, kept in the history and notified when they get worse.
 *
 * @param publicUrl       the URL the server checked
 * @param checkedAt       when, or null if not said
 * @param status          {@code ok}, {@code warn} or {@code fail}
 * @param secondsLeft     the certificate's time left, null when no certificate was seen
 * @param stage           the certificate's stage ({@code valid}, {@code renewal_due}, {@code critical}, {@code expired} …)
 * @param proxyStatusCode the HTTP status of {@code /api/health} through the proxy, 0 when no answer, null if not sent
 * @param proxyUp         whether that answer was this server saying ok
 * @param findings        what the server found wrong, as health findings
 */
public record PublicUrlCheck(String publicUrl, Instant checkedAt, String status, Long secondsLeft, String stage,
                             Integer proxyStatusCode, boolean proxyUp, List<HealthFinding> findings) {
    /** The prefix of the ids of the self-check's findings among the server's others. */
    public static final String FINDING_PREFIX = "self_check.";

    public PublicUrlCheck {
        findings = List.copyOf(findings);
    }

    /** The {@code self_check} object of a detailed health report, if the server sent one. */
    static Optional<PublicUrlCheck> read(JsonNode report) {
        JsonNode node = report.path("self_check");
        if (!node.isObject()) {
            return Optional.empty();
        }
        JsonNode certificate = node.path("certificate");
        JsonNode proxy = node.path("through_proxy");
        List<HealthFinding> findings = new ArrayList<>();
        for (JsonNode finding : node.path("findings")) {
            String id = finding.path("id").asText("unknown");
            findings.add(new HealthFinding(FINDING_PREFIX + id, finding.path("severity").asText(HealthFinding.WARN),
                    title(id), finding.path("message").asText(""), fix(id)));
        }
        return Optional.of(new PublicUrlCheck(node.path("public_url").asText(""), instant(node.path("checked_at")),
                node.path("status").asText("unknown"),
                certificate.isObject() ? certificate.path("seconds_left").asLong() : null,
                certificate.isObject() ? certificate.path("stage").asText(null) : null,
                proxy.isObject() ? proxy.path("status_code").asInt() : null,
                proxy.path("up").asBoolean(false), findings));
    }

    private static Instant instant(JsonNode value) {
        if (value.isNumber()) {
            // epoch seconds with a fraction: Jackson's form when dates are written as timestamps
            return Instant.ofEpochMilli(Math.round(value.asDouble() * 1000));
        }
        try {
            return value.isTextual() ? Instant.parse(value.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String title(String id) {
        return switch (id) {
            case "certificate.expiry" -> "Public URL: certificate expiry";
            case "certificate.trust" -> "Public URL: certificate not trusted";
            case "proxy.health" -> "Public URL: health through the proxy";
            default -> "Public URL: " + id;
        };
    }

    private static String fix(String id) {
        return switch (id) {
            case "certificate.expiry" -> "Renew the certificate; the TLS & deployment screen shows who issued it"
                    + " and how the front is set up.";
            case "certificate.trust" -> "Serve the full chain for the public name (run the deployment check).";
            case "proxy.health" -> "Check that the proxy forwards to this server (run the deployment check).";
            default -> null;
        };
    }
}
