package org.chatalot.admin.doctor;

/**
 * One check's verdict: a stable id ({@code tls.expiry}), what was checked, the severity, what was observed and
 * what to change (empty when it passed).
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
