package org.chatalot.admin.doctor;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.chatalot.admin.api.JsonCodec;
import org.chatalot.admin.connection.CertificateDetails;
import org.chatalot.installer.doctor.DoctorReport;
import org.chatalot.installer.doctor.Finding;
import org.chatalot.installer.doctor.Severity;

/** A check report as Markdown (to paste into a ticket) and as JSON (for scripts; the CLI's {@code --json}). */
public final class ReportExport {
    private final JsonCodec json = new JsonCodec();

    public String markdown(DoctorReport report) {
        StringBuilder out = new StringBuilder();
        out.append("# Deployment check: ").append(report.url()).append("\n\n");
        out.append("Checked ").append(report.startedAt()).append(" in ").append(report.took().toMillis())
                .append(" ms. Result: **").append(report.worst().label()).append("** (")
                .append(report.withSeverity(Severity.PASS).size()).append(" pass, ").append(report.withSeverity(Severity.WARN).size())
                .append(" warn, ").append(report.withSeverity(Severity.FAIL).size()).append(" fail, ")
                .append(report.withSeverity(Severity.SKIP).size()).append(" skipped).\n\n");
        out.append("| check | result | evidence | fix |\n|---|---|---|---|\n");
        for (Finding finding : report.findings()) {
            out.append("| ").append(cell(finding.title())).append(" (`").append(finding.id()).append("`) | ")
                    .append(finding.severity().label()).append(" | ").append(cell(finding.evidence())).append(" | ")
                    .append(cell(finding.fix())).append(" |\n");
        }
        CertificateDetails.leafOf(report).ifPresent(leaf -> certificate(out, leaf, report.startedAt()));
        return out.toString();
    }

    private static void certificate(StringBuilder out, CertificateDetails leaf, Instant at) {
        out.append("\n## Certificate\n\n")
                .append("- Subject: ").append(leaf.subject()).append('\n')
                .append("- Issuer: ").append(leaf.issuer()).append('\n')
                .append("- Names: ").append(String.join(", ", leaf.subjectAlternativeNames())).append('\n')
                .append("- Valid: ").append(leaf.notBefore()).append(" to ").append(leaf.notAfter())
                .append(" (").append(leaf.daysLeft(at)).append(" days left)\n")
                .append("- SHA-256: `").append(leaf.sha256()).append("`\n");
    }

    public String json(DoctorReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("url", report.url().toString());
        out.put("started_at", report.startedAt().toString());
        out.put("took_ms", report.took().toMillis());
        out.put("result", report.worst().label());
        out.put("exit_code", report.exitCode());
        out.put("findings", report.findings().stream().map(ReportExport::finding).toList());
        out.put("certificates", report.chain().stream().map(CertificateDetails::of)
                .map(c -> certificate(c, report.startedAt())).toList());
        try {
            return json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report", e);
        }
    }

    private static Map<String, Object> finding(Finding finding) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", finding.id());
        out.put("title", finding.title());
        out.put("severity", finding.severity().label());
        out.put("evidence", finding.evidence());
        out.put("fix", finding.fix());
        return out;
    }

    private static Map<String, Object> certificate(CertificateDetails leaf, Instant at) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("subject", leaf.subject());
        out.put("issuer", leaf.issuer());
        out.put("names", List.copyOf(leaf.subjectAlternativeNames()));
        out.put("not_before", leaf.notBefore().toString());
        out.put("not_after", leaf.notAfter().toString());
        out.put("days_left", leaf.daysLeft(at));
        out.put("sha256", leaf.sha256());
        return out;
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
