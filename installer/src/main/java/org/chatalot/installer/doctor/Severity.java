package org.chatalot.installer.doctor;

import java.util.Locale;

/** Ordered from best to worst; SKIP means the check could not run and says why in its evidence. */
public enum Severity {
    PASS, SKIP, WARN, FAIL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isWorseThan(Severity other) {
        return compareTo(other) > 0;
    }
}
