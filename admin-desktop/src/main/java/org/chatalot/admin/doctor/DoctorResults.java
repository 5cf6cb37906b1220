package org.chatalot.admin.doctor;

import org.chatalot.installer.doctor.DoctorReport;

/**
 * Where each finished deployment check goes: the profile's history, which compares it with the last one (across
 * restarts, not just this session) and notifies when it got worse.
 */
@FunctionalInterface
public interface DoctorResults {
    DoctorResults NONE = report -> { };

    /** Called on the UI thread with a finished report. */
    void record(DoctorReport report);
}
