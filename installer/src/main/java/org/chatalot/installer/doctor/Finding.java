package org.chatalot.installer.doctor;

/**
 * One check's verdict.
 *
 * @param id       stable identifier (e.g. {@code tls.expiry}), safe to match on in scripts and the admin app
 * @param title    what was checked, in words
 * @param severity pass, skip, warn or fail
 * @param evidence what was observed (status codes, names, dates, timings)
 * @param fix      what to change, with the nginx lines where that is the remedy; empty on pass
 */
public record Finding(String id, String title, Severity severity, String evidence, String fix) {

    public static Finding pass(String id, String title, String evidence) {
        return new Finding(id, title, Severity.PASS, evidence, "");
    }

    public static Finding skip(String id, String title, String why) {
        return new Finding(id, title, Severity.SKIP, why, "");
    }

    public static Finding warn(String id, String title, String evidence, String fix) {
        return new Finding(id, title, Severity.WARN, evidence, fix);
    }

    public static Finding fail(String id, String title, String evidence, String fix) {
        return new Finding(id, title, Severity.FAIL, evidence, fix);
    }
}
