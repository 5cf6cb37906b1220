package org.chatalot.admin.doctor;

import java.util.Locale;

/** Ordered best to worst, as the installer's doctor orders them; SKIP says in its evidence why it could not run. */
public enum Severity {
    PASS, SKIP, WARN, FAIL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isWorseThan(Severity other) {
        return compareTo(other) > 0;
    }
}
