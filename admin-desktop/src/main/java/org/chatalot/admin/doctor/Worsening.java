package org.chatalot.admin.doctor;

import java.util.ArrayList;
import java.util.List;

import org.chatalot.installer.doctor.DoctorReport;
import org.chatalot.installer.doctor.Finding;
import org.chatalot.installer.doctor.Severity;

/**
 * What got worse between two runs of the same checks: a finding whose severity rose, or a new finding that is
 * not a pass. Improvements and unchanged results do not notify, so a periodic check stays quiet until it matters.
 */
public final class Worsening {
    private Worsening() {
    }

    public static List<String> between(DoctorReport previous, DoctorReport current) {
        List<String> worse = new ArrayList<>();
        for (Finding now : current.findings()) {
            Severity before = previous.finding(now.id()).map(Finding::severity).orElse(Severity.PASS);
            if (now.severity().isWorseThan(before) && now.severity() != Severity.SKIP) {
                worse.add(now.title() + ": " + before.label() + " → " + now.severity().label() + " ("
                        + now.evidence() + ")");
            }
        }
        return worse;
    }
}
