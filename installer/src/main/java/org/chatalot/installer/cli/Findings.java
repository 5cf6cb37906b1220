package org.chatalot.installer.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import org.chatalot.installer.doctor.Finding;
import org.chatalot.installer.doctor.Severity;

/** Prints preflight findings the way the doctor's text report does, and maps them to an exit code. */
final class Findings {

    private Findings() {
    }

    static int print(PrintWriter out, String heading, List<Finding> findings) {
        out.println(heading);
        for (Finding f : findings) {
            out.printf("%-5s %-20s %s%n      %s%n", f.severity().label().toUpperCase(Locale.ROOT), f.id(), f.title(),
                    f.evidence());
            if (!f.fix().isBlank()) {
                f.fix().strip().lines().forEach(line -> out.println("      fix: " + line));
            }
        }
        out.flush();
        if (findings.stream().anyMatch(f -> f.severity() == Severity.FAIL)) {
            return 2;
        }
        return findings.stream().anyMatch(f -> f.severity() == Severity.WARN) ? 1 : 0;
    }
}
