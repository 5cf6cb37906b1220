package org.chatalot.server.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.chatalot.model.admin.AuditEvent;

/**
 * Writes the audit log as CSV or JSON straight to an output stream while it is read page by page, so
 * exporting years of entries needs no more memory than one page.
 */
public final class AuditExport {
    private static final String[] CSV_COLUMNS = {"id", "at", "actor_id", "actor_name", "action", "target_type",
        "target_id", "target_name", "ip", "user_agent", "details"};

    private final AuditQuery query;
    private final ObjectMapper mapper;
    private final ObjectWriter eventWriter;

    public AuditExport(AuditQuery query, ObjectMapper mapper) {
        this.query = query;
        this.mapper = mapper;
        // One network flush per entry would turn a large export into thousands of tiny chunks.
        this.eventWriter = mapper.writerFor(AuditEvent.class).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    /** The export formats, with the content type and file extension each is served with. */
    public enum Format {
        CSV("text/csv; charset=utf-8"), JSON("application/json");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Format> parse(String value) {
            for (Format format : values()) {
                if (format.extension().equalsIgnoreCase(value)) {
                    return Optional.of(format);
                }
            }
            return Optional.empty();
        }
    }

    /** Writes every matching entry, newest first; returns how many. */
    public long write(AuditQuery.Filter filter, Format format, OutputStream out) throws IOException {
        try {
            return format == Format.CSV ? csv(filter, out) : json(filter, out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private long csv(AuditQuery.Filter filter, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write(String.join(",", CSV_COLUMNS));
        writer.write("\r\n");
        long count = query.forEach(filter, event -> {
            try {
                writer.write(csvRow(event));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.flush();
        return count;
    }

    private String csvRow(AuditEvent event) {
        Object[] values = {event.id(), event.at(), event.actorId(), event.actorName(), event.action(),
            event.targetType(), event.targetId(), event.targetName(), event.ip(), event.userAgent(),
            event.details() == null || event.details().isEmpty() ? null : detailsJson(event.details())};
        StringBuilder row = new StringBuilder(256);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append(csvCell(values[i]));
        }
        return row.append("\r\n").toString();
    }

    /**
     * RFC 4180 quoting, plus a leading apostrophe on text a spreadsheet would run as a formula: names and
     * user agents come from users, and an export is typically opened in one.
     */
    static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private String detailsJson(Map<String, Object> details) {
        try {
            return mapper.writeValueAsString(details);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long json(AuditQuery.Filter filter, OutputStream out) throws IOException {
        try (JsonGenerator generator = mapper.getFactory().createGenerator(out)) {
            generator.writeStartArray();
            long count = query.forEach(filter, event -> {
                try {
                    eventWriter.writeValue(generator, event);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            generator.writeEndArray();
            return count;
        }
    }
}
