package org.chatalot.admin.audit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.chatalot.admin.api.AdminApi;
import org.chatalot.admin.api.ApiException;
import org.chatalot.admin.api.AuditQuery;
import org.chatalot.admin.api.JsonCodec;
import org.chatalot.model.admin.AuditEvent;
import org.chatalot.model.admin.AuditPage;

/**
 * Exports the audit log: the server's own export endpoint when it has one, otherwise by paging through the
 * query API (which every server with an audit log has) and writing the file here. Bounded, so a huge log cannot
 * exhaust memory: past {@link #MAX_ENTRIES} the file says it was cut.
 */
public final class AuditExport {
    static final int MAX_ENTRIES = 100_000;

    /** File formats, as the server's {@code format} parameter names them. */
    public enum Format {
        CSV, JSON;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final AdminApi api;

    public AuditExport(AdminApi api) {
        this.api = api;
    }

    /** Returns how many entries were written, or -1 when the server wrote the file (count unknown). */
    public int write(AuditQuery query, Format format, Path target) throws IOException, InterruptedException {
        try {
            api.exportAudit(query, format.wireName(), target);
            return -1;
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
        List<AuditEvent> all = fetchAll(query);
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            if (format == Format.JSON) {
                new JsonCodec().mapper().writerWithDefaultPrettyPrinter().writeValue(out, all);
            } else {
                writeCsv(out, all);
            }
        }
        return all.size();
    }

    private List<AuditEvent> fetchAll(AuditQuery query) throws IOException, InterruptedException {
        List<AuditEvent> all = new ArrayList<>();
        UUID before = null;
        do {
            AuditPage page = api.audit(new AuditQuery(query.actorId(), query.action(), query.targetId(),
                    query.from(), query.to(), before, 500));
            all.addAll(page.entries());
            before = page.entries().isEmpty() ? null : page.nextBefore();
        } while (before != null && all.size() < MAX_ENTRIES);
        return all;
    }

    static void writeCsv(Writer out, List<AuditEvent> entries) throws IOException {
        out.write("at,actor_id,actor_name,action,target_type,target_id,target_name,ip,user_agent,details\n");
        for (AuditEvent event : entries) {
            out.write(String.join(",", csv(event.at()), csv(event.actorId()), csv(event.actorName()),
                    csv(event.action()), csv(event.targetType()), csv(event.targetId()), csv(event.targetName()),
                    csv(event.ip()), csv(event.userAgent()), csv(event.details())) + "\n");
        }
    }

    /** RFC 4180 quoting, and a leading quote for values a spreadsheet would run as a formula. */
    static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
