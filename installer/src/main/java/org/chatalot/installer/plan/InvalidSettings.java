package org.chatalot.installer.plan;

import java.util.List;

/** Settings that cannot produce a working deployment; every problem names its field. */
public final class InvalidSettings extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidSettings(List<String> problems) {
        super("Invalid settings:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
