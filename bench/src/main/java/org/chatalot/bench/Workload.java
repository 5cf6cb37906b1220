package org.chatalot.bench;

/** The suite's parts, in the order {@code all} runs them; the name is the CLI's and the doc section's. */
public enum Workload {
    WRITES("writes"), COLDSTART("coldstart"), IDLE("idle"), FANOUT("fanout"), LATENCY("latency"),
    LOGINS("logins"), UPLOAD("upload"), WEB("web"), SEARCH("search");

    private final String label;

    Workload(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
