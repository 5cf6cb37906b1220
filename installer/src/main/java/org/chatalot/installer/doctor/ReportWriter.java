package org.chatalot.installer.doctor;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.chatalot.installer.tls.CertificateFacts;
import org.chatalot.model.health.CertificateWindow;

/** A report as terminal text, Markdown (for issues and the admin app's export) or JSON (for scripts). */
public final class ReportWriter {

    private ReportWriter() {
    }

    public static String text(DoctorReport report) {
        StringBuilder out = new StringBuilder("Chatalot deployment check: " + report.url() + "\n\n");
        for (Finding finding : report.findings()) {
            out.append(String.format("%-5s %-18s %s%n", finding.severity().label().toUpperCase(Locale.ROOT),
                    finding.id(), finding.title()));
            out.append("      ").append(finding.evidence()).append('\n');
            if (!finding.fix().isBlank()) {
                finding.fix().strip().lines().forEach(line -> out.append("      fix: ").append(line).append('\n'));
            }
        }
        report.chain().stream().findFirst().ifPresent(leaf -> out.append('\n').append(certificate(leaf)));
        return out.append('\n').append(summary(report)).append('\n').toString();
    }

    public static String markdown(DoctorReport report) {
        StringBuilder out = new StringBuilder("# Chatalot deployment check: " + report.url() + "\n\n")
                .append(summary(report)).append("\n\n| result | check | evidence |\n|---|---|---|\n");
        for (Finding f : report.findings()) {
            out.append("| ").append(f.severity().label()).append(" | `").append(f.id()).append("` ")
                    .append(cell(f.title())).append(" | ").append(cell(f.evidence())).append(" |\n");
        }
        List<Finding> toFix = report.findings().stream().filter(f -> !f.fix().isBlank()).toList();
        if (!toFix.isEmpty()) {
            out.append("\n## Fixes\n");
            toFix.forEach(f -> out.append("\n### `").append(f.id()).append("`: ").append(f.title())
                    .append("\n\n```text\n").append(f.fix().strip()).append("\n```\n"));
        }
        report.chain().stream().findFirst().ifPresent(leaf -> out.append("\n## Certificate\n\n```text\n")
                .append(certificate(leaf)).append("```\n"));
        return out.toString();
    }

    public static String json(DoctorReport report) {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("url", report.url().toString());
        root.put("started_at", report.startedAt());
        root.put("took_ms", report.took().toMillis());
        root.put("result", result(report));
        root.put("exit_code", report.exitCode());
        root.put("tls_protocol", report.tlsProtocol().orElse(null));
        root.put("alpn", report.alpn().orElse(null));
        root.put("findings", report.findings());
        root.put("certificates", report.chain());
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String summary(DoctorReport report) {
        Map<Severity, Long> counts = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            counts.put(severity, report.findings().stream().filter(f -> f.severity() == severity).count());
        }
        return "Result: " + result(report) + " (" + counts.get(Severity.PASS) + " passed, "
                + counts.get(Severity.WARN) + " warnings, " + counts.get(Severity.FAIL) + " failed, "
                + counts.get(Severity.SKIP) + " skipped) in " + report.took().toMillis() / 1000.0 + " s";
    }

    /** The verdict as the exit code gives it: skipped checks alone do not make a run anything but a pass. */
    static String result(DoctorReport report) {
        return report.worst() == Severity.SKIP ? Severity.PASS.label() : report.worst().label();
    }

    private static String certificate(CertificateFacts leaf) {
        Duration left = Duration.between(Instant.now(), leaf.notAfter());
        return "Certificate: " + (leaf.subject().isEmpty() ? "(no subject)" : leaf.subject()) + "\n  issuer:  "
                + leaf.issuer() + "\n  names:   " + leaf.subjectAlternativeNames() + "\n  valid:   "
                + leaf.notBefore() + " to " + leaf.notAfter() + " (" + (left.isNegative() ? "expired "
                + CertificateWindow.describe(left) + " ago" : CertificateWindow.describe(left) + " left")
                + ")\n  key:     " + leaf.keyAlgorithm() + " " + leaf.keyBits()
                + "\n  sha256:  " + leaf.sha256Fingerprint() + "\n";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
