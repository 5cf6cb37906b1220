package org.chatalot.bench.report;

import java.io.IOException;

import org.chatalot.bench.core.Machine;

/**
 * Writes one run's results: the JSON file, the detail section of each workload that ran, the charts when
 * fan-out ran, and the summary with its ratio table when the whole suite ran (ratios only mean something
 * when every figure comes from the same run).
 */
public final class Publisher {
    private final Report report;

    public Publisher(Report report) {
        this.report = report;
    }

    /** {@code name}: "suite" for a whole run, otherwise the workload's name (the JSON file's name). */
    public void publish(SuiteResults r, String name, boolean wholeSuite, int senders) throws IOException {
        report.json(name, r);
        String machine = r.machine();
        if (!r.fanout().isEmpty()) {
            report.section("fanout", Sections.fanout(r.fanout(), r.members(), senders, machine));
            Charts.fanout(r.fanout(), report.repo().resolve("docs/images"), "measured " + machine);
        }
        if (r.latency() != null) {
            report.section("latency", Sections.latency(r.latency(), machine));
        }
        if (r.idle() != null) {
            report.section("idle", Sections.idle(r.idle(), machine));
        }
        if (r.logins() != null) {
            report.section("logins", Sections.logins(r.logins(), machine));
        }
        if (r.upload() != null) {
            report.section("upload", Sections.upload(r.upload(), machine));
        }
        if (r.coldStart() != null) {
            report.section("coldstart", Sections.coldStart(r.coldStart(), machine));
        }
        if (r.h2() != null) {
            report.section("writes", Sections.writes(r.writes(), r.h2(), machine));
        }
        if (r.soak() != null) {
            report.section("soak", Sections.soak(r.soak(), machine));
        }
        if (wholeSuite) {
            report.section("summary", Summary.render(r, Machine.cores()));
        }
    }
}
