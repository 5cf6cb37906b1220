package org.chatalot.admin.audit;

import java.util.Locale;

/** The audit export's file formats, as the server's {@code format} parameter names them; the server writes both. */
public enum ExportFormat {
    CSV, JSON;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
