package org.chatalot.bench;

import java.util.EnumSet;
import java.util.Set;

/**
 * The suite's parts, in the order they run; the name is the CLI's and the doc section's. {@code all} runs
 * every part but the soak and search (W9), which take minutes by design and run only when named.
 */
public enum Workload {
    WRITES("writes", true), COLDSTART("coldstart", true), IDLE("idle", true), FANOUT("fanout", true),
    LATENCY("latency", true), LOGINS("logins", true), UPLOAD("upload", true), WEB("web", true),
    SOAK("soak", false), SEARCH("search", false);

    private final String label;
    private final boolean inSuite;

    Workload(String label, boolean inSuite) {
        this.label = label;
        this.inSuite = inSuite;
    }

    public String label() {
        return label;
    }

    /** The parts {@code all} runs. */
    public static Set<Workload> suite() {
        Set<Workload> suite = EnumSet.noneOf(Workload.class);
        for (Workload w : values()) {
            if (w.inSuite) {
                suite.add(w);
            }
        }
        return suite;
    }
}
